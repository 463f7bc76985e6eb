using System.Globalization;
using System.Text.Json;
using PowerFunctions.Domain.Common;

namespace PowerFunctions.Domain.Calendar;

/// <summary>
/// The one JSON shape of a year's schedule, the same as the body of <c>PUT /api/calendar/{year}</c>:
/// <c>{"year":2026,"holidays":[{"name":"国庆节","from":"2026-10-01","to":"2026-10-07"}],"makeupWorkdays":["2026-10-10"]}</c>
/// (<c>year</c> optional when the caller knows it). Used for the built-in data and for stored years.
/// </summary>
public static class YearScheduleJson
{
    /// <summary>Serialises <paramref name="schedule"/> (dates as <c>yyyy-MM-dd</c>).</summary>
    public static string Write(YearSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteNumber("year", schedule.Year);
            writer.WriteStartArray("holidays");
            foreach (var h in schedule.Holidays)
            {
                writer.WriteStartObject();
                writer.WriteString("name", h.Name);
                writer.WriteString("from", Iso(h.From));
                writer.WriteString("to", Iso(h.To));
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartArray("makeupWorkdays");
            foreach (var d in schedule.MakeupWorkdays)
            {
                writer.WriteStringValue(Iso(d));
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Reads and validates one year; <paramref name="year"/> wins over a <c>year</c> property, which must agree if present.</summary>
    public static Result<YearSchedule> Parse(string json, int? year = null)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            return Read(doc.RootElement, year);
        }
        catch (JsonException e)
        {
            return DomainError.Validation(YearSchedule.InvalidCode, "节假日安排无效", e.Message);
        }
    }

    /// <summary>Reads and validates one year from a parsed element.</summary>
    public static Result<YearSchedule> Read(JsonElement root, int? year = null)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return DomainError.Validation(YearSchedule.InvalidCode, "节假日安排无效", "the schedule must be a JSON object");
        }

        if (root.TryGetProperty("year", out var y) && y.ValueKind == JsonValueKind.Number && y.TryGetInt32(out var stated))
        {
            if (year is not null && year != stated)
            {
                return DomainError.Validation(
                    YearSchedule.InvalidCode,
                    "节假日安排无效",
                    $"year {stated} does not match {year}",
                    new Dictionary<string, string[]> { ["year"] = [$"年份 {stated} 与地址中的 {year} 不一致"] });
            }

            year = stated;
        }

        if (year is null)
        {
            return DomainError.Validation(YearSchedule.InvalidCode, "节假日安排无效", "the schedule names no year");
        }

        var holidays = new List<Holiday?>();
        var makeups = new List<DateOnly?>();
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        if (!root.TryGetProperty("holidays", out var hs) || hs.ValueKind == JsonValueKind.Null)
        {
            errors["holidays"] = ["缺少节假日列表（可为空数组）"];
        }
        else if (hs.ValueKind != JsonValueKind.Array)
        {
            errors["holidays"] = ["必须是数组"];
        }
        else
        {
            var i = 0;
            foreach (var h in hs.EnumerateArray())
            {
                var key = $"holidays[{i++}]";
                if (h.ValueKind != JsonValueKind.Object)
                {
                    errors[key] = ["必须是 {name, from, to} 对象"];
                    holidays.Add(null);
                    continue;
                }

                var name = h.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() ?? "" : "";
                var from = DateOf(h, "from");
                var to = DateOf(h, "to");
                if (from is null)
                {
                    errors[$"{key}.from"] = ["缺少日期或日期格式不是 YYYY-MM-DD"];
                }

                if (to is null)
                {
                    errors[$"{key}.to"] = ["缺少日期或日期格式不是 YYYY-MM-DD"];
                }

                if (string.IsNullOrWhiteSpace(name))
                {
                    errors[$"{key}.name"] = ["节假日名称不能为空"];
                }

                holidays.Add(from is null || to is null || string.IsNullOrWhiteSpace(name) ? null : new Holiday(name, from.Value, to.Value));
            }
        }

        if (!root.TryGetProperty("makeupWorkdays", out var ms) || ms.ValueKind == JsonValueKind.Null)
        {
            errors["makeupWorkdays"] = ["缺少调休上班日列表（可为空数组）"];
        }
        else if (ms.ValueKind != JsonValueKind.Array)
        {
            errors["makeupWorkdays"] = ["必须是数组"];
        }
        else
        {
            var i = 0;
            foreach (var m in ms.EnumerateArray())
            {
                var d = m.ValueKind == JsonValueKind.String ? ParseDate(m.GetString()) : null;
                if (d is null)
                {
                    errors[$"makeupWorkdays[{i}]"] = ["日期格式不是 YYYY-MM-DD"];
                }

                makeups.Add(d);
                i++;
            }
        }

        return YearSchedule.CreateChecked(year.Value, holidays, makeups, errors);
    }

    /// <summary>A <c>yyyy-MM-dd</c> date, or null.</summary>
    public static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    private static DateOnly? DateOf(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? ParseDate(v.GetString()) : null;

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
