namespace PowerFunctions.Domain.Supervision.Alerts;

/// <summary>
/// The alerts of one running stage: its alert kind (<c>stage-{stage}</c>), the last working day of its limit
/// (<see cref="Due"/>), when yellow starts and when red starts (the instants to schedule timers at), and the level at
/// the instant asked about (null: none yet).
/// </summary>
public sealed record StageAlertPlan(string Stage, AlertKind Kind, DateOnly Due, DateTimeOffset YellowAt, DateTimeOffset RedAt, AlertLevel? Level);
