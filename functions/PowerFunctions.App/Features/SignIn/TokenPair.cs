namespace PowerFunctions.App.Features.SignIn;

/// <summary>The answer of a sign-in or a refresh (API.md, Auth): the access token, its lifetime in seconds, the next refresh token.</summary>
public sealed record TokenPair(string AccessToken, int ExpiresIn, string RefreshToken);
