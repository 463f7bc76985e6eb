using PowerFunctions.Domain.Calendar;
using PowerFunctions.Domain.Common;

namespace PowerFunctions.Domain.Enforcement;

/// <summary>What an enforcement command needs of the world: the working calendar in force and the current instant.</summary>
public sealed record EnforcementContext(IWorkingCalendar Calendar, DateTimeOffset Now)
{
    /// <summary>Today in China.</summary>
    public DateOnly Today => ChinaTime.DateOf(Now);
}
