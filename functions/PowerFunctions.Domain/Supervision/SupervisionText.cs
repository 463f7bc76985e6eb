using System.Globalization;
using System.Text.RegularExpressions;

namespace PowerFunctions.Domain.Supervision;

/// <summary>The text checks the supervision centre shares: codes that may go into storage keys and URLs, trimmed texts, dates.</summary>
internal static partial class SupervisionText
{
    /// <summary>The longest note, reason or measure kept, in characters.</summary>
    public const int MaxTextLength = 4000;

    /// <summary>A department, case, ticket, item or record code: 1–64 letters, digits, <c>-</c> or <c>_</c> (safe in keys and URLs).</summary>
    public static bool IsCode(string? code) => code is not null && CodePattern().IsMatch(code);

    /// <summary>The trimmed text, or null when empty.</summary>
    public static string? Text(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>Checks a required text of 1–<paramref name="max"/> characters; answers the trimmed text or adds an error.</summary>
    public static string? Required(string? text, string field, string missing, Dictionary<string, string[]> errors, int max = MaxTextLength)
    {
        var value = Text(text);
        if (value is null)
        {
            errors[field] = [missing];
            return null;
        }

        if (value.Length > max)
        {
            errors[field] = [$"不超过 {max} 字"];
            return null;
        }

        return value;
    }

    /// <summary>Checks an optional text of at most <paramref name="max"/> characters.</summary>
    public static string? Optional(string? text, string field, Dictionary<string, string[]> errors, int max = MaxTextLength)
    {
        var value = Text(text);
        if (value is not null && value.Length > max)
        {
            errors[field] = [$"不超过 {max} 字"];
            return null;
        }

        return value;
    }

    /// <summary>Checks an optional code.</summary>
    public static void OptionalCode(string? code, string field, string message, Dictionary<string, string[]> errors)
    {
        if (code is not null && !IsCode(code))
        {
            errors[field] = [message];
        }
    }

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Chinese(DateOnly date) => date.ToString("yyyy年M月d日", CultureInfo.InvariantCulture);

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex CodePattern();
}
