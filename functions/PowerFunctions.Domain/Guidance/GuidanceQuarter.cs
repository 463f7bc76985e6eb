using System.Globalization;
using System.Text.RegularExpressions;

namespace PowerFunctions.Domain.Guidance;

/// <summary>A calendar quarter (季度), written <c>2026-Q3</c>: 1 July to 30 September 2026, both included.</summary>
public sealed partial record GuidanceQuarter(int Year, int Quarter)
{
    public DateOnly From => new(Year, ((Quarter - 1) * 3) + 1, 1);

    public DateOnly To => From.AddMonths(3).AddDays(-1);

    public bool Contains(DateOnly date) => date >= From && date <= To;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year}-Q{Quarter}");

    /// <summary>Parses <c>YYYY-QN</c> (N 1–4); null otherwise.</summary>
    public static GuidanceQuarter? Parse(string? text)
    {
        var m = Pattern().Match(text ?? string.Empty);
        return m.Success ? new GuidanceQuarter(int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), m.Groups[2].Value[0] - '0') : null;
    }

    [GeneratedRegex("^([0-9]{4})-Q([1-4])$")]
    private static partial Regex Pattern();
}
