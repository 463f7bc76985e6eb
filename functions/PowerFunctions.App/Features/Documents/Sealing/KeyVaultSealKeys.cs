using System.Collections.Concurrent;
using System.Text.Json;
using Azure;
using Azure.Identity;
using Azure.Security.KeyVault.Secrets;
using PowerFunctions.App.Config;
using PowerFunctions.App.Http;

namespace PowerFunctions.App.Features.Documents.Sealing;

/// <summary>
/// Departments' seal keys from Azure Key Vault: secret <c>seal-{dept}</c> (<see cref="SecretName"/>), one
/// version per key, each version's value the JSON of a <see cref="SealKeyOptions"/> with its private key.
/// A rotation is a new version; the earlier versions stay readable and are the retired keys. A disabled
/// version is not trusted at all (revocation). Answers are cached per department for the refresh interval
/// (versions are immutable, so each is read once); a seal naming a key id not yet seen looks again, at most
/// once a minute. When Key Vault cannot be reached the last answer is kept; with none there is no answer
/// (<c>503 documents.seal_keys_unavailable</c>), never a guess.
/// </summary>
public sealed partial class KeyVaultSealKeys(SecretClient client, TimeSpan refreshInterval, TimeProvider clock, ILogger logger)
{
    public const string SecretPrefix = "seal-";

    /// <summary>The least time between two reads of a department's secret prompted by an unknown key id.</summary>
    public static readonly TimeSpan UnknownKeyRecheck = TimeSpan.FromMinutes(1);

    /// <summary>How long a failed read waits before the next try, while the last answer is served.</summary>
    public static readonly TimeSpan RetryAfterFailure = TimeSpan.FromSeconds(30);

    private static readonly JsonSerializerOptions SecretJson = new(JsonSerializerDefaults.Web);

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, Parsed> _versions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _warned = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>
    /// The secret of a department: <c>seal-</c> and its code, <c>_</c> written <c>-</c> (Key Vault names
    /// allow letters, digits and dashes, and ignore case). The value names its department, so two codes
    /// that map to one name cannot take each other's key.
    /// </summary>
    public static string SecretName(string departmentCode) => SecretPrefix + departmentCode.Replace('_', '-');

    /// <summary>The department's keys, or null when its secret does not exist (the next source is asked).</summary>
    public async Task<SealKeyRing?> GetAsync(string departmentCode, string? keyId, CancellationToken cancellationToken)
    {
        if (_entries.TryGetValue(departmentCode, out var entry) && IsFresh(entry, keyId, clock.GetUtcNow()))
        {
            return entry.Ring;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var now = clock.GetUtcNow();
            if (_entries.TryGetValue(departmentCode, out entry) && IsFresh(entry, keyId, now))
            {
                return entry.Ring;
            }

            try
            {
                var ring = await LoadAsync(departmentCode, now, cancellationToken).ConfigureAwait(false);
                _entries[departmentCode] = new Entry(ring, now, now + refreshInterval);
                return ring;
            }
            catch (Exception e) when (e is RequestFailedException or AuthenticationFailedException)
            {
                if (entry is not null)
                {
                    LogReadFailedKeepingLast(logger, e, SecretName(departmentCode), entry.LoadedAt);
                    _entries[departmentCode] = entry with { NextLoad = now + RetryAfterFailure };
                    return entry.Ring;
                }

                LogReadFailed(logger, e, SecretName(departmentCode));
                throw new ProblemException(503, "documents.seal_keys_unavailable", "印章密钥暂时无法读取，请稍后再试",
                    $"Key Vault secret {SecretName(departmentCode)} could not be read: {e.Message}");
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private static bool IsFresh(Entry entry, string? keyId, DateTimeOffset now)
    {
        if (now >= entry.NextLoad)
        {
            return false;
        }

        var unknown = !string.IsNullOrEmpty(keyId) && entry.Ring?.Keys.Any(k => string.Equals(k.KeyId, keyId, StringComparison.OrdinalIgnoreCase)) != true;
        return !unknown || now < entry.LoadedAt + UnknownKeyRecheck;
    }

    private async Task<SealKeyRing?> LoadAsync(string departmentCode, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var name = SecretName(departmentCode);
        var versions = new List<SecretProperties>();
        try
        {
            await foreach (var properties in client.GetPropertiesOfSecretVersionsAsync(name, cancellationToken).ConfigureAwait(false))
            {
                versions.Add(properties);
            }
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }

        if (versions.Count == 0)
        {
            return null;
        }

        var keys = new List<(SecretProperties Properties, SealKey Key)>();
        var problems = new List<string>();
        foreach (var properties in versions.Where(v => v.Enabled != false))
        {
            var parsed = await ReadVersionAsync(name, departmentCode, properties.Version, cancellationToken).ConfigureAwait(false);
            if (parsed.Key is not null)
            {
                keys.Add((properties, parsed.Key));
            }
            else
            {
                problems.Add(parsed.Problem!);
            }
        }

        var ring = SealKeyRing.Build(departmentCode, keys.Select(k => k.Key), problems);
        foreach (var problem in ring.Problems)
        {
            LogUnusableVersion(logger, name, problem);
        }

        var retired = ring.Keys.Where(k => k.ActiveUntil <= now).Select(k => k.KeyId).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var (properties, key) in keys)
        {
            if (retired.Contains(key.KeyId) && key.PrivateKey is not null)
            {
                // A key whose period has ended only verifies: its private key is not kept in memory.
                _versions[properties.Version] = new Parsed(key with { PrivateKey = null }, null);
            }

            WarnIfTookOverUnannounced(name, properties, key, ring);
        }

        if (retired.Count > 0 && ring.Problems.Count == 0)
        {
            ring = SealKeyRing.Build(departmentCode, ring.Keys.Select(k => retired.Contains(k.KeyId) ? k with { PrivateKey = null, RetiredAt = null } : k with { RetiredAt = null }), problems);
        }

        return ring;
    }

    private async Task<Parsed> ReadVersionAsync(string name, string departmentCode, string version, CancellationToken cancellationToken)
    {
        if (_versions.TryGetValue(version, out var cached))
        {
            return cached;
        }

        var secret = (await client.GetSecretAsync(name, version, cancellationToken).ConfigureAwait(false)).Value;
        Parsed parsed;
        try
        {
            var options = JsonSerializer.Deserialize<SealKeyOptions>(secret.Value, SecretJson)
                ?? throw new ConfigurationException($"secret {name} version {version} is empty");
            if (string.IsNullOrWhiteSpace(options.DepartmentCode))
            {
                throw new ConfigurationException($"secret {name} version {version}: departmentCode is empty; the value names the department it belongs to");
            }

            if (options.Retired is { Count: > 0 })
            {
                throw new ConfigurationException($"secret {name} version {version}: retired keys are the secret's earlier versions, not a list in its value");
            }

            var key = SealKeyParser.Parse(options, departmentCode, field => $"secret {name} version {version}: {JsonNamingPolicy.CamelCase.ConvertName(field)}", requirePrivateKey: true, "key-vault");
            parsed = new Parsed(key, null);
        }
        catch (JsonException e)
        {
            parsed = new Parsed(null, $"secret {name} version {version} is not the JSON of a seal key ({e.Message})");
        }
        catch (ConfigurationException e)
        {
            parsed = new Parsed(null, e.Message);
        }

        _versions[version] = parsed;
        return parsed;
    }

    /// <summary>
    /// A key that took over less than one refresh interval after it was stored (an import of a key that
    /// started more than a day before is history, not a rotation) may have been preceded, on
    /// instances still holding the earlier answer, by seals of the previous key made after the handover —
    /// which then answer <c>key-retired</c>. The rotation procedure avoids it (validFrom ahead); this says when it was not followed.
    /// </summary>
    private void WarnIfTookOverUnannounced(string name, SecretProperties properties, SealKey key, SealKeyRing ring)
    {
        var previous = ring.Keys.LastOrDefault(k => k.ValidFrom < key.ValidFrom);
        if (previous is null || properties.CreatedOn is not { } created || key.ValidFrom >= created + refreshInterval
            || key.ValidFrom <= created - TimeSpan.FromDays(1) || !_warned.TryAdd(properties.Version, true))
        {
            return;
        }

        LogUnannouncedTakeover(logger, name, properties.Version, key.KeyId, key.ValidFrom, created, previous.KeyId);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Key Vault secret {Secret} could not be read; the keys read at {LoadedAt} are kept")]
    private static partial void LogReadFailedKeepingLast(ILogger logger, Exception exception, string secret, DateTimeOffset loadedAt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Key Vault secret {Secret} could not be read")]
    private static partial void LogReadFailed(ILogger logger, Exception exception, string secret);

    [LoggerMessage(Level = LogLevel.Error, Message = "Key Vault secret {Secret}: {Problem}; the department cannot seal until it is corrected")]
    private static partial void LogUnusableVersion(ILogger logger, string secret, string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Key Vault secret {Secret} version {Version}: key {KeyId} took over at {ValidFrom}, less than one refresh interval after it was stored at {CreatedOn}; instances still holding key {PreviousKeyId} may have sealed with it after the handover (those documents answer key-retired). Set validFrom at least Seal:KeyVaultRefreshInterval after storing a new key.")]
    private static partial void LogUnannouncedTakeover(ILogger logger, string secret, string version, string keyId, DateTimeOffset validFrom, DateTimeOffset createdOn, string previousKeyId);

    private sealed record Entry(SealKeyRing? Ring, DateTimeOffset LoadedAt, DateTimeOffset NextLoad);

    private sealed record Parsed(SealKey? Key, string? Problem);
}
