using System.Globalization;
using PowerFunctions.App.Config;
using PowerFunctions.Domain.Complaints;

namespace PowerFunctions.App.Features.Complaints;

/// <summary>
/// The complaint settings, read and checked once at start (a bad value stops the app naming the setting):
/// <list type="bullet">
/// <item><c>Complaints:DispatchWorkingDays</c>: working days from receipt for a ticket to reach a department (1–5; default 1, local 12345 rules);</item>
/// <item><c>Complaints:Limits:{category}:Days</c> and <c>…:ExtensionDays</c>, category one of consultation, help,
/// complaint, report, suggestion: the answer limit in the category's unit (working days; calendar days for the
/// petition-type complaint and report) and its one extension. Local rules may be stricter than
/// 信访工作条例 (2022), never looser: complaint and report 1–60 days, extension 0–30 (<see cref="ComplaintLimits.WithAnswer"/>);</item>
/// <item><c>Open311:ApiKeys</c>: the partner systems' keys for Open311 <c>POST requests</c>, comma-separated, each at
/// least <see cref="MinApiKeyLength"/> characters; none configured: every Open311 filing is refused (403).</item>
/// </list>
/// </summary>
public sealed class ComplaintOptions
{
    /// <summary>The shortest Open311 api_key accepted in configuration (a short key is guessable).</summary>
    public const int MinApiKeyLength = 16;

    private static readonly HashSet<string> LimitFields = new(StringComparer.OrdinalIgnoreCase) { "Days", "ExtensionDays" };

    /// <summary>The limits new tickets are received under (frozen into each ticket at receipt).</summary>
    public required ComplaintLimits Limits { get; init; }

    /// <summary>The Open311 partners' keys.</summary>
    public required IReadOnlyList<string> Open311ApiKeys { get; init; }

    /// <summary>Reads and checks the settings; throws <see cref="ConfigurationException"/> naming a bad one.</summary>
    public static ComplaintOptions Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var limits = ComplaintLimits.Defaults;
        var section = configuration.GetSection("Complaints");
        if (Int(section, "DispatchWorkingDays") is { } dispatch)
        {
            limits = Check(limits.WithDispatch(dispatch), "Complaints:DispatchWorkingDays");
        }

        foreach (var child in section.GetSection("Limits").GetChildren())
        {
            var name = $"Complaints:Limits:{child.Key}";
            var category = ComplaintNames.ParseCategory(child.Key)
                ?? throw new ConfigurationException($"{name}: '{child.Key}' is not a category; use consultation, help, complaint, report or suggestion.");
            if (child.GetChildren().FirstOrDefault(c => !LimitFields.Contains(c.Key)) is { } unknown)
            {
                throw new ConfigurationException($"{name}:{unknown.Key} is not a setting; use {name}:Days and {name}:ExtensionDays.");
            }

            var days = Int(child, "Days");
            var extension = Int(child, "ExtensionDays");
            if (days is null && extension is null)
            {
                continue;
            }

            limits = Check(limits.WithAnswer(category, days ?? limits.For(category).Days, extension), name);
        }

        return new ComplaintOptions { Limits = limits, Open311ApiKeys = ApiKeys(configuration["Open311:ApiKeys"]) };
    }

    private static int? Int(IConfigurationSection section, string key)
    {
        var text = section[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new ConfigurationException($"{section.Path}:{key}='{text}' is not a whole number of days.");
    }

    private static ComplaintLimits Check(PowerFunctions.Domain.Common.Result<ComplaintLimits> result, string name) =>
        result.IsSuccess
            ? result.Value
            : throw new ConfigurationException($"{name}: {result.Error.Detail} (local rules may be stricter than 信访工作条例, never looser).");

    private static List<string> ApiKeys(string? text)
    {
        if (text?.TrimStart().StartsWith("@Microsoft.KeyVault(", StringComparison.OrdinalIgnoreCase) == true)
        {
            // App Service leaves a reference it could not resolve as it is: never take its (public) text for a key.
            throw new ConfigurationException("Open311:ApiKeys is an unresolved Key Vault reference; check the secret and the app's access to it.");
        }

        var keys = (text ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
        if (keys.Any(k => k.Length < MinApiKeyLength || k.Any(char.IsControl)))
        {
            throw new ConfigurationException($"Open311:ApiKeys holds a key shorter than {MinApiKeyLength} characters (or with control characters); give each partner a long random key.");
        }

        return keys;
    }
}
