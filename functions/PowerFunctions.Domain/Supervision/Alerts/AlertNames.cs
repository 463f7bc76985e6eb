namespace PowerFunctions.Domain.Supervision.Alerts;

/// <summary>The API spelling of alert states, closures and actions, in one place.</summary>
public static class AlertNames
{
    public static string Of(AlertState state) => state switch
    {
        AlertState.Open => "open",
        AlertState.Acknowledged => "acknowledged",
        AlertState.Closed => "closed",
        _ => throw new ArgumentOutOfRangeException(nameof(state)),
    };

    public static string Of(AlertClosure closure) => closure switch
    {
        AlertClosure.Closed => "closed",
        AlertClosure.Escalated => "escalated",
        AlertClosure.Superseded => "superseded",
        AlertClosure.Resolved => "resolved",
        _ => throw new ArgumentOutOfRangeException(nameof(closure)),
    };

    public static string Of(AlertAction action) => action switch
    {
        AlertAction.Acknowledge => "acknowledge",
        AlertAction.Close => "close",
        AlertAction.Escalate => "escalate",
        _ => throw new ArgumentOutOfRangeException(nameof(action)),
    };

    /// <summary>Parses <c>open</c>, <c>acknowledged</c> or <c>closed</c>.</summary>
    public static AlertState? ParseState(string? code) => code switch
    {
        "open" => AlertState.Open,
        "acknowledged" => AlertState.Acknowledged,
        "closed" => AlertState.Closed,
        _ => null,
    };
}
