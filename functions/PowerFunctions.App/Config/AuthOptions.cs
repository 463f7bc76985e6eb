namespace PowerFunctions.App.Config;

/// <summary>
/// <c>Auth:*</c> settings: the three kinds of bearer token the app accepts — production tokens from the
/// OpenID Connect issuer (<see cref="Authority"/>), citizen tokens it issues itself (<see cref="Citizen"/>),
/// and development tokens signed with <see cref="SigningKey"/> (never in Production) — and the real-name
/// rule of submissions (<see cref="RequireRealName"/>, <see cref="RealName"/>).
/// </summary>
public sealed class AuthOptions
{
    /// <summary>HS256 key of development tokens (the <c>token</c> command), at least 32 bytes; refused in Production.</summary>
    public string? SigningKey { get; set; }

    /// <summary>How long a token issued by the <c>token</c> command lives.</summary>
    public double TokenLifetimeHours { get; set; } = 12;

    /// <summary>The OpenID Connect issuer of production tokens (its discovery document is at <c>{Authority}/.well-known/openid-configuration</c>).</summary>
    public string? Authority { get; set; }

    /// <summary>The audience production tokens must name (<c>aud</c>); required with <see cref="Authority"/>.</summary>
    public string? Audience { get; set; }

    /// <summary>Claim of production tokens that holds the roles.</summary>
    public string RolesClaim { get; set; } = "roles";

    /// <summary>Claim of production tokens that holds the department code.</summary>
    public string DepartmentClaim { get; set; } = "dept";

    /// <summary>Claim of production tokens that holds the display name.</summary>
    public string NameClaim { get; set; } = "name";

    /// <summary>Whether submitting an application needs a proven identity matching the applicant; resolved at start (on in Production unless set).</summary>
    public bool? RequireRealName { get; set; }

    public CitizenTokenOptions Citizen { get; set; } = new();

    public RealNameOptions RealName { get; set; } = new();

    public SignInLimitOptions SignIn { get; set; } = new();
}
