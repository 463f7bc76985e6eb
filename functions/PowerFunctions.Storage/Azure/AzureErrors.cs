using System.Text.Json;
using System.Xml.Linq;
using Azure;

namespace PowerFunctions.Storage.AzureStorage;

/// <summary>
/// Turns a failed Storage response into the <see cref="RequestFailedException"/> the embedded adapter
/// would throw: the same status and <see cref="StorageErrorCodes"/> code, Azure's own code and request
/// id kept in the message for support.
/// </summary>
internal static class AzureErrors
{
    /// <summary>Reads Azure's error code and message from the <c>x-ms-error-code</c> header, a JSON (Table) or XML (Blob, Queue) body.</summary>
    public static (string? Code, string? Message) Read(Response response)
    {
        var code = response.Headers.TryGetValue("x-ms-error-code", out var header) ? header : null;
        string? message = null;
        var body = response.Content?.ToString();
        if (!string.IsNullOrWhiteSpace(body))
        {
            (var bodyCode, message) = ParseBody(body);
            code ??= bodyCode;
        }

        return (code, message);
    }

    /// <summary>Parses <c>{"odata.error":{"code":..,"message":{"value":..}}}</c> or <c>&lt;Error&gt;&lt;Code/&gt;&lt;Message/&gt;&lt;/Error&gt;</c>.</summary>
    public static (string? Code, string? Message) ParseBody(string body)
    {
        var trimmed = body.TrimStart();
        try
        {
            if (trimmed.StartsWith('{'))
            {
                using var json = JsonDocument.Parse(trimmed);
                if (json.RootElement.TryGetProperty("odata.error", out var error) || json.RootElement.TryGetProperty("error", out error))
                {
                    var code = error.TryGetProperty("code", out var c) ? c.GetString() : null;
                    string? message = null;
                    if (error.TryGetProperty("message", out var m))
                    {
                        message = m.ValueKind == JsonValueKind.Object && m.TryGetProperty("value", out var v) ? v.GetString() : m.ValueKind == JsonValueKind.String ? m.GetString() : null;
                    }

                    return (code, message);
                }
            }
            else if (trimmed.StartsWith('<'))
            {
                var root = XDocument.Parse(trimmed).Root;
                return (root?.Element("Code")?.Value, root?.Element("Message")?.Value);
            }
        }
        catch (JsonException)
        {
        }
        catch (System.Xml.XmlException)
        {
        }

        return (null, null);
    }

    public static RequestFailedException From(Response response, string what) =>
        Map(response.Status, Read(response), what, response.Headers.TryGetValue("x-ms-request-id", out var id) ? id : null);

    /// <summary>The mapping table, shared with the batch response parser.</summary>
    public static RequestFailedException Map(int status, (string? Code, string? Message) error, string what, string? requestId)
    {
        var (azureCode, azureMessage) = error;
        var detail = $"{what}: {status} {azureCode ?? "(no code)"}{(azureMessage is null ? string.Empty : " " + FirstLine(azureMessage))}{(requestId is null ? string.Empty : $" (x-ms-request-id {requestId})")}";
        var (mappedStatus, mappedCode) = (status, azureCode) switch
        {
            (404, "TableNotFound" or "ContainerNotFound" or "QueueNotFound") => (404, StorageErrorCodes.TableNotFound),
            (404, "BlobNotFound") => (404, StorageErrorCodes.BlobNotFound),
            (404, "MessageNotFound") => (404, StorageErrorCodes.MessageNotFound),
            (400, "PopReceiptMismatch") => (404, StorageErrorCodes.MessageNotFound),
            (404, _) => (404, StorageErrorCodes.ResourceNotFound),
            (409, "BlobAlreadyExists") => (409, StorageErrorCodes.BlobAlreadyExists),
            (409, "EntityAlreadyExists") => (409, StorageErrorCodes.EntityAlreadyExists),
            (412, _) => (412, StorageErrorCodes.UpdateConditionNotSatisfied),
            (400, "InvalidDuplicateRow" or "CommandsInBatchActOnDifferentPartitions" or "InvalidOperation") => (400, StorageErrorCodes.InvalidTransaction),
            (400, _) => (400, StorageErrorCodes.InvalidInput),
            _ => (status, azureCode),
        };
        return new RequestFailedException(mappedStatus, detail, mappedCode, null);
    }

    private static string FirstLine(string message)
    {
        var newline = message.IndexOf('\n', StringComparison.Ordinal);
        return (newline < 0 ? message : message[..newline]).Trim();
    }
}
