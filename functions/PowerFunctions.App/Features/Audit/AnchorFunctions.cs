using System.Globalization;
using Microsoft.Azure.Functions.Worker;
using PowerFunctions.App.Auth;
using PowerFunctions.App.Hosting;
using PowerFunctions.App.Http;

namespace PowerFunctions.App.Features.Audit;

/// <summary>
/// <c>ChainAnchor</c> (timer, daily at 00:05 China time): the Merkle root over every chain head, written once to
/// <c>anchors/{date}.json</c>. Supervisors list the anchors (<c>GET /api/audit/anchors</c>) and check the store
/// against one (<c>GET /api/audit/anchors/{date}/verify</c>: its root recomputed from its leaves, and every
/// stream's event at the anchored sequence number against the anchored head).
/// </summary>
public sealed class AnchorFunctions(AnchorService anchors, AnchorStore store)
{
    /// <summary>16:05 UTC every day = 00:05 China time (NCRONTAB with seconds; the Functions host and the standalone runner both read it in UTC).</summary>
    public const string DailyAfterMidnightChina = "0 5 16 * * *";

    [Function("ChainAnchor")]
    public Task AnchorAsync([TimerTrigger(DailyAfterMidnightChina)] TimerInfo timer, CancellationToken cancellationToken) =>
        anchors.AnchorAsync(cancellationToken);

    [Function("AuditAnchorList")]
    [AnyRole(Roles.Supervisor)]
    public async Task<IResult> ListAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "audit/anchors")] HttpRequest request, CancellationToken cancellationToken)
    {
        var items = new List<object>();
        foreach (var date in await store.DatesAsync(cancellationToken).ConfigureAwait(false))
        {
            if (await store.ReadAsync(date, cancellationToken).ConfigureAwait(false) is { } anchor)
            {
                items.Add(new { date, anchor.CreatedAt, anchor.Root, streams = anchor.Count, anchor.Algorithm });
            }
        }

        return HttpResult.Ok(new { items });
    }

    [Function("AuditAnchorVerify")]
    [AnyRole(Roles.Supervisor)]
    public async Task<IResult> VerifyAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "audit/anchors/{date}/verify")] HttpRequest request, string date, CancellationToken cancellationToken)
    {
        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            throw Problems.BadParameter("date", "the date is written yyyy-MM-dd");
        }

        var result = await anchors.VerifyAnchorAsync(day, cancellationToken).ConfigureAwait(false)
            ?? throw Problems.NotFound("audit.anchor_not_found", "该日没有审计锚定", $"no anchor for {date}");
        var (anchor, mismatches) = result;
        var rootValid = anchor.RootMatches;
        return HttpResult.Ok(new
        {
            date = anchor.Date,
            anchor.CreatedAt,
            anchor.Root,
            rootValid,
            streams = anchor.Count,
            valid = rootValid && mismatches.Count == 0,
            mismatches,
            algorithm = anchor.Algorithm,
        });
    }
}
