namespace PowerFunctions.Domain.Complaints;

/// <summary>The department a ticket goes to at intake (null: none yet) and where that came from.</summary>
public sealed record ComplaintRoute(string? Department, RouteSource Source)
{
    public static ComplaintRoute None { get; } = new(null, RouteSource.None);
}
