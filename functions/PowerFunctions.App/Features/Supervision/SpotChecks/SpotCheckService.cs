using System.Globalization;
using System.Security.Cryptography;
using PowerFunctions.App.Features.Supervision.Rectifications;
using PowerFunctions.App.Http;
using PowerFunctions.Domain.Common;
using PowerFunctions.Domain.Supervision;
using PowerFunctions.Domain.Supervision.Rectifications;
using PowerFunctions.Domain.Supervision.Reports;
using PowerFunctions.Domain.Supervision.SpotChecks;
using PowerFunctions.Storage;

namespace PowerFunctions.App.Features.Supervision.SpotChecks;

/// <summary>
/// Spot checks by risk (seed 003, 风险等级): the population is the period's closed cases (<see cref="ClosedCaseIndex"/>), each
/// with its item's risk level from the published catalog (C when the item is gone); <see cref="SpotCheckSampler"/> draws
/// weighted (A 4 : B 2 : C 1) with a recorded seed and the population's SHA-256, so anyone re-runs the draw. Results are
/// recorded per case; findings may become a 整改通知书 (one per drawn case).
/// </summary>
public sealed class SpotCheckService(
    SpotCheckStore store,
    ClosedCaseIndex closedCases,
    SupervisionDirectory directory,
    RectificationService rectifications,
    SupervisionRegistry registry,
    SupervisionOptions options,
    TimeProvider clock)
{
    private const int Attempts = 10;

    /// <summary>The candidates of <paramref name="period"/>: its closed cases with their items' risk levels.</summary>
    public async Task<IReadOnlyList<SpotCheckCandidate>> CandidatesAsync(ReportPeriod period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(period);
        var candidates = new List<SpotCheckCandidate>();
        foreach (var c in await closedCases.ListAsync(period.From, period.To, null, cancellationToken).ConfigureAwait(false))
        {
            var risk = (await directory.ItemAsync(c.ItemCode, cancellationToken).ConfigureAwait(false))?.RiskLevel ?? "C";
            candidates.Add(new SpotCheckCandidate(c.CaseNo, c.Department, c.ItemCode, risk));
        }

        return candidates;
    }

    /// <summary>Draws on demand: a new id each time; the seed given or a fresh random one.</summary>
    public async Task<SpotCheck> DrawAsync(ReportPeriod period, int sampleSize, long? seed, SupervisionActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(period);
        var now = clock.GetUtcNow();
        var candidates = await CandidatesAsync(period, cancellationToken).ConfigureAwait(false);
        var chosenSeed = seed ?? RandomNumberGenerator.GetInt32(int.MaxValue);
        SpotCheck.Start("CC-PROBE", period.Code, candidates, sampleSize, chosenSeed, actor, now).OrThrow(); // every problem before a number is taken
        var today = ChinaTime.DateOf(now);
        var sequence = await registry.NextAsync(SupervisionRegistry.Sequence("CC", "all", today), cancellationToken).ConfigureAwait(false);
        var id = string.Create(CultureInfo.InvariantCulture, $"CC-{today:yyyyMMdd}-{sequence:000}");
        var check = SpotCheck.Start(id, period.Code, candidates, sampleSize, chosenSeed, actor, now).OrThrow();
        await store.TryAddAsync(check, cancellationToken).ConfigureAwait(false);
        return check;
    }

    /// <summary>
    /// The monthly draw (timer) of the month before the current one (China time): id <c>CC-{yyyyMM}-M</c>, seed taken from
    /// the month code's SHA-256 (published with the draw), so the draw is made once and anyone can repeat it.
    /// </summary>
    public async Task<SpotCheck?> DrawMonthlyAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var month = ReportPeriod.Containing(ReportPeriodKind.Month, ChinaTime.DateOf(now).AddMonths(-1));
        var id = string.Create(CultureInfo.InvariantCulture, $"CC-{month.Year:0000}{month.Number:00}-M");
        if (await store.GetAsync(id, cancellationToken).ConfigureAwait(false) is { } existing)
        {
            return existing.Check;
        }

        var candidates = await CandidatesAsync(month, cancellationToken).ConfigureAwait(false);
        if (candidates.Count == 0)
        {
            return null;
        }

        var seed = BitConverter.ToInt64(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("spot-check|" + month.Code))) & long.MaxValue;
        var size = Math.Min(options.MonthlySpotCheckSize, candidates.Count);
        var check = SpotCheck.Start(id, month.Code, candidates, size, seed, SupervisionActor.System, now).OrThrow();
        return await store.TryAddAsync(check, cancellationToken).ConfigureAwait(false) ? check : (await store.GetAsync(id, cancellationToken).ConfigureAwait(false))?.Check;
    }

    public async Task<SpotCheck> GetAsync(string id, CancellationToken cancellationToken) =>
        (await store.GetAsync(id, cancellationToken).ConfigureAwait(false))?.Check ?? throw NotFound(id);

    /// <summary>
    /// Records a drawn case's result; with findings and a <paramref name="requirement"/>, issues the 整改通知书 to the case's
    /// department (once per drawn case) and links it.
    /// </summary>
    public async Task<SpotCheck> RecordAsync(string id, string? caseNo, bool? conforming, string? findings, string? requirement, int? workingDays, SupervisionActor actor, CancellationToken cancellationToken)
    {
        SpotCheck recorded = null!;
        for (var attempt = 1; ; attempt++)
        {
            var (check, etag) = await store.GetAsync(id, cancellationToken).ConfigureAwait(false) ?? throw NotFound(id);
            recorded = check.RecordResult(caseNo, conforming, findings, actor, clock.GetUtcNow()).OrThrow();
            try
            {
                await store.ReplaceAsync(recorded, etag, cancellationToken).ConfigureAwait(false);
                break;
            }
            catch (Azure.RequestFailedException e) when (StorageErrors.IsPreconditionFailed(e) && attempt < Attempts)
            {
                // another result came meanwhile: decide again
            }
        }

        if (conforming == true || requirement is null)
        {
            return recorded;
        }

        var pick = recorded.Draw.Picks.First(p => p.CaseNo == caseNo);
        var notice = await rectifications.IssueAsync(
            new RectificationRequest
            {
                Department = pick.Candidate.Department,
                CaseNo = pick.CaseNo,
                Finding = $"抽查 {id}：{findings}",
                Requirement = requirement,
                WorkingDays = workingDays,
            },
            actor,
            $"spot:{id}:{caseNo}",
            cancellationToken).ConfigureAwait(false);
        for (var attempt = 1; ; attempt++)
        {
            var (check, etag) = await store.GetAsync(id, cancellationToken).ConfigureAwait(false) ?? throw NotFound(id);
            var linked = check.LinkRectification(caseNo!, notice.Id).OrThrow();
            try
            {
                await store.ReplaceAsync(linked, etag, cancellationToken).ConfigureAwait(false);
                return linked;
            }
            catch (Azure.RequestFailedException e) when (StorageErrors.IsPreconditionFailed(e) && attempt < Attempts)
            {
                // changed meanwhile: link again
            }
        }
    }

    private static ProblemException NotFound(string id) => Problems.NotFound("spot_check.not_found", "抽查记录不存在", $"no spot check '{id}'");
}
