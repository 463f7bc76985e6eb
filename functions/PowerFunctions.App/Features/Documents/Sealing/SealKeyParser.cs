using System.Globalization;
using System.Text.RegularExpressions;
using PowerFunctions.App.Config;

namespace PowerFunctions.App.Features.Documents.Sealing;

/// <summary>
/// Turns one <see cref="SealKeyOptions"/> (a configuration block or a Key Vault secret version) into a
/// checked <see cref="SealKey"/>; anything wrong is a <see cref="ConfigurationException"/> whose message
/// names the setting (the <c>setting</c> argument formats a field's name for where it came from).
/// </summary>
public static partial class SealKeyParser
{
    /// <summary>Reads a key. <paramref name="requirePrivateKey"/>: the key must be able to sign (a current key, a secret version).</summary>
    public static SealKey Parse(SealKeyOptions options, string departmentCode, Func<string, string> setting, bool requirePrivateKey, string source, string? defaultDepartmentName = null)
    {
        if (!string.IsNullOrWhiteSpace(options.DepartmentCode) && !string.Equals(options.DepartmentCode.Trim(), departmentCode, StringComparison.OrdinalIgnoreCase))
        {
            throw new ConfigurationException($"{setting("DepartmentCode")}='{options.DepartmentCode}' is not the department {departmentCode} it is filed under.");
        }

        var publicKey = PublicKey(options, setting, requirePrivateKey);
        var from = Instant(options.ValidFrom, setting("ValidFrom"));
        var to = Instant(options.ValidTo, setting("ValidTo"));
        if (to <= from)
        {
            throw new ConfigurationException($"{setting("ValidTo")} must be after {setting("ValidFrom")}.");
        }

        var departmentName = string.IsNullOrWhiteSpace(options.DepartmentName) ? defaultDepartmentName : options.DepartmentName.Trim();
        if (string.IsNullOrWhiteSpace(departmentName))
        {
            throw new ConfigurationException($"{setting("DepartmentName")} is empty; the seal prints it.");
        }

        if (departmentName.Length > 100 || departmentName.Any(char.IsControl))
        {
            throw new ConfigurationException($"{setting("DepartmentName")} must be at most 100 characters without control characters.");
        }

        var fingerprint = SealKey.DefaultKeyId(departmentCode, publicKey);
        return new SealKey
        {
            KeyId = Identifier(options.KeyId, setting("KeyId")) ?? fingerprint,
            SealId = Identifier(options.SealId, setting("SealId")) ?? fingerprint,
            DepartmentCode = departmentCode,
            DepartmentName = departmentName,
            ValidFrom = from,
            ValidTo = to,
            PublicKey = publicKey,
            PrivateKey = string.IsNullOrWhiteSpace(options.PrivateKey) ? null : options.PrivateKey.Trim(),
            Source = source,
        };
    }

    private static string PublicKey(SealKeyOptions options, Func<string, string> setting, bool requirePrivateKey)
    {
        string? derived = null;
        if (!string.IsNullOrWhiteSpace(options.PrivateKey))
        {
            try
            {
                derived = SealCrypto.PublicKeyOf(options.PrivateKey);
            }
            catch (FormatException e)
            {
                throw new ConfigurationException($"{setting("PrivateKey")} is not an SM2 private key: {e.Message}.");
            }
        }
        else if (requirePrivateKey)
        {
            throw new ConfigurationException($"{setting("PrivateKey")} is empty; give the department's SM2 private key (64 hex digits).");
        }

        if (string.IsNullOrWhiteSpace(options.PublicKey))
        {
            return derived ?? throw new ConfigurationException($"{setting("PublicKey")} is empty; a retired key needs its SM2 public key (130 hex digits) to verify what it sealed.");
        }

        var given = options.PublicKey.Trim().ToUpperInvariant();
        if (!SealCrypto.IsPublicKey(given))
        {
            throw new ConfigurationException($"{setting("PublicKey")} is not an SM2 public key (the uncompressed point 04 || x || y, 130 hex digits).");
        }

        if (derived is not null && derived != given)
        {
            throw new ConfigurationException($"{setting("PublicKey")} does not belong to {setting("PrivateKey")}.");
        }

        return given;
    }

    private static string? Identifier(string? value, string name)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return IdentifierPattern().IsMatch(value.Trim())
            ? value.Trim()
            : throw new ConfigurationException($"{name}='{value}' must be 1-64 letters, digits, '-' or '_'.");
    }

    private static DateTimeOffset Instant(string? value, string name) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant)
            ? instant
            : throw new ConfigurationException($"{name}='{value}' is not an ISO-8601 instant such as 2026-01-01T00:00:00+08:00.");

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex IdentifierPattern();
}
