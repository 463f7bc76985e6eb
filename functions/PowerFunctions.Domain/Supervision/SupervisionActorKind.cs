namespace PowerFunctions.Domain.Supervision;

/// <summary>
/// Who acts in the supervision centre: the supervisor (电子监察 / 纪检监察 staff, every department), the staff
/// of one department (acting for it only), or the system (timers, sweeps). The app maps token roles to these.
/// </summary>
public enum SupervisionActorKind
{
    /// <summary>The supervision centre: raises rectifications, closes and escalates alerts, decides accountability.</summary>
    Supervisor,

    /// <summary>Staff of one department: acknowledges its alerts, reports its rectification measures.</summary>
    DepartmentStaff,

    /// <summary>The system: raises, resolves and supersedes alerts, records overdue rectifications.</summary>
    System,
}
