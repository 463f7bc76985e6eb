using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Azure;
using PowerFunctions.App.Config;
using PowerFunctions.App.Http;
using PowerFunctions.Domain.Common;
using PowerFunctions.Storage;

namespace PowerFunctions.App.Features.Documents.Sealing;

/// <summary>
/// Seals from configuration first; otherwise, where allowed (not Production by default), a
/// development key per department generated on first use and kept create-only — a file under
/// <c>{Storage:DataPath}/seals/</c> with the embedded store, a blob in container <c>seals</c> with
/// Azure Storage — so concurrent first uses agree on one key. Never committed anywhere.
/// </summary>
public sealed partial class SealKeyStore : ISealKeyStore
{
    public const string DevelopmentContainer = "seals";

    private static readonly JsonSerializerOptions FileJson = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private readonly IReadOnlyDictionary<string, SealKey> _configured;
    private readonly bool _generate;
    private readonly StorageOptions _storageOptions;
    private readonly IStorageAccount _storage;
    private readonly TimeProvider _clock;
    private readonly ConcurrentDictionary<string, SealKey> _developmentKeys = new(StringComparer.OrdinalIgnoreCase);
    private readonly SemaphoreSlim _gate = new(1, 1);

    public SealKeyStore(IConfiguration configuration, IHostEnvironment environment, StorageOptions storageOptions, IStorageAccount storage, TimeProvider clock)
    {
        var options = configuration.GetSection("Seal").Get<SealOptions>() ?? new SealOptions();
        _configured = Read(options);
        _generate = options.GenerateDevelopmentKeys ?? !environment.IsProduction();
        _storageOptions = storageOptions;
        _storage = storage;
        _clock = clock;
    }

    public bool GeneratesDevelopmentKeys => _generate;

    public IReadOnlyCollection<string> ConfiguredDepartments => _configured.Keys.ToList();

    public async Task<SealKey> GetSigningKeyAsync(string departmentCode, string departmentName, CancellationToken cancellationToken)
    {
        if (_configured.TryGetValue(departmentCode, out var configured))
        {
            return configured;
        }

        if (!_generate)
        {
            throw new ProblemException(503, "documents.seal_key_missing", "该部门尚未配置电子印章，暂不能出具文书",
                $"no seal is configured for department {departmentCode} (Seal:Keys:{departmentCode}:PrivateKey)");
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

    public async Task<SealKey?> FindAsync(string departmentCode, CancellationToken cancellationToken)
    {
        if (_configured.TryGetValue(departmentCode, out var configured))
        {
            return configured;
        }

        if (!DepartmentCodePattern().IsMatch(departmentCode))
        {
            return null;
        }

        if (_developmentKeys.TryGetValue(departmentCode, out var cached))
        {
            return cached;
        }

        var loaded = await LoadDevelopmentKeyAsync(departmentCode, cancellationToken).ConfigureAwait(false);
        if (loaded is not null)
        {
            _developmentKeys[departmentCode] = loaded;
        }

        return loaded;
    }

    /// <summary>Reads and checks the configured keys; a bad one stops the app naming the setting.</summary>
    private static Dictionary<string, SealKey> Read(SealOptions options)
    {
        var keys = new Dictionary<string, SealKey>(StringComparer.OrdinalIgnoreCase);
        foreach (var (department, key) in options.Keys)
        {
            var prefix = $"Seal:Keys:{department}";
            if (string.IsNullOrWhiteSpace(key.PrivateKey))
            {
                throw new ConfigurationException($"{prefix}:PrivateKey is empty; give the department's SM2 private key (64 hex digits), e.g. as a Key Vault reference.");
            }

            string publicKey;
            try
            {
                publicKey = Sm2.PublicKeyOf(key.PrivateKey);
            }
            catch (FormatException e)
            {
                throw new ConfigurationException($"{prefix}:PrivateKey is not an SM2 private key: {e.Message}.");
            }

            if (!string.IsNullOrWhiteSpace(key.PublicKey) && !string.Equals(key.PublicKey.Trim(), publicKey, StringComparison.OrdinalIgnoreCase))
            {
                throw new ConfigurationException($"{prefix}:PublicKey does not belong to {prefix}:PrivateKey.");
            }

            var from = Instant(key.ValidFrom, $"{prefix}:ValidFrom");
            var to = Instant(key.ValidTo, $"{prefix}:ValidTo");
            if (to <= from)
            {
                throw new ConfigurationException($"{prefix}:ValidTo must be after {prefix}:ValidFrom.");
            }

            if (string.IsNullOrWhiteSpace(key.DepartmentName))
            {
                throw new ConfigurationException($"{prefix}:DepartmentName is empty; the seal prints it.");
            }

            keys[department] = new SealKey
            {
                SealId = string.IsNullOrWhiteSpace(key.SealId) ? $"{department}-{publicKey[2..10]}" : key.SealId,
                DepartmentCode = department,
                DepartmentName = key.DepartmentName,
                ValidFrom = from,
                ValidTo = to,
                PublicKey = publicKey,
                PrivateKey = key.PrivateKey.Trim(),
                Source = "configuration",
            };
        }

        return keys;
    }

    private static DateTimeOffset Instant(string? value, string name) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant)
            ? instant
            : throw new ConfigurationException($"{name}='{value}' is not an ISO-8601 instant such as 2026-01-01T00:00:00+08:00.");

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
            var download = await _storage.GetBlobContainerClient(DevelopmentContainer).DownloadAsync($"{departmentCode}.json", cancellationToken).ConfigureAwait(false);
            json = download?.Content;
        }

        return json is null ? null : JsonSerializer.Deserialize<SealKey>(json, FileJson);
    }

    private async Task<SealKey> CreateDevelopmentKeyAsync(string departmentCode, string departmentName, CancellationToken cancellationToken)
    {
        var now = ChinaTime.InChina(_clock.GetUtcNow());
        var (privateKey, publicKey) = Sm2.GenerateKey();
        var year = now.Year;
        var key = new SealKey
        {
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
