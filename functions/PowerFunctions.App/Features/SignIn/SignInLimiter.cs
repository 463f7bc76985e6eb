using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using PowerFunctions.App.Config;

namespace PowerFunctions.App.Features.SignIn;

/// <summary>
/// The sign-in routes' rate limits, as fixed windows (System.Threading.RateLimiting, on the real clock):
/// <c>Auth:SignIn:PerClientPerMinute</c> per client address (sign-in and refresh together) and
/// <c>Auth:SignIn:PerCodePerFiveMinutes</c> per login code (kept as its hash). Called by the functions
/// themselves, so it works the same under the Functions host — whose HTTP pipeline is the host's, where ASP.NET
/// Core's rate-limiting middleware never runs — and standalone. The counts are per instance: a scaled-out app
/// admits that many per instance (a front door or API Management policy gives one global limit).
/// </summary>
public sealed class SignInLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _perClient;
    private readonly PartitionedRateLimiter<string> _perCode;

    public SignInLimiter(AuthOptions options)
    {
        var limits = options.SignIn;
        _perClient = Window(limits.PerClientPerMinute, TimeSpan.FromMinutes(1));
        _perCode = Window(limits.PerCodePerFiveMinutes, TimeSpan.FromMinutes(5));
    }

    /// <summary>Null when the attempt may go on; otherwise how long to wait (the answer's <c>Retry-After</c>).</summary>
    public TimeSpan? TryAcquire(string clientAddress, string? code)
    {
        using (var client = _perClient.AttemptAcquire("client:" + clientAddress))
        {
            if (!client.IsAcquired)
            {
                return RetryAfter(client);
            }
        }

        if (code is null)
        {
            return null;
        }

        var codeKey = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(code)));
        using var perCode = _perCode.AttemptAcquire(codeKey);
        return perCode.IsAcquired ? null : RetryAfter(perCode);
    }

    public void Dispose()
    {
        _perClient.Dispose();
        _perCode.Dispose();
    }

    private static TimeSpan RetryAfter(RateLimitLease lease) =>
        lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) && wait > TimeSpan.Zero ? wait : TimeSpan.FromSeconds(1);

    private static PartitionedRateLimiter<string> Window(int permits, TimeSpan window) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = window,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
}
