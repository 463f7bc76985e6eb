namespace PowerFunctions.App.Features.Cases;

/// <summary>The deadline a work list line shows: its API kind, due date, whether provisional, and whether its clock is stopped (a suspension: never yellow).</summary>
public sealed record WorkListDeadline(string Kind, DateOnly Due, bool Provisional, bool Stopped);
