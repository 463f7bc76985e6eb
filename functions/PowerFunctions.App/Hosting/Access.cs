namespace PowerFunctions.App.Hosting;

/// <summary>
/// Who may call an HTTP function, from its access attribute (<see cref="PublicAttribute"/>,
/// <see cref="SignedInAttribute"/>, <see cref="AnyRoleAttribute"/>). Checked in one place,
/// <see cref="HttpPipeline"/>; department and applicant checks are per resource, in the function.
/// </summary>
public sealed record Access
{
    private Access(bool isPublic, IReadOnlyList<string> roles)
    {
        IsPublic = isPublic;
        Roles = roles;
    }

    /// <summary>No token needed (a valid token, if sent, is still read).</summary>
    public bool IsPublic { get; }

    /// <summary>The caller needs any one of these roles; empty means any signed-in caller.</summary>
    public IReadOnlyList<string> Roles { get; }

    public static Access Public { get; } = new(true, []);

    public static Access SignedIn { get; } = new(false, []);

    public static Access AnyRole(params string[] roles) =>
        roles.Length > 0 ? new(false, roles) : throw new ArgumentException("name at least one role", nameof(roles));

    public override string ToString() => IsPublic ? "public" : Roles.Count == 0 ? "signed-in" : "any of " + string.Join(", ", Roles);
}
