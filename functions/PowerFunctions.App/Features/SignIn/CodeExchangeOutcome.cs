namespace PowerFunctions.App.Features.SignIn;

/// <summary>How the platform's code exchange ended.</summary>
public enum CodeExchangeOutcome
{
    /// <summary>The user's ids came back.</summary>
    Succeeded,

    /// <summary>40029: the code is not valid (expired, malformed, of another app).</summary>
    CodeInvalid,

    /// <summary>40163: the code was already used.</summary>
    CodeUsed,

    /// <summary>45011: the platform's rate limit for this user.</summary>
    RateLimited,

    /// <summary>40226: the platform blocks this user (high risk).</summary>
    UserBlocked,

    /// <summary>The platform refused our app id or secret (40013, 40125, 41002, 41004): a configuration error of ours.</summary>
    Misconfigured,

    /// <summary>Busy (-1), 5xx, timeouts or connection failures after every retry, or an answer that is not one.</summary>
    Unavailable,
}
