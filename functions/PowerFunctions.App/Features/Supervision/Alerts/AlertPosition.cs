using System.Text;

namespace PowerFunctions.App.Features.Supervision.Alerts;

/// <summary>
/// Where a paged alert listing goes on: the department (by code, so a department added meanwhile neither skips nor
/// repeats a page) and the store's continuation in it. Sent to clients as an opaque base64url token.
/// </summary>
public sealed record AlertPosition(string Department, string? Token)
{
    public string Encode() => Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Department}\n{Token}")).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The position a token names, or null when it is not one of ours.</summary>
    public static AlertPosition? Decode(string token)
    {
        try
        {
            var base64 = token.Replace('-', '+').Replace('_', '/');
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=')));
            var newline = text.IndexOf('\n', StringComparison.Ordinal);
            return newline <= 0 ? null : new AlertPosition(text[..newline], newline + 1 < text.Length ? text[(newline + 1)..] : null);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
