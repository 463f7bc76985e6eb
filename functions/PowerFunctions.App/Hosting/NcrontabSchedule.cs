using System.Globalization;

namespace PowerFunctions.App.Hosting;

/// <summary>
/// An NCRONTAB schedule with seconds, as the Functions timer trigger reads it:
/// <c>{second} {minute} {hour} {day} {month} {day-of-week}</c>. Each field is <c>*</c>, a number, a range
/// <c>a-b</c>, a step <c>*/n</c> or <c>a-b/n</c>, or a comma list of those; months and days of week may be
/// named (<c>Jan</c>, <c>Mon</c>); day of week 0 and 7 are Sunday. A time matches when every field does
/// (day and day of week together). Times are evaluated in UTC, as the Functions host does by default.
/// </summary>
public sealed class NcrontabSchedule
{
    private static readonly string[] MonthNames = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
    private static readonly string[] DayNames = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

    private readonly bool[] _seconds;
    private readonly bool[] _minutes;
    private readonly bool[] _hours;
    private readonly bool[] _days;
    private readonly bool[] _months;
    private readonly bool[] _daysOfWeek;

    private NcrontabSchedule(string expression, bool[] seconds, bool[] minutes, bool[] hours, bool[] days, bool[] months, bool[] daysOfWeek)
    {
        Expression = expression;
        _seconds = seconds;
        _minutes = minutes;
        _hours = hours;
        _days = days;
        _months = months;
        _daysOfWeek = daysOfWeek;
    }

    public string Expression { get; }

    /// <summary>Parses a six-field expression; <see cref="FormatException"/> naming the bad field otherwise.</summary>
    public static NcrontabSchedule Parse(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var fields = expression.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length != 6)
        {
            throw new FormatException($"'{expression}' has {fields.Length} fields; an NCRONTAB schedule has six: second minute hour day month day-of-week");
        }

        var daysOfWeek = Field(fields[5], "day-of-week", 0, 7, DayNames);
        if (daysOfWeek[7])
        {
            daysOfWeek[0] = true;
        }

        return new NcrontabSchedule(
            expression,
            Field(fields[0], "second", 0, 59, null),
            Field(fields[1], "minute", 0, 59, null),
            Field(fields[2], "hour", 0, 23, null),
            Field(fields[3], "day", 1, 31, null),
            Field(fields[4], "month", 1, 12, MonthNames),
            daysOfWeek);
    }

    public static bool TryParse(string expression, out NcrontabSchedule? schedule, out string? error)
    {
        try
        {
            schedule = Parse(expression);
            error = null;
            return true;
        }
        catch (FormatException e)
        {
            schedule = null;
            error = e.Message;
            return false;
        }
    }

    /// <summary>The first matching instant strictly after <paramref name="after"/> (UTC, whole seconds).</summary>
    public DateTimeOffset Next(DateTimeOffset after)
    {
        var utc = after.UtcDateTime;
        var t = new DateTime(utc.Year, utc.Month, utc.Day, utc.Hour, utc.Minute, utc.Second, DateTimeKind.Utc).AddSeconds(1);
        var limit = t.AddYears(5);
        while (t < limit)
        {
            if (!_months[t.Month])
            {
                t = new DateTime(t.Year, t.Month, 1, 0, 0, 0, DateTimeKind.Utc).AddMonths(1);
                continue;
            }

            if (!_days[t.Day] || !_daysOfWeek[(int)t.DayOfWeek])
            {
                t = t.Date.AddDays(1);
                continue;
            }

            if (!_hours[t.Hour])
            {
                t = new DateTime(t.Year, t.Month, t.Day, t.Hour, 0, 0, DateTimeKind.Utc).AddHours(1);
                continue;
            }

            if (!_minutes[t.Minute])
            {
                t = new DateTime(t.Year, t.Month, t.Day, t.Hour, t.Minute, 0, DateTimeKind.Utc).AddMinutes(1);
                continue;
            }

            if (!_seconds[t.Second])
            {
                t = t.AddSeconds(1);
                continue;
            }

            return new DateTimeOffset(t);
        }

        throw new InvalidOperationException($"'{Expression}' has no occurrence within five years of {after:O}");
    }

    public override string ToString() => Expression;

    private static bool[] Field(string text, string name, int min, int max, string[]? names)
    {
        var set = new bool[max + 1];
        foreach (var part in text.Split(','))
        {
            if (part.Length == 0)
            {
                throw new FormatException($"the {name} field '{text}' has an empty list item");
            }

            var step = 1;
            var range = part;
            var slash = part.IndexOf('/', StringComparison.Ordinal);
            if (slash >= 0)
            {
                range = part[..slash];
                if (!int.TryParse(part[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out step) || step < 1)
                {
                    throw new FormatException($"the {name} field '{part}' has a step that is not a positive whole number");
                }
            }

            int from, to;
            if (range == "*")
            {
                (from, to) = (min, max);
            }
            else
            {
                var dash = range.IndexOf('-', StringComparison.Ordinal);
                if (dash >= 0)
                {
                    from = Value(range[..dash], name, min, max, names);
                    to = Value(range[(dash + 1)..], name, min, max, names);
                    if (to < from)
                    {
                        throw new FormatException($"the {name} field '{part}' is a range that runs backwards");
                    }
                }
                else
                {
                    from = Value(range, name, min, max, names);
                    to = slash >= 0 ? max : from;
                }
            }

            for (var v = from; v <= to; v += step)
            {
                set[v] = true;
            }
        }

        return set;
    }

    private static int Value(string text, string name, int min, int max, string[]? names)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return value >= min && value <= max ? value : throw new FormatException($"the {name} value {value} is outside {min}-{max}");
        }

        if (names is not null)
        {
            var index = Array.FindIndex(names, n => n.Equals(text, StringComparison.OrdinalIgnoreCase) || (text.Length > 3 && text.StartsWith(n, StringComparison.OrdinalIgnoreCase)));
            if (index >= 0)
            {
                return names == MonthNames ? index + 1 : index;
            }
        }

        throw new FormatException($"the {name} value '{text}' is not a number{(names is null ? string.Empty : " or a name")}");
    }
}
