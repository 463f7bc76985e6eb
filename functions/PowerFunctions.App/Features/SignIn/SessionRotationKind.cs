namespace PowerFunctions.App.Features.SignIn;

/// <summary>What presenting a refresh token came to.</summary>
public enum SessionRotationKind
{
    /// <summary>It was the session's current token: a new one replaces it.</summary>
    Rotated,

    /// <summary>Not a refresh token, or of no session we know, or a secret the session never had.</summary>
    Invalid,

    /// <summary>The session, or this token, is past its lifetime.</summary>
    Expired,

    /// <summary>The session was signed out or revoked.</summary>
    Revoked,

    /// <summary>A token the session already spent: someone holds a copy, so the whole session is revoked now.</summary>
    Reused,
}
