using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Azure;

namespace PowerFunctions.Storage.AzureStorage;

/// <summary>
/// An entity-group transaction on the wire: one <c>multipart/mixed</c> <c>$batch</c> holding one
/// changeset of HTTP requests, and the parser of the matching response (the ETags in order, or the
/// failing action's index from <c>"N:..."</c> in the error message).
/// </summary>
internal static partial class TableBatch
{
    public static (byte[] Body, string ContentType) Build(string tableUrl, IReadOnlyList<TableTransactionAction> actions, Func<string, string, string> entityUrl, string? batchId = null, string? changesetId = null)
    {
        var batch = "batch_" + (batchId ?? Guid.NewGuid().ToString("D"));
        var changeset = "changeset_" + (changesetId ?? Guid.NewGuid().ToString("D"));
        var sb = new StringBuilder();
        sb.Append("--").Append(batch).Append("\r\n");
        sb.Append("Content-Type: multipart/mixed; boundary=").Append(changeset).Append("\r\n\r\n");
        foreach (var action in actions)
        {
            var entity = action.Entity;
            var (method, url, withBody, ifMatch) = action.ActionType switch
            {
                TableTransactionActionType.Add => ("POST", tableUrl, true, null),
                TableTransactionActionType.UpdateReplace => ("PUT", entityUrl(entity.PartitionKey, entity.RowKey), true, IfMatch(action.IfMatch)),
                TableTransactionActionType.UpsertReplace => ("PUT", entityUrl(entity.PartitionKey, entity.RowKey), true, (string?)null),
                TableTransactionActionType.Delete => ("DELETE", entityUrl(entity.PartitionKey, entity.RowKey), false, IfMatch(action.IfMatch)),
                _ => throw StorageErrors.InvalidTransaction($"unknown action {action.ActionType}"),
            };

            sb.Append("--").Append(changeset).Append("\r\n");
            sb.Append("Content-Type: application/http\r\n");
            sb.Append("Content-Transfer-Encoding: binary\r\n\r\n");
            sb.Append(method).Append(' ').Append(url).Append(" HTTP/1.1\r\n");
            sb.Append("Accept: application/json;odata=minimalmetadata\r\n");
            sb.Append("DataServiceVersion: 3.0\r\n");
            if (ifMatch is not null)
            {
                sb.Append("If-Match: ").Append(ifMatch).Append("\r\n");
            }

            if (withBody)
            {
                sb.Append("Prefer: return-no-content\r\n");
                sb.Append("Content-Type: application/json\r\n\r\n");
                sb.Append(Encoding.UTF8.GetString(TableEntityJson.Serialize(entity))).Append("\r\n");
            }
            else
            {
                sb.Append("\r\n");
            }
        }

        sb.Append("--").Append(changeset).Append("--\r\n");
        sb.Append("--").Append(batch).Append("--\r\n");
        return (Encoding.UTF8.GetBytes(sb.ToString()), "multipart/mixed; boundary=" + batch);
    }

    /// <summary>The If-Match value: the ETag given, or <c>*</c> for <see cref="ETag.All"/> or none.</summary>
    public static string IfMatch(ETag etag) => etag == default || etag == ETag.All ? "*" : etag.ToString();

    /// <summary>The status, headers and body of each response in the changeset, in order.</summary>
    public static IReadOnlyList<BatchPart> Parse(string body)
    {
        var boundary = ChangesetBoundary().Match(body);
        if (!boundary.Success)
        {
            // a batch rejected as a whole answers one plain HTTP response inside the batch boundary
            return ParseParts(body, BatchBoundary().Match(body) is { Success: true } b ? b.Groups[1].Value : null);
        }

        return ParseParts(body, boundary.Groups[1].Value);
    }

    /// <summary>The failing action: the <c>N:</c> that starts Azure's error message, else the failed part's position.</summary>
    public static int FailedIndex(BatchPart failed, IReadOnlyList<BatchPart> parts, int actionCount)
    {
        var (_, message) = AzureErrors.ParseBody(failed.Body);
        if (message is not null)
        {
            var match = IndexPrefix().Match(message);
            if (match.Success && int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < actionCount)
            {
                return index;
            }
        }

        if (failed.Headers.TryGetValue("Content-ID", out var contentId) && int.TryParse(contentId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id < actionCount)
        {
            return id;
        }

        var position = parts.ToList().IndexOf(failed);
        return parts.Count == actionCount && position >= 0 ? position : 0;
    }

    private static List<BatchPart> ParseParts(string body, string? boundary)
    {
        var parts = new List<BatchPart>();
        var chunks = boundary is null ? [body] : body.Split("--" + boundary, StringSplitOptions.None);
        foreach (var chunk in chunks)
        {
            var http = chunk.IndexOf("HTTP/1.1 ", StringComparison.Ordinal);
            if (http < 0)
            {
                continue;
            }

            // MIME headers of the part (Content-ID may be here) come before the HTTP status line
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            ReadHeaders(chunk[..http], headers);
            var statusLineEnd = chunk.IndexOf('\n', http);
            var statusLine = chunk[http..(statusLineEnd < 0 ? chunk.Length : statusLineEnd)].Trim();
            var status = int.Parse(statusLine.Split(' ')[1], CultureInfo.InvariantCulture);
            var rest = statusLineEnd < 0 ? string.Empty : chunk[(statusLineEnd + 1)..];
            var blank = BlankLine().Match(rest);
            var headerText = blank.Success ? rest[..blank.Index] : rest;
            var content = blank.Success ? rest[(blank.Index + blank.Length)..] : string.Empty;
            ReadHeaders(headerText, headers);
            parts.Add(new BatchPart(status, headers, content.Trim()));
        }

        return parts;
    }

    private static void ReadHeaders(string text, Dictionary<string, string> headers)
    {
        foreach (var line in text.Split('\n'))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
            }
        }
    }

    [GeneratedRegex(@"boundary=(changesetresponse_[A-Za-z0-9\-_]+)")]
    private static partial Regex ChangesetBoundary();

    [GeneratedRegex(@"--(batchresponse_[A-Za-z0-9\-_]+)")]
    private static partial Regex BatchBoundary();

    [GeneratedRegex(@"^\s*(\d+):")]
    private static partial Regex IndexPrefix();

    [GeneratedRegex(@"\r?\n\r?\n")]
    private static partial Regex BlankLine();
}

/// <summary>One HTTP response inside a batch response.</summary>
internal sealed record BatchPart(int Status, IReadOnlyDictionary<string, string> Headers, string Body);
