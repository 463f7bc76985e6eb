namespace PowerFunctions.Domain.Complaints;

/// <summary>
/// Who did something to a ticket: token subject, display name, the role acted in and, for a
/// <see cref="ComplaintRoles.Handler"/>, the department acted for (首问负责 is about departments).
/// </summary>
public sealed record ComplaintActor(string Subject, string Name, string Role, string? Department = null)
{
    /// <summary>The system (deadline moves on a calendar change).</summary>
    public static ComplaintActor System { get; } = new("system", "系统", ComplaintRoles.System);
}
