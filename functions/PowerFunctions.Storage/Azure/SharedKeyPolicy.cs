using System.Security.Cryptography;
using System.Text;
using Azure.Core;
using Azure.Core.Pipeline;

namespace PowerFunctions.Storage.AzureStorage;

/// <summary>
/// Signs each attempt with the account key: <c>SharedKey</c> for Blob and Queue, <c>SharedKeyLite</c>
/// for Table (what the Table service documents for JSON requests). Runs after
/// <see cref="StorageHeadersPolicy"/> so the signature covers that attempt's <c>x-ms-date</c>.
/// </summary>
internal sealed class SharedKeyPolicy(string accountName, byte[] accountKey, bool lite) : HttpPipelineSynchronousPolicy
{
    public override void OnSendingRequest(HttpMessage message)
    {
        var stringToSign = lite ? LiteStringToSign(message.Request, accountName) : FullStringToSign(message.Request, accountName);
        using var hmac = new HMACSHA256(accountKey);
        var signature = Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes(stringToSign)));
        message.Request.Headers.SetValue("Authorization", $"{(lite ? "SharedKeyLite" : "SharedKey")} {accountName}:{signature}");
    }

    /// <summary>Table SharedKeyLite: <c>x-ms-date \n /account/path[?comp=...]</c>.</summary>
    internal static string LiteStringToSign(Request request, string accountName)
    {
        var uri = request.Uri.ToUri();
        var date = request.Headers.TryGetValue("x-ms-date", out var d) ? d : string.Empty;
        var resource = new StringBuilder().Append('/').Append(accountName).Append(uri.AbsolutePath);
        var comp = ParseQuery(uri.Query).FirstOrDefault(q => string.Equals(q.Name, "comp", StringComparison.OrdinalIgnoreCase));
        if (comp.Name is not null)
        {
            resource.Append("?comp=").Append(comp.Value);
        }

        return date + "\n" + resource;
    }

    /// <summary>Blob and Queue SharedKey (version 2009-09-19 and later).</summary>
    internal static string FullStringToSign(Request request, string accountName)
    {
        string Header(string name) => request.Headers.TryGetValue(name, out var value) ? value : string.Empty;

        long length = 0;
        var hasLength = request.Content is not null && request.Content.TryComputeLength(out length);
        var sb = new StringBuilder();
        sb.Append(request.Method.Method.ToUpperInvariant()).Append('\n');
        sb.Append(Header("Content-Encoding")).Append('\n');
        sb.Append(Header("Content-Language")).Append('\n');
        sb.Append(hasLength && length > 0 ? length.ToString(System.Globalization.CultureInfo.InvariantCulture) : string.Empty).Append('\n');
        sb.Append(Header("Content-MD5")).Append('\n');
        sb.Append(Header("Content-Type")).Append('\n');
        sb.Append('\n'); // Date: x-ms-date is used instead
        sb.Append(Header("If-Modified-Since")).Append('\n');
        sb.Append(Header("If-Match")).Append('\n');
        sb.Append(Header("If-None-Match")).Append('\n');
        sb.Append(Header("If-Unmodified-Since")).Append('\n');
        sb.Append(Header("Range")).Append('\n');

        foreach (var header in request.Headers
                     .Where(h => h.Name.StartsWith("x-ms-", StringComparison.OrdinalIgnoreCase))
                     .Select(h => (Name: h.Name.ToLowerInvariant(), Value: h.Value.Trim()))
                     .OrderBy(h => h.Name, StringComparer.Ordinal))
        {
            sb.Append(header.Name).Append(':').Append(header.Value).Append('\n');
        }

        var uri = request.Uri.ToUri();
        sb.Append('/').Append(accountName).Append(uri.AbsolutePath);
        foreach (var group in ParseQuery(uri.Query)
                     .GroupBy(q => q.Name.ToLowerInvariant(), StringComparer.Ordinal)
                     .OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            sb.Append('\n').Append(group.Key).Append(':').Append(string.Join(',', group.Select(q => q.Value).Order(StringComparer.Ordinal)));
        }

        return sb.ToString();
    }

    private static IEnumerable<(string Name, string Value)> ParseQuery(string query)
    {
        foreach (var pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? pair : pair[..equals];
            var value = equals < 0 ? string.Empty : pair[(equals + 1)..];
            yield return (Uri.UnescapeDataString(name), Uri.UnescapeDataString(value));
        }
    }
}
