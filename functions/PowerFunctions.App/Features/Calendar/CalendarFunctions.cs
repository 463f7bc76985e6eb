using System.Globalization;
using System.Text.Json;
using PowerFunctions.App.Auth;
using Microsoft.Azure.Functions.Worker;
using PowerFunctions.App.Hosting;
using PowerFunctions.App.Http;
using PowerFunctions.Domain.Calendar;

namespace PowerFunctions.App.Features.Calendar;

/// <summary>
/// The working calendar over HTTP:
/// <c>GET /api/calendar/add?from=DATE&amp;days=N&amp;unit=working|calendar</c> (public) answers the end of a
/// period with every skipped day and its reason; <c>GET /api/calendar/{year}</c> (public) the year's
/// holidays and make-up days; <c>PUT /api/calendar/{year}</c> (admin) loads or replaces a year, then
/// has every <see cref="ICalendarObserver"/> recompute the open deadlines it touches.
/// </summary>
public sealed class CalendarFunctions(
    StoredCalendarProvider calendars,
    IEnumerable<ICalendarObserver> observers,
    TimeProvider clock,
    ILogger<CalendarFunctions> logger)
{
    /// <summary>The longest period the add endpoint computes (about ten years of calendar days).</summary>
    public const int MaxDays = 3650;

    public const string InvalidParameterCode = "calendar.invalid_parameter";

    private static readonly DateOnly EarliestFrom = new(1900, 1, 1);
    private static readonly DateOnly LatestFrom = new(2199, 12, 31);

    [Function("CalendarAdd")]
    [Public]
    public async Task<IResult> AddAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "calendar/add")] HttpRequest request, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var fromText = request.QueryValue("from");
        var from = YearScheduleJson.ParseDate(fromText);
        if (from is null)
        {
            errors["from"] = [fromText is null ? "缺少起算日期 from（YYYY-MM-DD）" : $"'{fromText}' 不是 YYYY-MM-DD 格式的日期"];
        }
        else if (from < EarliestFrom || from > LatestFrom)
        {
            errors["from"] = [$"起算日期须在 {EarliestFrom:yyyy-MM-dd} 至 {LatestFrom:yyyy-MM-dd} 之间"];
        }

        var daysText = request.QueryValue("days");
        if (!int.TryParse(daysText, NumberStyles.None, CultureInfo.InvariantCulture, out var days) || days > MaxDays)
        {
            errors["days"] = [daysText is null ? "缺少天数 days" : $"天数须为 0 到 {MaxDays} 之间的整数"];
        }

        var unitText = request.QueryValue("unit");
        PeriodUnit? unit = unitText switch
        {
            "working" => PeriodUnit.Working,
            "calendar" => PeriodUnit.Calendar,
            _ => null,
        };
        if (unit is null)
        {
            errors["unit"] = [unitText is null ? "缺少计算单位 unit（working 或 calendar）" : $"'{unitText}' 不是有效的单位，应为 working 或 calendar"];
        }

        if (errors.Count > 0)
        {
            throw InvalidParameter(errors);
        }

        var calendar = await calendars.GetCalendarAsync(ct).ConfigureAwait(false);
        var explanation = calendar.Explain(from!.Value, days, unit!.Value);
        return HttpResult.Ok(new AddView(
            explanation.From,
            explanation.Days,
            explanation.Unit,
            explanation.Result.Date,
            explanation.Result.Provisional,
            explanation.Skipped.Select(s => new SkippedView(s.Date, s.Reason)).ToList()));
    }

    [Function("CalendarYearGet")]
    [Public]
    public async Task<IResult> GetYearAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "calendar/{year}")] HttpRequest request, string year, CancellationToken ct)
    {
        var number = ParseYear(year);
        var calendar = await calendars.GetCalendarAsync(ct).ConfigureAwait(false);
        var stored = await calendars.GetStoredAsync(number, ct).ConfigureAwait(false);
        var schedule = calendar.ScheduleFor(number);
        var builtIn = OfficialSchedules.All.Any(s => s.Year == number);
        return HttpResult.Ok(new YearView(
            number,
            schedule is not null,
            schedule is null ? null : stored is not null ? "stored" : "built-in",
            builtIn,
            schedule is null,
            schedule?.Holidays.Select(h => new HolidayView(h.Name, h.From, h.To)).ToList() ?? [],
            schedule?.MakeupWorkdays ?? [],
            stored?.SavedBy,
            stored is null ? null : Domain.Common.ChinaTime.InChina(stored.SavedAt)));
    }

    [Function("CalendarYearPut")]
    [AnyRole(Roles.Admin)]
    public async Task<IResult> PutYearAsync([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "calendar/{year}")] HttpRequest request, string year, CancellationToken ct)
    {
        var caller = request.RequireCaller();
        var number = ParseYear(year);
        using var body = request.ReadJson<JsonDocument>();
        var schedule = YearScheduleJson.Read(body.RootElement, number).OrThrow();

        var calendar = await calendars.SaveAsync(schedule, caller.Subject, clock.GetUtcNow(), ct).ConfigureAwait(false);
        logger.LogInformation("calendar number {Year} loaded by {Subject}: {Holidays} holidays, {Makeups} make-up days", number, caller.Subject, schedule.Holidays.Count, schedule.MakeupWorkdays.Count);

        var recomputed = 0;
        foreach (var observer in observers)
        {
            recomputed += await observer.OnCalendarChangedAsync(number, calendar, ct).ConfigureAwait(false);
        }

        return HttpResult.Ok(new PutView(
            number,
            schedule.Holidays.Select(h => new HolidayView(h.Name, h.From, h.To)).ToList(),
            schedule.MakeupWorkdays,
            recomputed));
    }

    private static int ParseYear(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= YearSchedule.MinYear and <= YearSchedule.MaxYear
            ? year
            : throw InvalidParameter(new Dictionary<string, string[]> { ["year"] = [$"'{text}' 不是 {YearSchedule.MinYear} 至 {YearSchedule.MaxYear} 之间的年份"] });

    private static ProblemException InvalidParameter(Dictionary<string, string[]> errors) =>
        new(400, InvalidParameterCode, "日历查询参数无效", string.Join("; ", errors.SelectMany(e => e.Value.Select(v => $"{e.Key}: {v}"))), errors);

    private sealed record AddView(DateOnly From, int Days, PeriodUnit Unit, DateOnly Date, bool Provisional, IReadOnlyList<SkippedView> Skipped);

    private sealed record SkippedView(DateOnly Date, string Reason);

    private sealed record HolidayView(string Name, DateOnly From, DateOnly To);

    private sealed record YearView(
        int Year,
        bool Loaded,
        string? Source,
        bool BuiltIn,
        bool Provisional,
        IReadOnlyList<HolidayView> Holidays,
        IReadOnlyList<DateOnly> MakeupWorkdays,
        string? SavedBy,
        DateTimeOffset? SavedAt);

    private sealed record PutView(int Year, IReadOnlyList<HolidayView> Holidays, IReadOnlyList<DateOnly> MakeupWorkdays, int Recomputed);
}
