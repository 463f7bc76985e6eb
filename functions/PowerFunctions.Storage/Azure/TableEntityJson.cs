using System.Globalization;
using System.Text.Json;
using Azure;

namespace PowerFunctions.Storage.AzureStorage;

/// <summary>
/// Entities as the Table service's JSON: plain values for strings, booleans and Int32; an
/// <c>@odata.type</c> annotation for Int64, Double, DateTime, Guid and Binary so that every type
/// round-trips (reads ask for <c>odata=minimalmetadata</c>, which annotates what JSON cannot tell).
/// </summary>
internal static class TableEntityJson
{
    private const string TypeSuffix = "@odata.type";

    public static byte[] Serialize(TableEntity entity)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, entity);
        }

        return buffer.ToArray();
    }

    public static void Write(Utf8JsonWriter writer, TableEntity entity)
    {
        writer.WriteStartObject();
        writer.WriteString("PartitionKey", entity.PartitionKey);
        writer.WriteString("RowKey", entity.RowKey);
        foreach (var (name, value) in entity.Properties)
        {
            if (name is "PartitionKey" or "RowKey" or "Timestamp" || name.StartsWith("odata.", StringComparison.Ordinal))
            {
                throw StorageErrors.InvalidInput($"'{name}' is a system property and cannot be written");
            }

            switch (value)
            {
                case null:
                    break; // Azure does not store nulls: an absent property reads back as null
                case string s:
                    writer.WriteString(name, s);
                    break;
                case bool b:
                    writer.WriteBoolean(name, b);
                    break;
                case int i:
                    writer.WriteNumber(name, i);
                    break;
                case long l:
                    writer.WriteString(name + TypeSuffix, "Edm.Int64");
                    writer.WriteString(name, l.ToString(CultureInfo.InvariantCulture));
                    break;
                case double d:
                    writer.WriteString(name + TypeSuffix, "Edm.Double");
                    if (double.IsFinite(d))
                    {
                        writer.WriteNumberValueWithName(name, d);
                    }
                    else
                    {
                        writer.WriteString(name, double.IsNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity");
                    }

                    break;
                case DateTimeOffset t:
                    writer.WriteString(name + TypeSuffix, "Edm.DateTime");
                    writer.WriteString(name, t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture));
                    break;
                case DateTime t:
                    writer.WriteString(name + TypeSuffix, "Edm.DateTime");
                    writer.WriteString(name, (t.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(t, DateTimeKind.Utc) : t.ToUniversalTime()).ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture));
                    break;
                case Guid g:
                    writer.WriteString(name + TypeSuffix, "Edm.Guid");
                    writer.WriteString(name, g.ToString("D"));
                    break;
                case byte[] bytes:
                    writer.WriteString(name + TypeSuffix, "Edm.Binary");
                    writer.WriteBase64String(name, bytes);
                    break;
                default:
                    throw StorageErrors.InvalidInput($"property '{name}' has type {value.GetType().Name}, which tables cannot store");
            }
        }

        writer.WriteEndObject();
    }

    /// <summary>One entity object of a response (minimal or no metadata).</summary>
    public static TableEntity Read(JsonElement element, string? etagHeader = null)
    {
        var partitionKey = element.TryGetProperty("PartitionKey", out var pk) ? pk.GetString() ?? string.Empty : string.Empty;
        var rowKey = element.TryGetProperty("RowKey", out var rk) ? rk.GetString() ?? string.Empty : string.Empty;
        var entity = new TableEntity(partitionKey, rowKey);
        var etag = element.TryGetProperty("odata.etag", out var e) ? e.GetString() : etagHeader;
        if (etag is not null)
        {
            entity.ETag = new ETag(etag);
        }

        foreach (var property in element.EnumerateObject())
        {
            var name = property.Name;
            if (name is "PartitionKey" or "RowKey" || name.StartsWith("odata.", StringComparison.Ordinal) || name.EndsWith(TypeSuffix, StringComparison.Ordinal))
            {
                continue;
            }

            var type = element.TryGetProperty(name + TypeSuffix, out var t) ? t.GetString() : null;
            var value = ReadValue(property.Value, type, name);
            if (name == "Timestamp")
            {
                entity.Timestamp = value as DateTimeOffset? ?? (value is string s ? ParseDate(s) : null);
                continue;
            }

            entity.Properties[name] = value;
        }

        return entity;
    }

    private static object? ReadValue(JsonElement value, string? type, string name)
    {
        try
        {
            return type switch
            {
                "Edm.Int64" => long.Parse(value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText(), CultureInfo.InvariantCulture),
                "Edm.Int32" => value.ValueKind == JsonValueKind.String ? int.Parse(value.GetString()!, CultureInfo.InvariantCulture) : value.GetInt32(),
                "Edm.Double" => value.ValueKind == JsonValueKind.String ? ParseDouble(value.GetString()!) : value.GetDouble(),
                "Edm.DateTime" => ParseDate(value.GetString()!),
                "Edm.Guid" => Guid.Parse(value.GetString()!),
                "Edm.Binary" => value.GetBytesFromBase64(),
                "Edm.Boolean" => value.GetBoolean(),
                "Edm.String" => value.GetString(),
                null => value.ValueKind switch
                {
                    JsonValueKind.String => value.GetString(),
                    JsonValueKind.True => true,
                    JsonValueKind.False => false,
                    JsonValueKind.Null => null,
                    JsonValueKind.Number => IsIntegral(value.GetRawText()) && value.TryGetInt32(out var i) ? (object)i : value.GetDouble(),
                    _ => throw new FormatException($"unexpected JSON {value.ValueKind}"),
                },
                _ => throw new FormatException($"unknown type {type}"),
            };
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException or OverflowException)
        {
            throw new RequestFailedException(0, $"the table service answered property '{name}' as {type ?? "untyped"} that could not be read: {e.Message}", "InvalidResponse", e);
        }
    }

    private static bool IsIntegral(string raw) => raw.AsSpan().IndexOfAny(".eE") < 0;

    private static double ParseDouble(string s) => s switch
    {
        "NaN" => double.NaN,
        "Infinity" or "INF" => double.PositiveInfinity,
        "-Infinity" or "-INF" => double.NegativeInfinity,
        _ => double.Parse(s, CultureInfo.InvariantCulture),
    };

    private static DateTimeOffset ParseDate(string s) =>
        DateTimeOffset.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
