using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PowerFunctions.App.Tests.Hosting;

/// <summary>Invocation envelopes shaped as the Functions host sends them to a custom handler.</summary>
internal static class Envelopes
{
    /// <summary><c>Data.req</c> of an HTTP trigger: Headers as arrays, Query an object of strings, Params the route values, Body text.</summary>
    public static JsonObject Http(string method, string path, string? token = null, string? body = null, IDictionary<string, string>? query = null, IDictionary<string, string>? routeValues = null, string contentType = "application/json")
    {
        var headers = new JsonObject { ["Host"] = new JsonArray("myapp.azurewebsites.net"), ["User-Agent"] = new JsonArray("test") };
        if (token is not null)
        {
            headers["Authorization"] = new JsonArray($"Bearer {token}");
        }

        if (body is not null)
        {
            headers["Content-Type"] = new JsonArray(contentType);
        }

        var queryString = query is { Count: > 0 } ? "?" + string.Join("&", query.Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value)}")) : string.Empty;
        var req = new JsonObject
        {
            ["Url"] = $"https://myapp.azurewebsites.net{path}{queryString}",
            ["Method"] = method,
            ["Query"] = new JsonObject((query ?? new Dictionary<string, string>()).Select(q => KeyValuePair.Create(q.Key, (JsonNode?)q.Value))),
            ["Headers"] = headers,
            ["Params"] = new JsonObject((routeValues ?? new Dictionary<string, string>()).Select(q => KeyValuePair.Create(q.Key, (JsonNode?)q.Value))),
            ["Identities"] = new JsonArray(),
        };
        if (body is not null)
        {
            req["Body"] = body;
        }

        return new JsonObject { ["Data"] = new JsonObject { ["req"] = req }, ["Metadata"] = new JsonObject() };
    }

    /// <summary>A timer trigger's TimerInfo and the sys metadata.</summary>
    public static JsonObject Timer(DateTimeOffset due, bool isPastDue = false) => new()
    {
        ["Data"] = new JsonObject
        {
            ["timer"] = new JsonObject
            {
                ["Schedule"] = new JsonObject { ["AdjustForDST"] = true },
                ["ScheduleStatus"] = new JsonObject
                {
                    ["Last"] = due.AddMinutes(-1).ToString("O"),
                    ["Next"] = due.ToString("O"),
                    ["LastUpdated"] = due.AddMinutes(-1).ToString("O"),
                },
                ["IsPastDue"] = isPastDue,
            },
        },
        ["Metadata"] = new JsonObject
        {
            ["sys"] = new JsonObject { ["MethodName"] = "DeadlineSweep", ["UtcNow"] = due.ToString("O"), ["RandGuid"] = Guid.NewGuid().ToString() },
        },
    };

    /// <summary>A Service Bus trigger: the message text (JSON-quoted once more, as the host does) and its metadata keys.</summary>
    public static JsonObject ServiceBus(string messageText, string messageId, int deliveryCount = 1) => new()
    {
        ["Data"] = new JsonObject { ["message"] = JsonSerializer.Serialize(messageText) },
        ["Metadata"] = new JsonObject
        {
            ["MessageId"] = messageId,
            ["DeliveryCount"] = deliveryCount,
            ["SequenceNumber"] = 42,
            ["EnqueuedTimeUtc"] = "2026-09-18T01:30:00Z",
            ["ExpiresAtUtc"] = "2026-10-02T01:30:00Z",
            ["ContentType"] = "application/json",
            ["CorrelationId"] = "hotline-" + messageId,
            ["LockToken"] = Guid.NewGuid().ToString(),
            ["UserProperties"] = new JsonObject { ["source"] = "12345-hotline" },
            ["ApplicationProperties"] = new JsonObject { ["source"] = "12345-hotline" },
            ["sys"] = new JsonObject { ["MethodName"] = "ComplaintIntake", ["UtcNow"] = "2026-09-18T01:30:01Z", ["RandGuid"] = Guid.NewGuid().ToString() },
        },
    };

    /// <summary>A storage-queue trigger: the message text and DequeueCount, Id, InsertionTime…</summary>
    public static JsonObject StorageQueue(string messageText, string id, int dequeueCount = 1) => new()
    {
        ["Data"] = new JsonObject { ["message"] = messageText },
        ["Metadata"] = new JsonObject
        {
            ["DequeueCount"] = dequeueCount,
            ["ExpirationTime"] = "2026-09-25T01:30:00+00:00",
            ["Id"] = id,
            ["InsertionTime"] = "2026-09-18T01:30:00+00:00",
            ["NextVisibleTime"] = "2026-09-18T01:40:00+00:00",
            ["PopReceipt"] = "AgAAAAMAAAAAAAAAAgtnj8x+1QE=",
            ["sys"] = new JsonObject { ["MethodName"] = "ComplaintIntake", ["UtcNow"] = "2026-09-18T01:30:01Z", ["RandGuid"] = Guid.NewGuid().ToString() },
        },
    };

    public static async Task<(HttpResponseMessage Response, JsonElement Body)> PostAsync(HttpClient client, string function, JsonNode envelope)
    {
        using var content = new StringContent(envelope.ToJsonString(), Encoding.UTF8, "application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, "/" + function) { Content = content };
        request.Headers.Add("X-Azure-Functions-InvocationId", Guid.NewGuid().ToString());
        var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        using var doc = JsonDocument.Parse(text.Length == 0 ? "null" : text);
        return (response, doc.RootElement.Clone());
    }

    public static string Complaint(string ticketId, string receivedAt = "2026-09-18T09:30:00+08:00") => new JsonObject
    {
        ["ticketId"] = ticketId,
        ["channel"] = "hotline",
        ["caller"] = new JsonObject { ["name"] = "李四", ["phone"] = "13800001234" },
        ["subject"] = "窗口推诿",
        ["content"] = "办理营业执照时窗口人员推诿，要求说明理由。",
        ["caseNo"] = "C2026091800001",
        ["department"] = "D01",
        ["receivedAt"] = receivedAt,
    }.ToJsonString();

    public static MediaTypeHeaderValue Json => new("application/json");
}
