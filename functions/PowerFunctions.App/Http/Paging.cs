using System.Globalization;
using System.Text;

namespace PowerFunctions.App.Http;

/// <summary>
/// Paged lists: <c>pageSize</c> (1 to the list's maximum) and an opaque <c>continuation</c> token that
/// carries the position where the next page starts (the last key served, base64url), never a partition:
/// a caller cannot page into a list it may not read by editing the token.
/// </summary>
public static class Paging
{
    /// <summary>The most characters a token may have.</summary>
    public const int MaxTokenLength = 512;

    /// <summary><c>pageSize</c> from the query: <paramref name="defaultSize"/> when absent, 400 when not a whole number from 1 to <paramref name="maxSize"/>.</summary>
    public static int PageSize(HttpRequest request, int defaultSize, int maxSize)
    {
        var text = request.QueryValue("pageSize");
        if (string.IsNullOrWhiteSpace(text))
        {
            return defaultSize;
        }

        if (!int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var size) || size < 1 || size > maxSize)
        {
            throw Problems.BadParameter("pageSize", $"pageSize is a whole number from 1 to {maxSize.ToString(CultureInfo.InvariantCulture)}");
        }

        return size;
    }

    /// <summary>The position in <c>continuation</c>, or null for the first page; 400 <c>request.invalid_parameter</c> for a token this list did not write.</summary>
    public static string? Position(HttpRequest request, Func<string, bool> isKey)
    {
        ArgumentNullException.ThrowIfNull(isKey);
        var token = request.QueryValue("continuation");
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        var key = Decode(token);
        return key is not null && isKey(key) ? key : throw Problems.BadParameter("continuation", "the continuation token is not one this list gave");
    }

    /// <summary>True when the query asks for paging (<c>pageSize</c> or <c>continuation</c>).</summary>
    public static bool Requested(HttpRequest request) =>
        request.QueryValue("pageSize") is not null || request.QueryValue("continuation") is not null;

    /// <summary>
    /// A list answered as a plain JSON array (the shape API.md gives it) with its next page announced in
    /// headers, as Azure's own table service does: <c>X-Continuation: {token}</c> and <c>Link: &lt;…&amp;continuation={token}&gt;; rel="next"</c>;
    /// neither on the last page.
    /// </summary>
    public static HttpResult ArrayPage<T>(HttpRequest request, IReadOnlyList<T> items, string? last)
    {
        ArgumentNullException.ThrowIfNull(request);
        var result = HttpResult.Ok(items);
        if (last is null)
        {
            return result;
        }

        var token = Token(last);
        var query = request.Query.Where(q => q.Key != "continuation")
            .Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value.ToString())}")
            .Append("continuation=" + token);
        return result.WithHeader(ContinuationHeader, token).WithHeader("Link", $"<{request.PathBase}{request.Path}?{string.Join('&', query)}>; rel=\"next\"");
    }

    /// <summary>The header that carries the next page's token on an array answer.</summary>
    public const string ContinuationHeader = "X-Continuation";

    /// <summary>The token of a position.</summary>
    public static string Token(string key) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(key)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string? Decode(string token)
    {
        if (token.Length > MaxTokenLength || token.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_')))
        {
            return null;
        }

        var base64 = token.Replace('-', '+').Replace('_', '/');
        base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(base64));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
