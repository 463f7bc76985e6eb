namespace PowerFunctions.App.Features.Timers;

/// <summary>
/// A durable timer: fire <see cref="Kind"/> for <see cref="TargetId"/> at <see cref="DueAt"/>.
/// <see cref="Key"/> names the clock within the target (e.g. <c>decision</c>, <c>decision.red</c>);
/// <see cref="Generation"/> is the target's version when it was scheduled, so the handler can tell a
/// stale timer (the target moved on) from a live one. Firing is at-least-once.
/// </summary>
public sealed record DurableTimer(string Kind, string TargetId, string Key, DateTimeOffset DueAt, long Generation);
