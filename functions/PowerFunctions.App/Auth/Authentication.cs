namespace PowerFunctions.App.Auth;

/// <summary>What a bearer token came to: the caller, or none — and then whether only the issuer's keys were out of reach.</summary>
public sealed record Authentication(Caller? Caller, bool IssuerUnavailable = false)
{
    public static Authentication Refused { get; } = new((Caller?)null);
}
