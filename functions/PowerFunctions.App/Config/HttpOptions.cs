namespace PowerFunctions.App.Config;

/// <summary><c>Http:*</c> settings.</summary>
public sealed class HttpOptions
{
    /// <summary>Largest request body accepted, in bytes; larger → 413.</summary>
    public long MaxBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Longest request line (method, target, version), in bytes; longer → 414 problem+json.</summary>
    public int MaxRequestLineBytes { get; set; } = 8 * 1024;

    /// <summary>Largest total of request headers, in bytes; larger → 431 problem+json.</summary>
    public int MaxRequestHeadersBytes { get; set; } = 32 * 1024;

    /// <summary>Most request headers; more → 431 problem+json.</summary>
    public int MaxRequestHeaderCount { get; set; } = 100;

    /// <summary>Seconds a client has to send its headers; slower → 408 problem+json.</summary>
    public int RequestHeadersTimeoutSeconds { get; set; } = 30;
    /// <summary><c>Http:RateLimits:*</c>.</summary>
    public RateLimitOptions RateLimits { get; set; } = new();
}
