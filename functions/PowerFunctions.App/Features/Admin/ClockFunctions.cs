using System.Globalization;
using System.Xml;
using PowerFunctions.App.Auth;
using PowerFunctions.App.Clock;
using Microsoft.Azure.Functions.Worker;
using PowerFunctions.App.Hosting;
using PowerFunctions.App.Http;
using PowerFunctions.Domain.Common;

namespace PowerFunctions.App.Features.Admin;

/// <summary>
/// <c>POST /api/admin/clock</c> <c>{advance:"P3DT2H"}</c> or <c>{set:INSTANT}</c>: moves the manual
/// clock. Answers 404 unless the clock is manual (which never runs in Production). The route's first
/// segment is written <c>{area:regex(^admin$)}</c>: the Functions host refuses routes that start with
/// "admin" (its own admin API), yet API.md fixes this public path; both hosts serve it as <c>/api/admin/clock</c>.
/// </summary>
public sealed class ClockFunctions(TimeProvider clock)
{
    [Function("AdminClock")]
    [AnyRole(Roles.Admin)]
    public Task<IResult> MoveAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "{area:regex(^admin$)}/clock")] HttpRequest request, CancellationToken cancellationToken)
    {
        if (clock is not ManualClock manual)
        {
            throw Problems.NotFound("clock.not_manual", "时钟不可调整", "the clock is only adjustable with Clock:Mode=Manual outside Production");
        }

        var body = request.ReadJson<ClockRequest>();
        if ((body.Advance is null) == (body.Set is null))
        {
            throw Problems.Validation(new Dictionary<string, string[]> { ["advance"] = ["give exactly one of 'advance' (ISO-8601 duration) or 'set' (instant)"] });
        }

        DateTimeOffset now;
        if (body.Advance is not null)
        {
            TimeSpan by;
            try
            {
                by = XmlConvert.ToTimeSpan(body.Advance);
            }
            catch (FormatException)
            {
                throw Problems.Validation(new Dictionary<string, string[]> { ["advance"] = [$"'{body.Advance}' is not an ISO-8601 duration such as P3DT2H"] });
            }

            if (by < TimeSpan.Zero)
            {
                throw Problems.Validation(new Dictionary<string, string[]> { ["advance"] = ["the clock only moves forward; use 'set' to go back"] });
            }

            now = manual.Advance(by);
        }
        else
        {
            if (!DateTimeOffset.TryParse(body.Set, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant) || !body.Set!.Contains('T', StringComparison.Ordinal))
            {
                throw Problems.Validation(new Dictionary<string, string[]> { ["set"] = [$"'{body.Set}' is not an ISO-8601 instant with offset such as 2026-09-18T09:30:00+08:00"] });
            }

            now = manual.Set(instant);
        }

        return Task.FromResult<IResult>(HttpResult.Ok(new { now = ChinaTime.InChina(now), date = ChinaTime.DateOf(now).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }));
    }

    private sealed record ClockRequest(string? Advance, string? Set);
}
