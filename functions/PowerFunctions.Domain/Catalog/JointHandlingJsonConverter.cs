using System.Text.Json;
using System.Text.Json.Serialization;

namespace PowerFunctions.Domain.Catalog;

/// <summary>
/// Reads <see cref="JointHandling"/> as the object it is, and the boolean <c>false</c> older items and
/// case events stored (before joint handling named its departments) as "not joint".
/// </summary>
internal sealed class JointHandlingJsonConverter : JsonConverter<JointHandling>
{
    public override JointHandling? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType is JsonTokenType.False or JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType == JsonTokenType.True)
        {
            throw new JsonException("jointHandling must name its lead and departments: {lead, departments:[{code, name, limitDays}]}");
        }

        var wire = JsonSerializer.Deserialize<Wire>(ref reader, options) ?? throw new JsonException("jointHandling is empty");
        var departments = (wire.Departments ?? []).Select(d => new JointDepartment(d?.Code?.Trim() ?? string.Empty, d?.Name?.Trim() ?? string.Empty, d?.LimitDays ?? 0)).ToArray();
        return new JointHandling(wire.Lead?.Trim() ?? string.Empty, departments);
    }

    public override void Write(Utf8JsonWriter writer, JointHandling value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString(Name(options, "lead"), value.Lead);
        writer.WriteStartArray(Name(options, "departments"));
        foreach (var d in value.Departments)
        {
            writer.WriteStartObject();
            writer.WriteString(Name(options, "code"), d.Code);
            writer.WriteString(Name(options, "name"), d.Name);
            writer.WriteNumber(Name(options, "limitDays"), d.LimitDays);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static string Name(JsonSerializerOptions options, string camel) => options.PropertyNamingPolicy?.ConvertName(char.ToUpperInvariant(camel[0]) + camel[1..]) ?? camel;

    private sealed record Wire(string? Lead, IReadOnlyList<WireDepartment?>? Departments);

    private sealed record WireDepartment(string? Code, string? Name, int? LimitDays);
}
