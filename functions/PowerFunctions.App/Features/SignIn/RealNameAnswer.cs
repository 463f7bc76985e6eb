namespace PowerFunctions.App.Features.SignIn;

/// <summary>The answer of a proof of identity: a new access token that carries it, its lifetime in seconds, and the level proven.</summary>
public sealed record RealNameAnswer(string AccessToken, int ExpiresIn, int RealNameLevel);
