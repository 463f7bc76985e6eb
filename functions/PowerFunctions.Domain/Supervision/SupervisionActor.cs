namespace PowerFunctions.Domain.Supervision;

/// <summary>
/// Who did something in the supervision centre: token subject, display name, the kind of actor and, for
/// <see cref="SupervisionActorKind.DepartmentStaff"/>, the department acted for.
/// </summary>
public sealed record SupervisionActor(string Subject, string Name, SupervisionActorKind Kind, string? Department = null)
{
    /// <summary>The system (timers, sweeps).</summary>
    public static SupervisionActor System { get; } = new("system", "系统", SupervisionActorKind.System);

    /// <summary>The API code of <see cref="Kind"/>: <c>supervisor</c>, <c>department</c> or <c>system</c>.</summary>
    public string KindCode => Kind switch
    {
        SupervisionActorKind.Supervisor => "supervisor",
        SupervisionActorKind.DepartmentStaff => "department",
        SupervisionActorKind.System => "system",
        _ => throw new ArgumentOutOfRangeException(nameof(Kind), Kind, "unknown actor kind"),
    };

    /// <summary>True for staff acting for <paramref name="department"/>.</summary>
    public bool IsStaffOf(string department) =>
        Kind == SupervisionActorKind.DepartmentStaff && string.Equals(Department, department, StringComparison.Ordinal);
}
