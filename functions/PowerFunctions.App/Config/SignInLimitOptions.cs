namespace PowerFunctions.App.Config;

/// <summary><c>Auth:SignIn:*</c>: rate limits of <c>POST /api/auth/mini-program</c> and how the client's address is read.</summary>
public sealed class SignInLimitOptions
{
    /// <summary>Sign-in attempts per client address per minute (per instance).</summary>
    public int PerClientPerMinute { get; set; } = 20;

    /// <summary>Attempts with one login code per five minutes (a code lives five minutes and is good once).</summary>
    public int PerCodePerFiveMinutes { get; set; } = 3;

    /// <summary>
    /// Header whose last entry is the client's address, written by a proxy we trust; none means the
    /// connection's address. Default: <c>X-Forwarded-For</c> under the Functions host (the platform's front
    /// end appends it), none standalone (a client could write it).
    /// </summary>
    public string? ClientAddressHeader { get; set; }
}
