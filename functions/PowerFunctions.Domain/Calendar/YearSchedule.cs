using PowerFunctions.Domain.Common;

namespace PowerFunctions.Domain.Calendar;

/// <summary>
/// One year's official holiday schedule (国务院办公厅 节假日安排): the holiday periods (days off) and
/// the make-up working days (调休上班) that fall on a weekend. Only a valid schedule exists: build it
/// with <see cref="Create"/>, which lists every problem at once.
/// </summary>
public sealed record YearSchedule
{
    /// <summary>The first year a schedule may be given for.</summary>
    public const int MinYear = 1950;

    /// <summary>The last year a schedule may be given for.</summary>
    public const int MaxYear = 2200;

    public const string InvalidCode = "calendar.invalid_schedule";

    /// <summary>
    /// Most holiday periods in one year. The State Council's notice names 7 festivals a year (国务院办公厅
    /// 关于部分节假日安排的通知; 全国年节及纪念日放假办法 第二条), a few split in two: 60 leaves room for local
    /// days off and keeps a body from becoming a memory bomb.
    /// </summary>
    public const int MaxHolidays = 60;

    /// <summary>Most make-up working days (调休上班) in one year: the notice moves about 6–8; 30 is generous.</summary>
    public const int MaxMakeupWorkdays = 30;

    /// <summary>Most overlap messages reported at once; the rest are counted in one last message.</summary>
    public const int MaxOverlapMessages = 20;

    private YearSchedule(int year, IReadOnlyList<Holiday> holidays, IReadOnlyList<DateOnly> makeupWorkdays)
    {
        Year = year;
        Holidays = holidays;
        MakeupWorkdays = makeupWorkdays;
    }

    public int Year { get; }

    /// <summary>The holiday periods, in date order, none overlapping.</summary>
    public IReadOnlyList<Holiday> Holidays { get; }

    /// <summary>The make-up working days, in date order: each a Saturday or Sunday outside every holiday.</summary>
    public IReadOnlyList<DateOnly> MakeupWorkdays { get; }

    /// <summary>
    /// A schedule for <paramref name="year"/>, or a validation error (<c>calendar.invalid_schedule</c>)
    /// whose <see cref="DomainError.Errors"/> name every problem: a missing name, from after to, a date
    /// outside the year, overlapping holidays (each once, at most <see cref="MaxOverlapMessages"/>), a make-up day
    /// that is not a Saturday or Sunday, a make-up day given twice or inside a holiday; more than
    /// <see cref="MaxHolidays"/> holidays or <see cref="MaxMakeupWorkdays"/> make-up days is refused before any other
    /// check. Linear but for one sort.
    /// </summary>
    public static Result<YearSchedule> Create(int year, IEnumerable<Holiday> holidays, IEnumerable<DateOnly> makeupWorkdays)
    {
        ArgumentNullException.ThrowIfNull(holidays);
        ArgumentNullException.ThrowIfNull(makeupWorkdays);
        var holidayList = holidays.ToList();
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        for (var i = 0; i < holidayList.Count; i++)
        {
            if (holidayList[i] is null)
            {
                errors[$"holidays[{i}]"] = ["缺少节假日"];
            }
        }

        return CreateChecked(year, holidayList!, makeupWorkdays.Select(d => (DateOnly?)d).ToList(), errors);
    }

    /// <summary>
    /// The same validation, for input already partly checked: a null holiday or make-up day was
    /// unreadable and is already reported in <paramref name="errors"/>, which the other problems join.
    /// </summary>
    internal static Result<YearSchedule> CreateChecked(int year, IReadOnlyList<Holiday?> holidayList, IReadOnlyList<DateOnly?> makeupInput, Dictionary<string, List<string>> errors)
    {
        void Add(string key, string message)
        {
            if (!errors.TryGetValue(key, out var list))
            {
                errors[key] = list = [];
            }

            list.Add(message);
        }

        if (year is < MinYear or > MaxYear)
        {
            Add("year", $"年份 {year} 不在 {MinYear}–{MaxYear} 之内");
        }

        if (holidayList.Count > MaxHolidays)
        {
            Add("holidays", $"一年至多 {MaxHolidays} 个节假日，收到 {holidayList.Count} 个");
        }

        if (makeupInput.Count > MaxMakeupWorkdays)
        {
            Add("makeupWorkdays", $"一年至多 {MaxMakeupWorkdays} 个调休上班日，收到 {makeupInput.Count} 个");
        }

        if (errors.ContainsKey("holidays") || errors.ContainsKey("makeupWorkdays"))
        {
            return Refused(errors);
        }

        for (var i = 0; i < holidayList.Count; i++)
        {
            var h = holidayList[i];
            var key = $"holidays[{i}]";
            if (h is null)
            {
                continue;
            }

            if (string.IsNullOrWhiteSpace(h.Name))
            {
                Add($"{key}.name", "节假日名称不能为空");
            }

            if (h.From > h.To)
            {
                Add(key, $"开始日期 {Iso(h.From)} 晚于结束日期 {Iso(h.To)}");
            }

            if (h.From.Year != year)
            {
                Add($"{key}.from", $"{Iso(h.From)} 不在 {year} 年内");
            }

            if (h.To.Year != year)
            {
                Add($"{key}.to", $"{Iso(h.To)} 不在 {year} 年内");
            }
        }

        ReportOverlaps(holidayList, Add);

        var firstIndex = new Dictionary<DateOnly, int>();
        for (var i = 0; i < makeupInput.Count; i++)
        {
            if (makeupInput[i] is not { } d)
            {
                continue;
            }

            var key = $"makeupWorkdays[{i}]";
            if (d.Year != year)
            {
                Add(key, $"{Iso(d)} 不在 {year} 年内");
            }

            if (d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                Add(key, $"{Iso(d)} 不是周六或周日，无需调休上班");
            }

            if (!firstIndex.TryAdd(d, i))
            {
                Add(key, $"{Iso(d)} 与 makeupWorkdays[{firstIndex[d]}] 重复");
            }

            var inside = holidayList.FirstOrDefault(h => h is not null && h.Contains(d));
            if (inside is not null)
            {
                Add(key, $"{Iso(d)} 在假期 {inside.Name}（{Iso(inside.From)}–{Iso(inside.To)}）之内");
            }
        }

        if (errors.Count > 0)
        {
            return Refused(errors);
        }

        return new YearSchedule(
            year,
            holidayList.Select(h => h! with { Name = h.Name.Trim() }).OrderBy(h => h.From).ToList().AsReadOnly(),
            makeupInput.Select(d => d!.Value).Order().ToList().AsReadOnly());
    }

    /// <summary>
    /// Each holiday that overlaps an earlier one (in date order), once, naming the one it overlaps; at most
    /// <see cref="MaxOverlapMessages"/> messages and one more counting the rest. Sorted sweep: n log n.
    /// </summary>
    private static void ReportOverlaps(IReadOnlyList<Holiday?> holidays, Action<string, string> add)
    {
        var valid = Enumerable.Range(0, holidays.Count)
            .Where(i => holidays[i] is { } h && h.From <= h.To)
            .OrderBy(i => holidays[i]!.From)
            .ThenBy(i => i)
            .ToList();
        var reported = 0;
        var reach = -1; // the index of the holiday reaching furthest so far
        foreach (var i in valid)
        {
            var h = holidays[i]!;
            if (reach >= 0 && h.From <= holidays[reach]!.To)
            {
                if (reported++ < MaxOverlapMessages)
                {
                    var other = holidays[reach]!;
                    add($"holidays[{i}]", $"与 holidays[{reach}]（{other.Name} {Iso(other.From)}–{Iso(other.To)}）重叠");
                }
            }

            if (reach < 0 || h.To > holidays[reach]!.To)
            {
                reach = i;
            }
        }

        if (reported > MaxOverlapMessages)
        {
            add("holidays", $"另有 {reported - MaxOverlapMessages} 个节假日与其他节假日重叠");
        }
    }

    private static DomainError Refused(Dictionary<string, List<string>> errors)
    {
        var frozen = errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
        return DomainError.Validation(
            InvalidCode,
            "节假日安排无效",
            string.Join("; ", frozen.SelectMany(e => e.Value.Select(v => $"{e.Key}: {v}"))),
            frozen);
    }

    /// <summary>The holiday that <paramref name="date"/> falls in, or null.</summary>
    public Holiday? HolidayOn(DateOnly date)
    {
        foreach (var h in Holidays)
        {
            if (h.Contains(date))
            {
                return h;
            }
        }

        return null;
    }

    public bool Equals(YearSchedule? other) =>
        other is not null && Year == other.Year && Holidays.SequenceEqual(other.Holidays) && MakeupWorkdays.SequenceEqual(other.MakeupWorkdays);

    public override int GetHashCode() => HashCode.Combine(Year, Holidays.Count, MakeupWorkdays.Count);

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
