namespace PowerFunctions.Domain.Calendar;

/// <summary>How a period is counted: working days (行政许可法 第八十二条) or calendar days (民法典 第二百零一条, 第二百零三条). API codes <c>working</c>, <c>calendar</c>.</summary>
public enum PeriodUnit
{
    Working,
    Calendar,
}
