using PowerFunctions.App.Auth;
using PowerFunctions.App.Http;
using PowerFunctions.Domain.Supervision;

namespace PowerFunctions.App.Features.Supervision;

/// <summary>
/// Who acts in the supervision centre, from the token: the supervisor (role <c>supervisor</c>, every department), or
/// the staff of one department (any staff role with a <c>dept</c> claim) — the domain decides what each may do.
/// </summary>
public static class SupervisionActors
{
    /// <summary>The roles of department staff who answer alerts and report rectification measures (API.md, Auth).</summary>
    public static readonly string[] StaffRoles =
    [
        Roles.Acceptor, Roles.Reviewer, Roles.Decider, Roles.Deliverer, Roles.Handler, Roles.Hotline, Roles.CatalogAdmin, "enforcer", "legal-reviewer",
    ];

    /// <summary>The supervisor acting: 403 unless the caller holds <c>supervisor</c>.</summary>
    public static SupervisionActor Supervisor(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        caller.RequireRole(Roles.Supervisor);
        return new SupervisionActor(caller.Subject, caller.Name, SupervisionActorKind.Supervisor);
    }

    /// <summary>The caller as department staff: 403 without a staff role or a <c>dept</c> claim.</summary>
    public static SupervisionActor Staff(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!IsDepartmentStaff(caller))
        {
            throw Problems.Forbidden("this action is for the staff of the department concerned (a staff role and a dept claim)");
        }

        return new SupervisionActor(caller.Subject, caller.Name, SupervisionActorKind.DepartmentStaff, caller.Department);
    }

    /// <summary>
    /// 403 before anything is looked up for a caller who could read no department's records (neither a supervisor nor
    /// staff with a <c>dept</c>): whether an alert or a notice exists is itself not theirs to learn.
    /// </summary>
    public static void RequireReader(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!caller.IsInRole(Roles.Supervisor) && !IsDepartmentStaff(caller))
        {
            throw Problems.Forbidden("supervision records are for supervisors and the staff of the department concerned");
        }
    }

    /// <summary>True for a caller that may read a department's own supervision records: a supervisor, or its staff.</summary>
    public static bool MayRead(Caller caller, string department)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return caller.IsInRole(Roles.Supervisor) || (IsDepartmentStaff(caller) && string.Equals(caller.Department, department, StringComparison.Ordinal));
    }

    /// <summary>A staff role and a <c>dept</c> claim: the caller speaks for one department.</summary>
    private static bool IsDepartmentStaff(Caller caller) => StaffRoles.Any(caller.IsInRole) && !string.IsNullOrEmpty(caller.Department);

    /// <summary>A department code from a query or body: 1–64 letters, digits, <c>-</c>, <c>_</c>; 400 otherwise.</summary>
    public static string? Department(string? value, string parameter = "department")
    {
        if (value is null)
        {
            return null;
        }

        return value.Length is > 0 and <= 64 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')
            ? value
            : throw Problems.BadParameter(parameter, $"'{value}' is not a department code");
    }
}
