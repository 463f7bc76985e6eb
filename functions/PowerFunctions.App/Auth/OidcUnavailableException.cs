namespace PowerFunctions.App.Auth;

/// <summary>An OpenID Connect issuer's discovery document or keys could not be had, and none were cached.</summary>
public sealed class OidcUnavailableException(string authority, Exception inner)
    : Exception($"the keys of the OpenID Connect issuer {authority} cannot be fetched", inner)
{
    public string Authority { get; } = authority;
}
