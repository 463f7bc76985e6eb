using PowerFunctions.Domain.Calendar;

namespace PowerFunctions.Domain.Deadlines;

/// <summary>
/// How a decision deadline was reached: the due date under the limit alone, the working days the
/// extension added, and the working days each suspension stopped the clock (in the order given;
/// 0 for one that began after the deadline had already fallen due).
/// </summary>
public sealed record DeadlineBreakdown(
    CalendarDate Due,
    CalendarDate DueWithoutSuspensionsOrExtension,
    int ExtensionWorkingDays,
    IReadOnlyList<int> SuspendedWorkingDays);
