using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.RegularExpressions;
using Azure;
using PowerFunctions.App.Config;
using PowerFunctions.App.Http;
using PowerFunctions.Domain.Common;
using PowerFunctions.Storage;

namespace PowerFunctions.App.Features.Documents.Sealing;

/// <summary>
/// The seal keys from where they are kept; a department's keys come from one place, the first that has
/// them: its Key Vault secret (<see cref="KeyVaultSealKeys"/>, with <c>Seal:KeyVaultUri</c>), else
/// <c>Seal:Keys:{dept}</c>, else — where allowed (not Production by default) — a development key generated
/// on first use and kept create-only (a file under <c>{Storage:DataPath}/seals/</c> with the embedded store,
/// a blob in container <c>seals</c> with Azure Storage) so concurrent first uses agree on one key.
/// </summary>
public sealed partial class SealKeyStore : ISealKeyStore
{
    public const string DevelopmentContainer = "seals";

    private static readonly JsonSerializerOptions FileJson = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private readonly SealSettings _settings;
    private readonly KeyVaultSealKeys? _keyVault;
    private readonly StorageOptions _storageOptions;
    private readonly IStorageAccount _storage;
    private readonly TimeProvider _clock;
    private readonly ConcurrentDictionary<string, SealKey> _developmentKeys = new(StringComparer.OrdinalIgnoreCase);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile bool _containerReady;

    public SealKeyStore(SealSettings settings, KeyVaultSealKeys? keyVault, StorageOptions storageOptions, IStorageAccount storage, TimeProvider clock)
    {
        if (settings.KeyVaultUri is not null && keyVault is null)
        {
            throw new ConfigurationException("Seal:KeyVaultUri is set but no Key Vault client was given.");
        }

        _settings = settings;
        _keyVault = keyVault;
        _storageOptions = storageOptions;
        _storage = storage;
        _clock = clock;
    }

    public async Task<SealKey> GetSigningKeyAsync(string departmentCode, string departmentName, CancellationToken cancellationToken)
    {
        var ring = await RingAsync(departmentCode, null, cancellationToken).ConfigureAwait(false);
        if (ring is not null)
        {
            if (ring.Problems.Count > 0)
            {
                throw new ProblemException(503, "documents.seal_key_invalid", "该部门的电子印章密钥配置有误，暂不能出具文书",
                    $"the seal keys of department {departmentCode} are ambiguous or unreadable: {string.Join("; ", ring.Problems)}");
            }

            var now = _clock.GetUtcNow();
            var key = ring.SigningKeyAt(now);
            if (key is null || (key.IsValidAt(now) && key.PrivateKey is null))
            {
                throw new ProblemException(503, "documents.seal_key_missing", "该部门尚未配置电子印章，暂不能出具文书",
                    $"department {departmentCode} has no key that can sign now ({(key is null ? "no enabled key" : $"key {key.KeyId} only verifies here")})");
            }

            return key;   // possibly outside its period: the caller refuses it with the reason
        }

        if (!_settings.GenerateDevelopmentKeys)
        {
            throw new ProblemException(503, "documents.seal_key_missing", "该部门尚未配置电子印章，暂不能出具文书",
                $"no seal key is configured for department {departmentCode} ({Where(departmentCode)})");
        }

        ValidateDepartmentCode(departmentCode);
        if (_developmentKeys.TryGetValue(departmentCode, out var cached))
        {
            return cached;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var key = await LoadDevelopmentKeyAsync(departmentCode, cancellationToken).ConfigureAwait(false)
                ?? await CreateDevelopmentKeyAsync(departmentCode, departmentName, cancellationToken).ConfigureAwait(false);
            _developmentKeys[departmentCode] = key;
            return key;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<IReadOnlyList<SealKey>> GetTrustedKeysAsync(string departmentCode, string? keyId, CancellationToken cancellationToken)
    {
        if (!DepartmentCodePattern().IsMatch(departmentCode))
        {
            return [];
        }

        var ring = await RingAsync(departmentCode, keyId, cancellationToken).ConfigureAwait(false);
        if (ring is not null)
        {
            return ring.Trusted;
        }

        if (!_developmentKeys.TryGetValue(departmentCode, out var development))
        {
            development = await LoadDevelopmentKeyAsync(departmentCode, cancellationToken).ConfigureAwait(false);
            if (development is not null)
            {
                _developmentKeys[departmentCode] = development;
            }
        }

        return development is null ? [] : [development with { PrivateKey = null }];
    }

    /// <summary>The department's keys from Key Vault, else configuration; null when neither has them.</summary>
    private async Task<SealKeyRing?> RingAsync(string departmentCode, string? keyId, CancellationToken cancellationToken)
    {
        if (_keyVault is not null && DepartmentCodePattern().IsMatch(departmentCode))
        {
            var fromVault = await _keyVault.GetAsync(departmentCode, keyId, cancellationToken).ConfigureAwait(false);
            if (fromVault is not null)
            {
                return fromVault;
            }
        }

        return _settings.Configured.GetValueOrDefault(departmentCode);
    }

    private string Where(string departmentCode) => _keyVault is null
        ? $"Seal:Keys:{departmentCode}:PrivateKey"
        : $"Key Vault secret {KeyVaultSealKeys.SecretName(departmentCode)} or Seal:Keys:{departmentCode}:PrivateKey";

    private static void ValidateDepartmentCode(string departmentCode)
    {
        if (!DepartmentCodePattern().IsMatch(departmentCode))
        {
            throw Problems.BadParameter("departmentCode", "a department code is 1-32 letters, digits, dashes or underscores");
        }
    }

    private async Task<SealKey?> LoadDevelopmentKeyAsync(string departmentCode, CancellationToken cancellationToken)
    {
        byte[]? json;
        if (_storageOptions.Provider == StorageOptions.Embedded)
        {
            var path = DevelopmentKeyPath(departmentCode);
            json = File.Exists(path) ? await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false) : null;
        }
        else
        {
            var container = _storage.GetBlobContainerClient(DevelopmentContainer);
            if (!_containerReady)
            {
                await container.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
                _containerReady = true;
            }

            var download = await container.DownloadAsync($"{departmentCode}.json", cancellationToken).ConfigureAwait(false);
            json = download?.Content;
        }

        var key = json is null ? null : JsonSerializer.Deserialize<SealKey>(json, FileJson);
        // Files written before key ids name none: the default id is derived from the public key, so it is stable.
        return key is null || key.KeyId.Length > 0 ? key : key with { KeyId = SealKey.DefaultKeyId(key.DepartmentCode, key.PublicKey) };
    }

    private async Task<SealKey> CreateDevelopmentKeyAsync(string departmentCode, string departmentName, CancellationToken cancellationToken)
    {
        var now = ChinaTime.InChina(_clock.GetUtcNow());
        var (privateKey, publicKey) = SealCrypto.GenerateKey();
        var year = now.Year;
        var key = new SealKey
        {
            KeyId = SealKey.DefaultKeyId(departmentCode, publicKey),
            SealId = $"{departmentCode}-DEV-{publicKey[2..10]}",
            DepartmentCode = departmentCode,
            DepartmentName = departmentName,
            ValidFrom = new DateTimeOffset(year, 1, 1, 0, 0, 0, ChinaTime.Offset),
            ValidTo = new DateTimeOffset(year + 6, 1, 1, 0, 0, 0, ChinaTime.Offset),
            PublicKey = publicKey,
            PrivateKey = privateKey,
            Source = "development",
        };
        var json = JsonSerializer.SerializeToUtf8Bytes(key, FileJson);
        try
        {
            if (_storageOptions.Provider == StorageOptions.Embedded)
            {
                var path = DevelopmentKeyPath(departmentCode);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
                await file.WriteAsync(json, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                var container = _storage.GetBlobContainerClient(DevelopmentContainer);
                await container.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
                await container.UploadAsync($"{departmentCode}.json", json, "application/json", cancellationToken: cancellationToken).ConfigureAwait(false);
            }

            return key;
        }
        catch (Exception e) when (e is IOException || (e is RequestFailedException r && r.Status == 409))
        {
            // Another process made the key first: use that one.
            return await LoadDevelopmentKeyAsync(departmentCode, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"the development seal of {departmentCode} could not be created or read", e);
        }
    }

    private string DevelopmentKeyPath(string departmentCode) =>
        Path.Combine(Path.GetFullPath(_storageOptions.DataPath), "seals", $"{departmentCode}.json");

    [GeneratedRegex("^[A-Za-z0-9_-]{1,32}$")]
    private static partial Regex DepartmentCodePattern();
}
