using System.Text.Json;

namespace PowerFunctions.Domain.Calendar;

/// <summary>
/// The official holiday schedules built in as data (<c>Calendar/OfficialSchedules.json</c>, an embedded
/// resource): 2024, 2025 and 2026 as published by 国务院办公厅. Later years are loaded over
/// <c>PUT /api/calendar/{year}</c>; until then they count weekends only and are provisional.
/// </summary>
public static class OfficialSchedules
{
    private const string ResourceName = "PowerFunctions.Domain.Calendar.OfficialSchedules.json";

    // Immutable once read: the embedded data never changes while the process runs.
    private static readonly Lazy<IReadOnlyList<YearSchedule>> Cached = new(Read);

    /// <summary>Every built-in year, in year order.</summary>
    public static IReadOnlyList<YearSchedule> All => Cached.Value;

    /// <summary>A calendar over the built-in years.</summary>
    public static WorkingCalendar Calendar() => new(All);

    private static IReadOnlyList<YearSchedule> Read()
    {
        using var stream = typeof(OfficialSchedules).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource {ResourceName} is missing");
        using var doc = JsonDocument.Parse(stream);
        var years = new List<YearSchedule>();
        foreach (var year in doc.RootElement.GetProperty("years").EnumerateArray())
        {
            var result = YearScheduleJson.Read(year);
            years.Add(result.IsSuccess ? result.Value : throw new InvalidOperationException($"built-in schedule is invalid: {result.Error.Detail}"));
        }

        return years.OrderBy(y => y.Year).ToList().AsReadOnly();
    }
}
