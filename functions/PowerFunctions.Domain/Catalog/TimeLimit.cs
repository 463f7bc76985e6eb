namespace PowerFunctions.Domain.Catalog;

/// <summary>A limit as the API writes it: <c>{days, unit}</c>.</summary>
public sealed record TimeLimit(int Days, LimitUnit Unit)
{
    public static TimeLimit WorkingDays(int days) => new(days, LimitUnit.Working);

    public static TimeLimit CalendarDays(int days) => new(days, LimitUnit.Calendar);

    /// <summary>In Chinese, e.g. 20个工作日.</summary>
    public string ToChinese() => Days == 0 ? "即时办结" : $"{Days}个{(Unit == LimitUnit.Working ? "工作日" : "自然日")}";
}
