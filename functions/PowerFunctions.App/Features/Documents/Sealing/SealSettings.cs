using System.Text.RegularExpressions;
using PowerFunctions.App.Config;

namespace PowerFunctions.App.Features.Documents.Sealing;

/// <summary>
/// The checked <c>Seal:*</c> settings (<see cref="SealOptions"/>). Anything wrong stops the app at start
/// with a <see cref="ConfigurationException"/> naming the setting — including Production with no key
/// source at all (no Key Vault, no configured key, development keys not explicitly allowed).
/// </summary>
public sealed partial record SealSettings
{
    public static readonly TimeSpan DefaultKeyVaultRefreshInterval = TimeSpan.FromMinutes(5);

    /// <summary>The vault holding the <c>seal-{dept}</c> secrets, or null.</summary>
    public Uri? KeyVaultUri { get; init; }

    public TimeSpan KeyVaultRefreshInterval { get; init; } = DefaultKeyVaultRefreshInterval;

    public bool GenerateDevelopmentKeys { get; init; }

    /// <summary>The departments' keys from <c>Seal:Keys</c>, by department code.</summary>
    public IReadOnlyDictionary<string, SealKeyRing> Configured { get; init; } = new Dictionary<string, SealKeyRing>(StringComparer.OrdinalIgnoreCase);

    public static SealSettings Read(IConfiguration configuration, IHostEnvironment environment)
    {
        SealOptions options;
        try
        {
            options = configuration.GetSection("Seal").Get<SealOptions>() ?? new SealOptions();
        }
        catch (InvalidOperationException e)
        {
            throw new ConfigurationException($"a Seal:* setting has the wrong type: {e.Message}");
        }

        Uri? vault = null;
        if (!string.IsNullOrWhiteSpace(options.KeyVaultUri)
            && (!Uri.TryCreate(options.KeyVaultUri.Trim(), UriKind.Absolute, out vault) || vault.Scheme != Uri.UriSchemeHttps))
        {
            throw new ConfigurationException($"Seal:KeyVaultUri='{options.KeyVaultUri}' is not an https address such as https://kv-powerfunctions-prod.vault.azure.net/.");
        }

        var refresh = options.KeyVaultRefreshInterval ?? DefaultKeyVaultRefreshInterval;
        if (refresh < TimeSpan.FromSeconds(10) || refresh > TimeSpan.FromDays(1))
        {
            throw new ConfigurationException($"Seal:KeyVaultRefreshInterval='{refresh}' must be between 00:00:10 and 1.00:00:00.");
        }

        var configured = new Dictionary<string, SealKeyRing>(StringComparer.OrdinalIgnoreCase);
        foreach (var (department, key) in options.Keys)
        {
            configured[department] = ReadDepartment(department, key);
        }

        var generate = options.GenerateDevelopmentKeys ?? !environment.IsProduction();
        if (environment.IsProduction() && vault is null && configured.Count == 0 && !generate)
        {
            throw new ConfigurationException(
                "Seal:KeyVaultUri is not set and no Seal:Keys:{dept} is configured: in Production documents are sealed only with the departments' own keys. "
                + "Set Seal:KeyVaultUri to the vault holding the seal-{dept} secrets (the Bicep does), or configure Seal:Keys:{dept}:PrivateKey.");
        }

        return new SealSettings { KeyVaultUri = vault, KeyVaultRefreshInterval = refresh, GenerateDevelopmentKeys = generate, Configured = configured };
    }

    private static SealKeyRing ReadDepartment(string department, SealKeyOptions options)
    {
        var prefix = $"Seal:Keys:{department}";
        if (!DepartmentCodePattern().IsMatch(department))
        {
            throw new ConfigurationException($"{prefix}: a department code is 1-32 letters, digits, '-' or '_'.");
        }

        var current = SealKeyParser.Parse(options, department, field => $"{prefix}:{field}", requirePrivateKey: true, "configuration");
        var keys = new List<SealKey> { current };
        for (var i = 0; i < options.Retired.Count; i++)
        {
            var retiredPrefix = $"{prefix}:Retired:{i}";
            if (options.Retired[i].Retired.Count > 0)
            {
                throw new ConfigurationException($"{retiredPrefix}:Retired: retired keys are listed once, under {prefix}:Retired.");
            }

            var retired = SealKeyParser.Parse(options.Retired[i], department, field => $"{retiredPrefix}:{field}", requirePrivateKey: false, "configuration", current.DepartmentName);
            if (retired.ValidFrom >= current.ValidFrom)
            {
                throw new ConfigurationException($"{retiredPrefix}:ValidFrom must be before {prefix}:ValidFrom: the current key is the department's newest.");
            }

            keys.Add(retired);
        }

        var ring = SealKeyRing.Build(department, keys);
        return ring.Problems.Count == 0
            ? ring
            : throw new ConfigurationException($"{prefix}: {string.Join("; ", ring.Problems)}.");
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,32}$")]
    private static partial Regex DepartmentCodePattern();
}
