namespace PowerFunctions.App.Hosting;

/// <summary>Who may call an HTTP function. Checked in one place, <see cref="HttpPipeline"/>; department checks are per resource.</summary>
public sealed record Access
{
    private Access(bool isPublic, IReadOnlyList<string> roles)
    {
        IsPublic = isPublic;
        Roles = roles;
    }

    /// <summary>No token needed (a valid token, if sent, is still read).</summary>
    public bool IsPublic { get; }

    /// <summary>The caller needs any one of these roles; empty means any authenticated caller.</summary>
    public IReadOnlyList<string> Roles { get; }

    public static Access Public { get; } = new(true, []);

    public static Access Authenticated { get; } = new(false, []);

    public static Access AnyRole(params string[] roles) => new(false, roles);
}
