namespace PowerFunctions.App.Config;

/// <summary>
/// <c>Http:RateLimits:*</c>: how many requests the app admits, per instance, over a sliding minute (ASP.NET Core's
/// rate limiter, <c>System.Threading.RateLimiting</c>). The client's address is read as the sign-in limits read it
/// (<c>Auth:SignIn:ClientAddressHeader</c>: a forwarded header only where one is configured).
/// </summary>
public sealed class RateLimitOptions
{
    /// <summary>Requests to public routes (no token needed) per client address per minute.</summary>
    public int PublicPerClientPerMinute { get; set; } = 600;

    /// <summary>
    /// Submissions (<c>POST /api/applications</c>) and objections (<c>POST /api/cases/{caseNo}/objections</c>)
    /// per citizen (the token's subject; the client address for an anonymous objection) per minute.
    /// </summary>
    public int SubmissionsPerCitizenPerMinute { get; set; } = 20;
}
