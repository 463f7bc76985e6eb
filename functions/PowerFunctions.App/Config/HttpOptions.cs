namespace PowerFunctions.App.Config;

/// <summary><c>Http:*</c> settings.</summary>
public sealed class HttpOptions
{
    /// <summary>Largest request body accepted, in bytes; larger → 413.</summary>
    public long MaxBodyBytes { get; set; } = 1024 * 1024;

    /// <summary><c>Http:RateLimits:*</c>.</summary>
    public RateLimitOptions RateLimits { get; set; } = new();
}
