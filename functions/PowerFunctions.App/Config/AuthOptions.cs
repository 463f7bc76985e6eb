namespace PowerFunctions.App.Config;

/// <summary><c>Auth:*</c> settings.</summary>
public sealed class AuthOptions
{
    /// <summary>Key that signs and checks local tokens, at least 32 bytes; none means no token is issued or accepted.</summary>
    public string? SigningKey { get; set; }

    /// <summary>How long a token issued by the <c>token</c> command lives.</summary>
    public double TokenLifetimeHours { get; set; } = 12;
}
