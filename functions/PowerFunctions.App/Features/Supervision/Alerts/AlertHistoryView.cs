namespace PowerFunctions.App.Features.Supervision.Alerts;

/// <summary>One step of an alert's history as shown: what, when (China time), who, as what, for which department, and the note.</summary>
public sealed record AlertHistoryView(string Action, DateTimeOffset At, string Actor, string ActorName, string ActorKind, string? Department, string? Note);
