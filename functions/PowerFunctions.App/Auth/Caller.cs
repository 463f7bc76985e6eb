using PowerFunctions.App.Http;
using PowerFunctions.Domain.Identity;

namespace PowerFunctions.App.Auth;

/// <summary>
/// Who is calling, from the token's claims <c>sub</c>, <c>name</c>, <c>roles</c>, <c>dept</c>; for a citizen
/// signed in through the mini-program also the session (<c>sid</c>) and, once proven, the real-name identity
/// (<c>rnl</c>, <c>idh</c>). Development and production tokens carry neither.
/// </summary>
public sealed record Caller(string Subject, string Name, IReadOnlySet<string> Roles, string? Department, RealNameProof? RealName = null, string? SessionId = null)
{
    public bool IsInRole(string role) => Roles.Contains(role);

    /// <summary>403 unless the caller holds <paramref name="role"/>.</summary>
    public void RequireRole(string role)
    {
        if (!IsInRole(role))
        {
            throw Problems.Forbidden($"this action needs the role '{role}'");
        }
    }

    /// <summary>
    /// 403 unless the caller belongs to <paramref name="departmentCode"/>. Supervisors and admins see
    /// across departments when <paramref name="allowOversight"/> is set (reads, not acts).
    /// </summary>
    public void RequireDepartment(string departmentCode, bool allowOversight = false)
    {
        if (allowOversight && (IsInRole(Auth.Roles.Supervisor) || IsInRole(Auth.Roles.Admin)))
        {
            return;
        }

        if (!string.Equals(Department, departmentCode, StringComparison.Ordinal))
        {
            throw Problems.Forbidden($"this resource belongs to department '{departmentCode}', not '{Department ?? "(none)"}'");
        }
    }
}
