namespace PowerFunctions.Domain.Supervision;

/// <summary>
/// One stage of a case measured against its own limit: started on, ended on (null while running),
/// the limit and the working days used (the start day not counted), and whether it overran.
/// </summary>
public sealed record StageCheck(string Stage, DateOnly StartedOn, DateOnly? EndedOn, int LimitWorkingDays, int UsedWorkingDays, bool Overrun);
