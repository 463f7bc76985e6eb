using System.Reflection;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using PowerFunctions.App.Auth;
using PowerFunctions.App.Config;
using PowerFunctions.App.Features.SignIn;
using PowerFunctions.App.Http;

namespace PowerFunctions.App.Hosting;

/// <summary>
/// The request rate limits of <see cref="HttpPipeline"/> (ASP.NET Core's rate limiter, <c>System.Threading.RateLimiting</c>,
/// as sliding windows of one minute in six segments): every <see cref="PublicAttribute"/> route per client address, and
/// every <see cref="SubmissionAttribute"/> route per citizen (an anonymous caller counts by address). Refused:
/// 429 <c>request.rate_limited</c> with <c>Retry-After</c>. Applied in the pipeline, not as middleware, so both hosts
/// limit alike (under the Functions host ASP.NET Core's middleware never sees the call). Per instance, like the
/// sign-in limits; a front door or API Management gives one limit across instances.
/// </summary>
public sealed class RequestLimiter : IDisposable
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly PartitionedRateLimiter<string> _public;
    private readonly PartitionedRateLimiter<string> _submissions;
    private readonly string? _addressHeader;

    public RequestLimiter(IOptions<HttpOptions> http, IOptions<AuthOptions> auth)
    {
        var limits = http.Value.RateLimits;
        _public = Sliding(limits.PublicPerClientPerMinute);
        _submissions = Sliding(limits.SubmissionsPerCitizenPerMinute);
        _addressHeader = auth.Value.SignIn.ClientAddressHeader;
    }

    /// <summary>Before the body is read: a public route's caller by address. Throws the 429 problem when over the limit.</summary>
    public void CheckPublic(HttpContext context, HttpFunction function)
    {
        if (function.Access.IsPublic)
        {
            Acquire(_public, "ip:" + ClientAddress.Of(context, _addressHeader));
        }
    }

    /// <summary>After authentication: a submission by its citizen (or address). Throws the 429 problem when over the limit.</summary>
    public void CheckSubmission(HttpContext context, HttpFunction function, Caller? caller)
    {
        if (function.Method.GetCustomAttribute<SubmissionAttribute>() is not null)
        {
            Acquire(_submissions, caller is null ? "ip:" + ClientAddress.Of(context, _addressHeader) : "sub:" + caller.Subject);
        }
    }

    public void Dispose()
    {
        _public.Dispose();
        _submissions.Dispose();
    }

    private static void Acquire(PartitionedRateLimiter<string> limiter, string key)
    {
        using var lease = limiter.AttemptAcquire(key);
        if (!lease.IsAcquired)
        {
            var wait = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) && retryAfter > TimeSpan.Zero ? retryAfter : TimeSpan.FromSeconds(10);
            throw new ProblemException(429, "request.rate_limited", "请求过于频繁，请稍后再试", "too many requests from this client; wait before trying again", extensions: new Dictionary<string, object?> { ["retryAfter"] = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) });
        }
    }

    private static PartitionedRateLimiter<string> Sliding(int permits) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetSlidingWindowLimiter(key, _ => new SlidingWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = Window,
            SegmentsPerWindow = 6,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
}
