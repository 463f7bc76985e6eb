using PowerFunctions.App.Auth;

namespace PowerFunctions.App.Features.SignIn;

/// <summary>The validator of the identity service's ID tokens (<c>Auth:RealName:Authority</c>, audience <c>Auth:RealName:ClientId</c>); null where none is configured.</summary>
public sealed record RealNameVerifier(OidcTokenValidator? Validator);
