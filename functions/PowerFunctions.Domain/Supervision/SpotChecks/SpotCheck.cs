using PowerFunctions.Domain.Common;

namespace PowerFunctions.Domain.Supervision.SpotChecks;

/// <summary>
/// One spot check (随机抽查): the recorded draw and a result per drawn case: conforming, or findings that lead to a
/// rectification notice (the app issues it and links it with <see cref="LinkRectification"/>). A result is recorded
/// once per case. Immutable: commands answer the next value or an error. Source: seed 003 (风险等级); seed 002,
/// seed 004 (整改).
/// </summary>
public sealed record SpotCheck
{
    public required string Id { get; init; }

    public required SpotCheckDraw Draw { get; init; }

    public required string DrawnBy { get; init; }

    public required DateTimeOffset DrawnAt { get; init; }

    public IReadOnlyList<SpotCheckResult> Results { get; init; } = [];

    /// <summary>True once every drawn case has a result.</summary>
    public bool Complete => Results.Count == Draw.Picks.Count;

    /// <summary>Draws a spot check <paramref name="id"/> for <paramref name="period"/> (supervisor). Source: seed 003 (风险等级).</summary>
    public static Result<SpotCheck> Start(string id, string period, IReadOnlyList<SpotCheckCandidate> candidates, int sampleSize, long seed, SupervisionActor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.Kind == SupervisionActorKind.DepartmentStaff)
        {
            return SpotCheckErrors.RoleNotAllowed(actor);
        }

        if (!SupervisionText.IsCode(id))
        {
            throw new ArgumentException($"'{id}' is not a spot check id", nameof(id));
        }

        return SpotCheckSampler.Draw(period, candidates, sampleSize, seed)
            .Map(draw => new SpotCheck { Id = id, Draw = draw, DrawnBy = actor.Subject, DrawnAt = now });
    }

    /// <summary>
    /// Records the result of a drawn case: <paramref name="conforming"/>, or findings (required then). Supervisor only;
    /// a case not drawn is <c>spot_check.not_in_sample</c>, a second result <c>spot_check.result_recorded</c>.
    /// </summary>
    public Result<SpotCheck> RecordResult(string? caseNo, bool? conforming, string? findings, SupervisionActor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.Kind != SupervisionActorKind.Supervisor)
        {
            return SpotCheckErrors.RoleNotAllowed(actor);
        }

        if (caseNo is null || Draw.Picks.All(p => p.CaseNo != caseNo))
        {
            return SpotCheckErrors.NotInSample(caseNo ?? string.Empty);
        }

        if (Results.Any(r => r.CaseNo == caseNo))
        {
            return SpotCheckErrors.ResultRecorded(caseNo);
        }

        var errors = new Dictionary<string, string[]>();
        string? text = null;
        if (conforming is null)
        {
            errors["conforming"] = ["须记录是否合规"];
        }
        else if (conforming == false)
        {
            text = SupervisionText.Required(findings, "findings", "不合规时须写明发现的问题", errors);
        }
        else
        {
            text = SupervisionText.Optional(findings, "findings", errors);
        }

        if (errors.Count > 0)
        {
            return SpotCheckErrors.Invalid(errors);
        }

        var outcome = conforming == true ? SpotCheckOutcome.Conforming : SpotCheckOutcome.Findings;
        return this with { Results = [.. Results, new SpotCheckResult(caseNo, outcome, text, actor.Subject, actor.Name, now)] };
    }

    /// <summary>Links the rectification issued for a case's findings (once).</summary>
    public Result<SpotCheck> LinkRectification(string caseNo, string rectificationId)
    {
        var result = Results.FirstOrDefault(r => r.CaseNo == caseNo);
        if (result is null || result.Outcome != SpotCheckOutcome.Findings)
        {
            return DomainError.Conflict("spot_check.no_findings", "该办件没有抽查发现的问题", $"case {caseNo} has no findings recorded");
        }

        if (result.RectificationId is not null && result.RectificationId != rectificationId)
        {
            return DomainError.Conflict("spot_check.rectification_linked", "该问题已下达整改通知书", $"case {caseNo} is linked to {result.RectificationId}");
        }

        return this with { Results = [.. Results.Select(r => r.CaseNo == caseNo ? r with { RectificationId = rectificationId } : r)] };
    }
}
