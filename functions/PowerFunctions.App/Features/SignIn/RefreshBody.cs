namespace PowerFunctions.App.Features.SignIn;

/// <summary><c>POST /api/auth/refresh</c> and <c>/api/auth/sign-out</c> body.</summary>
public sealed record RefreshBody(string? RefreshToken);
