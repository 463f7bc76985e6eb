using System.Globalization;
using System.Text;
using System.Text.Json;
using PowerFunctions.App.Http;

namespace PowerFunctions.App.Hosting;

/// <summary>
/// Reads the custom-handler invocation request <c>{Data:{binding:…}, Metadata:{…}}</c> the Functions
/// host posts to <c>/{FunctionName}</c>, as the host actually serialises it: <c>Data.req</c> with
/// <c>Url</c>, <c>Method</c>, <c>Query</c> (an object of strings, or that object as JSON text in older
/// hosts), <c>Headers</c> (an object of string arrays), <c>Params</c> (route values), <c>Body</c> (text,
/// or base64 for <c>application/octet-stream</c> and <c>multipart/*</c>), <c>Identities</c>; a trigger
/// value (timer info, message) as an object or as JSON text, a string message sometimes JSON-quoted
/// twice. Every shape problem is a 400 <c>invocation.bad_envelope</c>.
/// </summary>
public static class InvocationEnvelope
{
    public static ProblemException Bad(string detail) => new(400, "invocation.bad_envelope", "函数调用请求格式无效", detail);

    /// <summary>The <c>Data</c> object and the <c>Metadata</c> object (empty when absent).</summary>
    public static (JsonElement Data, JsonElement? Metadata) Split(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw Bad("the invocation body must be a JSON object {Data, Metadata}");
        }

        var data = Property(root, "Data");
        if (data is not { ValueKind: JsonValueKind.Object })
        {
            throw Bad("'Data' is missing or not an object");
        }

        var metadata = Property(root, "Metadata");
        if (metadata is { } m && m.ValueKind is not (JsonValueKind.Object or JsonValueKind.Null))
        {
            throw Bad("'Metadata' must be an object");
        }

        return (data.Value, metadata is { ValueKind: JsonValueKind.Object } ? metadata : null);
    }

    /// <summary>A property by name, case-insensitively (the host writes PascalCase; hand-written envelopes vary).</summary>
    public static JsonElement? Property(JsonElement obj, string name)
    {
        if (obj.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if (obj.TryGetProperty(name, out var exact))
        {
            return exact;
        }

        foreach (var property in obj.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value;
            }
        }

        return null;
    }

    /// <summary>An object given as an object or as JSON text of one (the host does both); null when absent.</summary>
    public static JsonElement? ObjectOrJsonText(JsonElement? value, string what)
    {
        switch (value)
        {
            case null:
            case { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined }:
                return null;
            case { ValueKind: JsonValueKind.Object } o:
                return o;
            case { ValueKind: JsonValueKind.String } s:
                var text = s.GetString()!;
                if (string.IsNullOrWhiteSpace(text))
                {
                    return null;
                }

                try
                {
                    using var doc = JsonDocument.Parse(text);
                    return doc.RootElement.ValueKind == JsonValueKind.Object ? doc.RootElement.Clone() : throw Bad($"'{what}' is not an object");
                }
                catch (JsonException)
                {
                    throw Bad($"'{what}' is neither an object nor JSON text of one");
                }

            default:
                throw Bad($"'{what}' must be an object");
        }
    }

    /// <summary>The <c>Data.req</c> of an HTTP trigger as an <see cref="HttpCall"/>; route values from <c>Params</c>.</summary>
    public static HttpCall ReadHttpRequest(HttpFunction function, JsonElement data, string fallbackCorrelationId)
    {
        var req = ObjectOrJsonText(Property(data, "req"), "Data.req") ?? throw Bad("'Data.req' is missing: an HTTP function is invoked with the request in Data.req");
        var method = Property(req, "Method") is { ValueKind: JsonValueKind.String } m ? m.GetString()! : throw Bad("'Data.req.Method' is missing or not a string");
        var url = Property(req, "Url") is { ValueKind: JsonValueKind.String } u ? u.GetString()! : throw Bad("'Data.req.Url' is missing or not a string");
        var path = PathOf(url);

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (ObjectOrJsonText(Property(req, "Headers"), "Data.req.Headers") is { } h)
        {
            foreach (var header in h.EnumerateObject())
            {
                headers[header.Name] = header.Value.ValueKind switch
                {
                    JsonValueKind.Array => string.Join(",", header.Value.EnumerateArray().Select(v => Scalar(v, $"Data.req.Headers.{header.Name}"))),
                    _ => Scalar(header.Value, $"Data.req.Headers.{header.Name}"),
                };
            }
        }

        var query = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (ObjectOrJsonText(Property(req, "Query"), "Data.req.Query") is { } q)
        {
            foreach (var item in q.EnumerateObject())
            {
                query[item.Name] = item.Value.ValueKind == JsonValueKind.Array
                    ? item.Value.EnumerateArray().Select(v => Scalar(v, $"Data.req.Query.{item.Name}")).FirstOrDefault() ?? string.Empty
                    : Scalar(item.Value, $"Data.req.Query.{item.Name}");
            }
        }

        var routeValues = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (ObjectOrJsonText(Property(req, "Params"), "Data.req.Params") is { } p)
        {
            foreach (var item in p.EnumerateObject())
            {
                routeValues[item.Name] = Scalar(item.Value, $"Data.req.Params.{item.Name}");
            }
        }

        var body = ReadBody(Property(req, "Body"), headers.GetValueOrDefault("Content-Type"));
        return new HttpCall
        {
            FunctionName = function.Name,
            Method = method.ToUpperInvariant(),
            Path = path,
            RouteValues = routeValues,
            Query = query,
            Headers = headers,
            Body = body,
            CorrelationId = headers.ContainsKey(HttpPipeline.CorrelationHeader) ? HttpPipeline.CorrelationIdFrom(headers) : fallbackCorrelationId,
        };
    }

    /// <summary>The message of a queue trigger: text as sent, whichever way the host wrapped it.</summary>
    public static string ReadMessage(JsonElement data, string bindingName)
    {
        var value = Property(data, bindingName) ?? (data.EnumerateObject().Count() == 1 ? data.EnumerateObject().First().Value : null);
        switch (value)
        {
            case null:
            case { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined }:
                throw Bad($"'Data.{bindingName}' is missing: a queue function is invoked with the message in Data.{bindingName}");
            case { ValueKind: JsonValueKind.String } s:
                var text = s.GetString()!;

                // The host serialises a string trigger value once more: "\"{...}\"". Unwrap one level.
                if (text.Length >= 2 && text[0] == '"' && text[^1] == '"')
                {
                    try
                    {
                        return JsonSerializer.Deserialize<string>(text) ?? text;
                    }
                    catch (JsonException)
                    {
                        return text;
                    }
                }

                return text;
            default:
                return value.Value.GetRawText();
        }
    }

    /// <summary>The metadata as strings: scalars as text, objects and arrays as JSON text.</summary>
    public static IReadOnlyDictionary<string, string> Flatten(JsonElement? metadata)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (metadata is not { ValueKind: JsonValueKind.Object } m)
        {
            return result;
        }

        foreach (var property in m.EnumerateObject())
        {
            result[property.Name] = property.Value.ValueKind switch
            {
                JsonValueKind.String => property.Value.GetString()!,
                JsonValueKind.Null => string.Empty,
                _ => property.Value.GetRawText(),
            };
        }

        return result;
    }

    /// <summary>A whole number from metadata (number or numeric text), or null when absent; 400 when something else.</summary>
    public static long? Int64(JsonElement? metadata, string name)
    {
        if (metadata is not { } m || Property(m, name) is not { } value || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var n))
        {
            return n;
        }

        if (value.ValueKind == JsonValueKind.String && long.TryParse(value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out n))
        {
            return n;
        }

        throw Bad($"'Metadata.{name}' is not a whole number");
    }

    /// <summary>Text from metadata (strings; numbers as their text), or null when absent.</summary>
    public static string? Text(JsonElement? metadata, string name) =>
        metadata is { } m && Property(m, name) is { } value
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                JsonValueKind.Null => null,
                _ => throw Bad($"'Metadata.{name}' must be text"),
            }
            : null;

    /// <summary>An instant (ISO-8601 text) from an object, or null when absent; 400 when not an instant.</summary>
    public static DateTimeOffset? Instant(JsonElement? obj, string name)
    {
        if (obj is not { } o || Property(o, name) is not { } value || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.String && DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
        {
            return instant;
        }

        throw Bad($"'{name}' is not an ISO-8601 instant");
    }

    private static string PathOf(string url)
    {
        if (Uri.TryCreate(url, UriKind.Absolute, out var absolute))
        {
            return absolute.AbsolutePath;
        }

        var query = url.IndexOf('?', StringComparison.Ordinal);
        var path = query >= 0 ? url[..query] : url;
        return path.StartsWith('/') ? path : "/" + path;
    }

    private static string Scalar(JsonElement value, string what) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        JsonValueKind.Null => string.Empty,
        _ => throw Bad($"'{what}' must be a string"),
    };

    private static byte[] ReadBody(JsonElement? body, string? contentType)
    {
        switch (body)
        {
            case null:
            case { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined }:
                return [];
            case { ValueKind: JsonValueKind.String } s:
                var text = s.GetString()!;
                if (IsBinary(contentType))
                {
                    try
                    {
                        return Convert.FromBase64String(text);
                    }
                    catch (FormatException)
                    {
                        throw Bad("'Data.req.Body' of a binary request must be base64");
                    }
                }

                return Encoding.UTF8.GetBytes(text);
            default:
                // Some hosts hand a JSON body over already parsed: keep its JSON text.
                return Encoding.UTF8.GetBytes(body.Value.GetRawText());
        }
    }

    /// <summary>The content types the host sends base64-encoded (and we answer base64-encoded).</summary>
    public static bool IsBinary(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType))
        {
            return false;
        }

        var media = contentType.Split(';', 2)[0].Trim();
        return media.Equals("application/octet-stream", StringComparison.OrdinalIgnoreCase)
            || media.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase);
    }
}
