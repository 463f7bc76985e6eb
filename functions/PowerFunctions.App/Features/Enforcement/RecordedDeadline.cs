namespace PowerFunctions.App.Features.Enforcement;

/// <summary>A penalty deadline as recorded on the snapshot at the last commit: its API kind, due date, whether provisional, whether still open.</summary>
public sealed record RecordedDeadline(string Kind, DateOnly Due, bool Provisional, bool Open);
