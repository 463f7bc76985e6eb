namespace PowerFunctions.App.Features.SignIn;

/// <summary><c>POST /api/auth/real-name</c> body: the identity service's ID token.</summary>
public sealed record IdTokenBody(string? IdToken);
