namespace PowerFunctions.Domain.Calendar;

/// <summary>Why a day is not a working day, as shown to people.</summary>
public static class CalendarReasons
{
    /// <summary>A Saturday or Sunday that is not a make-up working day.</summary>
    public const string Weekend = "周末";
}
