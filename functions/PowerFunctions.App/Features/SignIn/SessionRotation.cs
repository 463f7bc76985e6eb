namespace PowerFunctions.App.Features.SignIn;

/// <summary>The outcome of presenting a refresh token: its kind, the session and subject where known, the new token when rotated.</summary>
public sealed record SessionRotation(SessionRotationKind Kind, string? SessionId = null, string? Subject = null, string? RefreshToken = null);
