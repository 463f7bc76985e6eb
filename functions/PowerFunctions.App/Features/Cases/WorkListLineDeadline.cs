using PowerFunctions.Domain.Deadlines;

namespace PowerFunctions.App.Features.Cases;

/// <summary>The next deadline of a work-list line: kind, due date (<c>YYYY-MM-DD</c>), status now, provisional.</summary>
public sealed record WorkListLineDeadline(string Kind, string Due, DeadlineStatus Status, bool Provisional);
