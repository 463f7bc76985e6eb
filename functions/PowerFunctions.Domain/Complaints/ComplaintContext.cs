using PowerFunctions.Domain.Calendar;
using PowerFunctions.Domain.Common;

namespace PowerFunctions.Domain.Complaints;

/// <summary>What a ticket command needs of the world: the working calendar in force and the current instant.</summary>
public sealed record ComplaintContext(IWorkingCalendar Calendar, DateTimeOffset Now)
{
    /// <summary>Today in China.</summary>
    public DateOnly Today => ChinaTime.DateOf(Now);
}
