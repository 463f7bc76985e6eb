using PowerFunctions.Domain.Calendar;

namespace PowerFunctions.Domain.Tests.Calendar;

/// <summary>
/// Boundary tables around every holiday and make-up working day of the official 2024–2026 schedules.
/// Expected dates were worked out day by day from the 国务院办公厅 notices (an independent naive count),
/// not from the engine.
/// </summary>
public sealed class WorkingCalendarBoundaryTests
{
    private static readonly WorkingCalendar Official = OfficialSchedules.Calendar();

    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [Trait("Source", "行政许可法 第八十二条")]
    [Trait("Source", "民法典 第二百零一条")]
    [InlineData("2023-12-31", 1, "2024-01-02")] // 2024 元旦 day before
    [InlineData("2024-01-01", 1, "2024-01-02")] // 2024 元旦 first day
    [InlineData("2023-12-31", 5, "2024-01-08")] // 2024 元旦 day before
    [InlineData("2023-12-30", 2, "2024-01-03")] // 2024 元旦 inside/before end
    [InlineData("2024-02-09", 1, "2024-02-18")] // 2024 春节 day before
    [InlineData("2024-02-10", 1, "2024-02-18")] // 2024 春节 first day
    [InlineData("2024-02-17", 1, "2024-02-18")] // 2024 春节 last day
    [InlineData("2024-02-09", 5, "2024-02-22")] // 2024 春节 day before
    [InlineData("2024-02-16", 2, "2024-02-19")] // 2024 春节 inside/before end
    [InlineData("2024-04-03", 1, "2024-04-07")] // 2024 清明节 day before
    [InlineData("2024-04-04", 1, "2024-04-07")] // 2024 清明节 first day
    [InlineData("2024-04-06", 1, "2024-04-07")] // 2024 清明节 last day
    [InlineData("2024-04-03", 5, "2024-04-11")] // 2024 清明节 day before
    [InlineData("2024-04-05", 2, "2024-04-08")] // 2024 清明节 inside/before end
    [InlineData("2024-04-30", 1, "2024-05-06")] // 2024 劳动节 day before
    [InlineData("2024-05-01", 1, "2024-05-06")] // 2024 劳动节 first day
    [InlineData("2024-05-05", 1, "2024-05-06")] // 2024 劳动节 last day
    [InlineData("2024-04-30", 5, "2024-05-10")] // 2024 劳动节 day before
    [InlineData("2024-05-04", 2, "2024-05-07")] // 2024 劳动节 inside/before end
    [InlineData("2024-06-09", 1, "2024-06-11")] // 2024 端午节 day before
    [InlineData("2024-06-10", 1, "2024-06-11")] // 2024 端午节 first day
    [InlineData("2024-06-09", 5, "2024-06-17")] // 2024 端午节 day before
    [InlineData("2024-06-08", 2, "2024-06-12")] // 2024 端午节 inside/before end
    [InlineData("2024-09-14", 1, "2024-09-18")] // 2024 中秋节 day before
    [InlineData("2024-09-15", 1, "2024-09-18")] // 2024 中秋节 first day
    [InlineData("2024-09-17", 1, "2024-09-18")] // 2024 中秋节 last day
    [InlineData("2024-09-14", 5, "2024-09-24")] // 2024 中秋节 day before
    [InlineData("2024-09-16", 2, "2024-09-19")] // 2024 中秋节 inside/before end
    [InlineData("2024-09-30", 1, "2024-10-08")] // 2024 国庆节 day before
    [InlineData("2024-10-01", 1, "2024-10-08")] // 2024 国庆节 first day
    [InlineData("2024-10-07", 1, "2024-10-08")] // 2024 国庆节 last day
    [InlineData("2024-09-30", 5, "2024-10-12")] // 2024 国庆节 day before
    [InlineData("2024-10-06", 2, "2024-10-09")] // 2024 国庆节 inside/before end
    [InlineData("2024-12-31", 1, "2025-01-02")] // 2025 元旦 day before
    [InlineData("2025-01-01", 1, "2025-01-02")] // 2025 元旦 first day
    [InlineData("2024-12-31", 5, "2025-01-08")] // 2025 元旦 day before
    [InlineData("2024-12-30", 2, "2025-01-02")] // 2025 元旦 inside/before end
    [InlineData("2025-01-27", 1, "2025-02-05")] // 2025 春节 day before
    [InlineData("2025-01-28", 1, "2025-02-05")] // 2025 春节 first day
    [InlineData("2025-02-04", 1, "2025-02-05")] // 2025 春节 last day
    [InlineData("2025-01-27", 5, "2025-02-10")] // 2025 春节 day before
    [InlineData("2025-02-03", 2, "2025-02-06")] // 2025 春节 inside/before end
    [InlineData("2025-04-03", 1, "2025-04-07")] // 2025 清明节 day before
    [InlineData("2025-04-04", 1, "2025-04-07")] // 2025 清明节 first day
    [InlineData("2025-04-06", 1, "2025-04-07")] // 2025 清明节 last day
    [InlineData("2025-04-03", 5, "2025-04-11")] // 2025 清明节 day before
    [InlineData("2025-04-05", 2, "2025-04-08")] // 2025 清明节 inside/before end
    [InlineData("2025-04-30", 1, "2025-05-06")] // 2025 劳动节 day before
    [InlineData("2025-05-01", 1, "2025-05-06")] // 2025 劳动节 first day
    [InlineData("2025-05-05", 1, "2025-05-06")] // 2025 劳动节 last day
    [InlineData("2025-04-30", 5, "2025-05-12")] // 2025 劳动节 day before
    [InlineData("2025-05-04", 2, "2025-05-07")] // 2025 劳动节 inside/before end
    [InlineData("2025-05-30", 1, "2025-06-03")] // 2025 端午节 day before
    [InlineData("2025-05-31", 1, "2025-06-03")] // 2025 端午节 first day
    [InlineData("2025-06-02", 1, "2025-06-03")] // 2025 端午节 last day
    [InlineData("2025-05-30", 5, "2025-06-09")] // 2025 端午节 day before
    [InlineData("2025-06-01", 2, "2025-06-04")] // 2025 端午节 inside/before end
    [InlineData("2025-09-30", 1, "2025-10-09")] // 2025 国庆节、中秋节 day before
    [InlineData("2025-10-01", 1, "2025-10-09")] // 2025 国庆节、中秋节 first day
    [InlineData("2025-10-08", 1, "2025-10-09")] // 2025 国庆节、中秋节 last day
    [InlineData("2025-09-30", 5, "2025-10-14")] // 2025 国庆节、中秋节 day before
    [InlineData("2025-10-07", 2, "2025-10-10")] // 2025 国庆节、中秋节 inside/before end
    [InlineData("2025-12-31", 1, "2026-01-04")] // 2026 元旦 day before
    [InlineData("2026-01-01", 1, "2026-01-04")] // 2026 元旦 first day
    [InlineData("2026-01-03", 1, "2026-01-04")] // 2026 元旦 last day
    [InlineData("2025-12-31", 5, "2026-01-08")] // 2026 元旦 day before
    [InlineData("2026-01-02", 2, "2026-01-05")] // 2026 元旦 inside/before end
    [InlineData("2026-02-14", 1, "2026-02-24")] // 2026 春节 day before
    [InlineData("2026-02-15", 1, "2026-02-24")] // 2026 春节 first day
    [InlineData("2026-02-23", 1, "2026-02-24")] // 2026 春节 last day
    [InlineData("2026-02-14", 5, "2026-02-28")] // 2026 春节 day before
    [InlineData("2026-02-22", 2, "2026-02-25")] // 2026 春节 inside/before end
    [InlineData("2026-04-03", 1, "2026-04-07")] // 2026 清明节 day before
    [InlineData("2026-04-04", 1, "2026-04-07")] // 2026 清明节 first day
    [InlineData("2026-04-06", 1, "2026-04-07")] // 2026 清明节 last day
    [InlineData("2026-04-03", 5, "2026-04-13")] // 2026 清明节 day before
    [InlineData("2026-04-05", 2, "2026-04-08")] // 2026 清明节 inside/before end
    [InlineData("2026-04-30", 1, "2026-05-06")] // 2026 劳动节 day before
    [InlineData("2026-05-01", 1, "2026-05-06")] // 2026 劳动节 first day
    [InlineData("2026-05-05", 1, "2026-05-06")] // 2026 劳动节 last day
    [InlineData("2026-04-30", 5, "2026-05-11")] // 2026 劳动节 day before
    [InlineData("2026-05-04", 2, "2026-05-07")] // 2026 劳动节 inside/before end
    [InlineData("2026-06-18", 1, "2026-06-22")] // 2026 端午节 day before
    [InlineData("2026-06-19", 1, "2026-06-22")] // 2026 端午节 first day
    [InlineData("2026-06-21", 1, "2026-06-22")] // 2026 端午节 last day
    [InlineData("2026-06-18", 5, "2026-06-26")] // 2026 端午节 day before
    [InlineData("2026-06-20", 2, "2026-06-23")] // 2026 端午节 inside/before end
    [InlineData("2026-09-24", 1, "2026-09-28")] // 2026 中秋节 day before
    [InlineData("2026-09-25", 1, "2026-09-28")] // 2026 中秋节 first day
    [InlineData("2026-09-27", 1, "2026-09-28")] // 2026 中秋节 last day
    [InlineData("2026-09-24", 5, "2026-10-09")] // 2026 中秋节 day before
    [InlineData("2026-09-26", 2, "2026-09-29")] // 2026 中秋节 inside/before end
    [InlineData("2026-09-30", 1, "2026-10-08")] // 2026 国庆节 day before
    [InlineData("2026-10-01", 1, "2026-10-08")] // 2026 国庆节 first day
    [InlineData("2026-10-07", 1, "2026-10-08")] // 2026 国庆节 last day
    [InlineData("2026-09-30", 5, "2026-10-13")] // 2026 国庆节 day before
    [InlineData("2026-10-06", 2, "2026-10-09")] // 2026 国庆节 inside/before end
    public void AddWorkingDays_AroundEveryHoliday_SkipsHolidaysAndWeekends(string from, int days, string expected)
    {
        Assert.Equal(D(expected), Official.AddWorkingDays(D(from), days).Date);
    }

    [Theory]
    [Trait("Source", "行政许可法 第八十二条")]
    [InlineData("2024-02-03", 1, "2024-02-04")] // 2024 make-up Sun 2024-02-04
    [InlineData("2024-02-02", 2, "2024-02-05")] // 2024 across make-up 2024-02-04
    [InlineData("2024-02-17", 1, "2024-02-18")] // 2024 make-up Sun 2024-02-18
    [InlineData("2024-02-09", 2, "2024-02-19")] // 2024 across make-up 2024-02-18
    [InlineData("2024-04-06", 1, "2024-04-07")] // 2024 make-up Sun 2024-04-07
    [InlineData("2024-04-03", 2, "2024-04-08")] // 2024 across make-up 2024-04-07
    [InlineData("2024-04-27", 1, "2024-04-28")] // 2024 make-up Sun 2024-04-28
    [InlineData("2024-04-26", 2, "2024-04-29")] // 2024 across make-up 2024-04-28
    [InlineData("2024-05-10", 1, "2024-05-11")] // 2024 make-up Sat 2024-05-11
    [InlineData("2024-05-10", 2, "2024-05-13")] // 2024 across make-up 2024-05-11
    [InlineData("2024-09-13", 1, "2024-09-14")] // 2024 make-up Sat 2024-09-14
    [InlineData("2024-09-13", 2, "2024-09-18")] // 2024 across make-up 2024-09-14
    [InlineData("2024-09-28", 1, "2024-09-29")] // 2024 make-up Sun 2024-09-29
    [InlineData("2024-09-27", 2, "2024-09-30")] // 2024 across make-up 2024-09-29
    [InlineData("2024-10-11", 1, "2024-10-12")] // 2024 make-up Sat 2024-10-12
    [InlineData("2024-10-11", 2, "2024-10-14")] // 2024 across make-up 2024-10-12
    [InlineData("2025-01-25", 1, "2025-01-26")] // 2025 make-up Sun 2025-01-26
    [InlineData("2025-01-24", 2, "2025-01-27")] // 2025 across make-up 2025-01-26
    [InlineData("2025-02-07", 1, "2025-02-08")] // 2025 make-up Sat 2025-02-08
    [InlineData("2025-02-07", 2, "2025-02-10")] // 2025 across make-up 2025-02-08
    [InlineData("2025-04-26", 1, "2025-04-27")] // 2025 make-up Sun 2025-04-27
    [InlineData("2025-04-25", 2, "2025-04-28")] // 2025 across make-up 2025-04-27
    [InlineData("2025-09-27", 1, "2025-09-28")] // 2025 make-up Sun 2025-09-28
    [InlineData("2025-09-26", 2, "2025-09-29")] // 2025 across make-up 2025-09-28
    [InlineData("2025-10-10", 1, "2025-10-11")] // 2025 make-up Sat 2025-10-11
    [InlineData("2025-10-10", 2, "2025-10-13")] // 2025 across make-up 2025-10-11
    [InlineData("2026-01-03", 1, "2026-01-04")] // 2026 make-up Sun 2026-01-04
    [InlineData("2025-12-31", 2, "2026-01-05")] // 2026 across make-up 2026-01-04
    [InlineData("2026-02-13", 1, "2026-02-14")] // 2026 make-up Sat 2026-02-14
    [InlineData("2026-02-13", 2, "2026-02-24")] // 2026 across make-up 2026-02-14
    [InlineData("2026-02-27", 1, "2026-02-28")] // 2026 make-up Sat 2026-02-28
    [InlineData("2026-02-27", 2, "2026-03-02")] // 2026 across make-up 2026-02-28
    [InlineData("2026-05-08", 1, "2026-05-09")] // 2026 make-up Sat 2026-05-09
    [InlineData("2026-05-08", 2, "2026-05-11")] // 2026 across make-up 2026-05-09
    [InlineData("2026-09-19", 1, "2026-09-20")] // 2026 make-up Sun 2026-09-20
    [InlineData("2026-09-18", 2, "2026-09-21")] // 2026 across make-up 2026-09-20
    [InlineData("2026-10-09", 1, "2026-10-10")] // 2026 make-up Sat 2026-10-10
    [InlineData("2026-10-09", 2, "2026-10-12")] // 2026 across make-up 2026-10-10
    public void AddWorkingDays_AroundEveryMakeupDay_CountsTheMakeupDay(string from, int days, string expected)
    {
        Assert.Equal(D(expected), Official.AddWorkingDays(D(from), days).Date);
    }

    [Theory]
    [Trait("Source", "民法典 第二百零三条")]
    [Trait("Source", "民法典 第二百零一条")]
    [InlineData("2023-12-25", 7, "2024-01-02")] // 2024 元旦 lands on first day
    [InlineData("2024-02-03", 7, "2024-02-18")] // 2024 春节 lands on first day
    [InlineData("2024-02-10", 7, "2024-02-18")] // 2024 春节 lands on last day
    [InlineData("2024-03-28", 7, "2024-04-07")] // 2024 清明节 lands on first day
    [InlineData("2024-03-30", 7, "2024-04-07")] // 2024 清明节 lands on last day
    [InlineData("2024-04-24", 7, "2024-05-06")] // 2024 劳动节 lands on first day
    [InlineData("2024-04-28", 7, "2024-05-06")] // 2024 劳动节 lands on last day
    [InlineData("2024-06-03", 7, "2024-06-11")] // 2024 端午节 lands on first day
    [InlineData("2024-09-08", 7, "2024-09-18")] // 2024 中秋节 lands on first day
    [InlineData("2024-09-10", 7, "2024-09-18")] // 2024 中秋节 lands on last day
    [InlineData("2024-09-24", 7, "2024-10-08")] // 2024 国庆节 lands on first day
    [InlineData("2024-09-30", 7, "2024-10-08")] // 2024 国庆节 lands on last day
    [InlineData("2024-01-28", 7, "2024-02-04")] // 2024 lands on make-up 2024-02-04 (no roll)
    [InlineData("2024-02-11", 7, "2024-02-18")] // 2024 lands on make-up 2024-02-18 (no roll)
    [InlineData("2024-03-31", 7, "2024-04-07")] // 2024 lands on make-up 2024-04-07 (no roll)
    [InlineData("2024-04-21", 7, "2024-04-28")] // 2024 lands on make-up 2024-04-28 (no roll)
    [InlineData("2024-05-04", 7, "2024-05-11")] // 2024 lands on make-up 2024-05-11 (no roll)
    [InlineData("2024-09-07", 7, "2024-09-14")] // 2024 lands on make-up 2024-09-14 (no roll)
    [InlineData("2024-09-22", 7, "2024-09-29")] // 2024 lands on make-up 2024-09-29 (no roll)
    [InlineData("2024-10-05", 7, "2024-10-12")] // 2024 lands on make-up 2024-10-12 (no roll)
    [InlineData("2024-12-25", 7, "2025-01-02")] // 2025 元旦 lands on first day
    [InlineData("2025-01-21", 7, "2025-02-05")] // 2025 春节 lands on first day
    [InlineData("2025-01-28", 7, "2025-02-05")] // 2025 春节 lands on last day
    [InlineData("2025-03-28", 7, "2025-04-07")] // 2025 清明节 lands on first day
    [InlineData("2025-03-30", 7, "2025-04-07")] // 2025 清明节 lands on last day
    [InlineData("2025-04-24", 7, "2025-05-06")] // 2025 劳动节 lands on first day
    [InlineData("2025-04-28", 7, "2025-05-06")] // 2025 劳动节 lands on last day
    [InlineData("2025-05-24", 7, "2025-06-03")] // 2025 端午节 lands on first day
    [InlineData("2025-05-26", 7, "2025-06-03")] // 2025 端午节 lands on last day
    [InlineData("2025-09-24", 7, "2025-10-09")] // 2025 国庆节、中秋节 lands on first day
    [InlineData("2025-10-01", 7, "2025-10-09")] // 2025 国庆节、中秋节 lands on last day
    [InlineData("2025-01-19", 7, "2025-01-26")] // 2025 lands on make-up 2025-01-26 (no roll)
    [InlineData("2025-02-01", 7, "2025-02-08")] // 2025 lands on make-up 2025-02-08 (no roll)
    [InlineData("2025-04-20", 7, "2025-04-27")] // 2025 lands on make-up 2025-04-27 (no roll)
    [InlineData("2025-09-21", 7, "2025-09-28")] // 2025 lands on make-up 2025-09-28 (no roll)
    [InlineData("2025-10-04", 7, "2025-10-11")] // 2025 lands on make-up 2025-10-11 (no roll)
    [InlineData("2025-12-25", 7, "2026-01-04")] // 2026 元旦 lands on first day
    [InlineData("2025-12-27", 7, "2026-01-04")] // 2026 元旦 lands on last day
    [InlineData("2026-02-08", 7, "2026-02-24")] // 2026 春节 lands on first day
    [InlineData("2026-02-16", 7, "2026-02-24")] // 2026 春节 lands on last day
    [InlineData("2026-03-28", 7, "2026-04-07")] // 2026 清明节 lands on first day
    [InlineData("2026-03-30", 7, "2026-04-07")] // 2026 清明节 lands on last day
    [InlineData("2026-04-24", 7, "2026-05-06")] // 2026 劳动节 lands on first day
    [InlineData("2026-04-28", 7, "2026-05-06")] // 2026 劳动节 lands on last day
    [InlineData("2026-06-12", 7, "2026-06-22")] // 2026 端午节 lands on first day
    [InlineData("2026-06-14", 7, "2026-06-22")] // 2026 端午节 lands on last day
    [InlineData("2026-09-18", 7, "2026-09-28")] // 2026 中秋节 lands on first day
    [InlineData("2026-09-20", 7, "2026-09-28")] // 2026 中秋节 lands on last day
    [InlineData("2026-09-24", 7, "2026-10-08")] // 2026 国庆节 lands on first day
    [InlineData("2026-09-30", 7, "2026-10-08")] // 2026 国庆节 lands on last day
    [InlineData("2025-12-28", 7, "2026-01-04")] // 2026 lands on make-up 2026-01-04 (no roll)
    [InlineData("2026-02-07", 7, "2026-02-14")] // 2026 lands on make-up 2026-02-14 (no roll)
    [InlineData("2026-02-21", 7, "2026-02-28")] // 2026 lands on make-up 2026-02-28 (no roll)
    [InlineData("2026-05-02", 7, "2026-05-09")] // 2026 lands on make-up 2026-05-09 (no roll)
    [InlineData("2026-09-13", 7, "2026-09-20")] // 2026 lands on make-up 2026-09-20 (no roll)
    [InlineData("2026-10-03", 7, "2026-10-10")] // 2026 lands on make-up 2026-10-10 (no roll)
    public void AddCalendarDays_LastDayOnHolidayOrMakeupDay_RollsToNextWorkingDayOnlyWhenNeeded(string from, int days, string expected)
    {
        Assert.Equal(D(expected), Official.AddCalendarDays(D(from), days).Date);
    }

    [Theory]
    [Trait("Source", "行政许可法 第八十二条")]
    [InlineData("2026-09-18", 5, "2026-09-24")]  // Fri; Sun 9/20 is a make-up day, then 中秋 9/25–27
    [InlineData("2026-09-18", 20, "2026-10-22")] // across 中秋 and 国庆 2026, make-up Sat 10/10 counts
    [InlineData("2026-09-30", 5, "2026-10-13")]  // 国庆 10/1–7 skipped, 10/8, 10/9, Sat 10/10, 10/12, 10/13
    [InlineData("2026-09-30", 20, "2026-11-03")]
    public void AddWorkingDays_AcrossNationalDay2026_MatchesTheOfficialSchedule(string from, int days, string expected)
    {
        Assert.Equal(new CalendarDate(D(expected), false), Official.AddWorkingDays(D(from), days));
    }

    [Theory]
    [Trait("Source", "民法典 第二百零一条")]
    [InlineData("2026-09-21", 1, "2026-09-22")] // Monday: the start day itself is never counted
    [InlineData("2026-09-19", 1, "2026-09-20")] // started on a Saturday: counting begins Sunday, a make-up day
    [InlineData("2026-09-21", 0, "2026-09-21")]
    public void AddWorkingDays_StartDay_IsNotCounted(string from, int days, string expected)
    {
        Assert.Equal(D(expected), Official.AddWorkingDays(D(from), days).Date);
    }

    [Theory]
    [Trait("Source", "行政许可法 第八十二条")]
    [InlineData("2024-10-01", false)] // 国庆节
    [InlineData("2024-10-12", true)]  // make-up Saturday
    [InlineData("2025-10-08", false)] // 国庆节、中秋节, a Wednesday
    [InlineData("2026-01-04", true)]  // make-up Sunday
    [InlineData("2026-02-23", false)] // 春节, a Monday
    [InlineData("2026-09-25", false)] // 中秋节, a Friday
    [InlineData("2026-09-28", true)]
    [InlineData("2027-10-01", true)]  // no 2027 schedule: a Friday counts
    [InlineData("2027-10-02", false)]
    public void IsWorkingDay_OfficialDays_FollowsTheSchedule(string date, bool expected)
    {
        Assert.Equal(expected, Official.IsWorkingDay(D(date)));
    }

    [Theory]
    [Trait("Source", "行政许可法 第八十二条")]
    [InlineData("2026-09-30", "2026-10-08", 1)]
    [InlineData("2026-09-18", "2026-10-22", 20)]
    [InlineData("2024-02-09", "2024-02-18", 1)]
    [InlineData("2026-10-08", "2026-09-30", 0)]
    [InlineData("2026-10-08", "2026-10-08", 0)]
    public void WorkingDaysBetween_AcrossHolidays_CountsOnlyWorkingDays(string from, string to, int expected)
    {
        Assert.Equal(expected, Official.WorkingDaysBetween(D(from), D(to)));
    }
}
