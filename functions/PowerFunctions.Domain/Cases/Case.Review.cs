using PowerFunctions.Domain.Common;
using PowerFunctions.Domain.Deadlines;
using PowerFunctions.Domain.Experts;

namespace PowerFunctions.Domain.Cases;

/// <summary>The commands between acceptance and decision: reviews, site inspection, experts, the collective meeting, suspensions, the extension and joint opinions.</summary>
public sealed partial class Case
{
    /// <summary>
    /// A review: formal items by one reviewer; substantive items by A角 and B角, different people,
    /// both different from the acceptor where the item separates acceptance from handling.
    /// Source: seed 000 §5(二)6
    /// </summary>
    public Result<CaseEventDraft> RecordReview(string? role, string? opinion, DecisionOutcome recommendation, CaseActor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (Check(CaseAction.Review) is { } error)
        {
            return error;
        }

        var errors = new Dictionary<string, string[]>();
        var required = CaseRules.ReviewRolesRequired(Terms);
        if (role is null || !required.Contains(role))
        {
            errors["role"] = [Terms.Substantive ? "实质审查的审查角色须为 A 或 B" : "形式审查由一名审查人员以 A 角完成"];
        }

        if (string.IsNullOrWhiteSpace(opinion))
        {
            errors["opinion"] = ["须填写审查意见"];
        }

        if (errors.Count > 0)
        {
            return CaseErrors.Invalid(errors);
        }

        if (_reviews.Any(r => r.Role == role))
        {
            return CaseErrors.Conflict("case.review_role_taken", "该审查角色已有审查意见", $"the {role} review is already recorded");
        }

        if (CaseRules.ReviewersMustDiffer && _reviews.Any(r => r.Reviewer == actor.Subject))
        {
            return CaseErrors.Forbidden("case.reviewers_must_differ", "A角与B角须由不同人员担任", $"{actor.Name} already reviewed this case");
        }

        if (CaseRules.ReviewerMayNotBeAcceptor(Terms) && Acceptor == actor.Subject)
        {
            return CaseErrors.Forbidden("case.acceptor_cannot_review", "本事项实行接办分离，受理人员不得审查", $"{actor.Name} accepted this case");
        }

        return new CaseEventDraft(new CaseEventData.Reviewed(role!, opinion!.Trim(), recommendation));
    }

    /// <summary>A site inspection by two or more named staff with a report signed by one of them. Source: seed 000 §5(二)6</summary>
    public Result<CaseEventDraft> RecordSiteInspection(IReadOnlyList<string>? inspectors, string? report, string? signedBy)
    {
        if (Check(CaseAction.SiteInspection) is { } error)
        {
            return error;
        }

        var names = (inspectors ?? []).Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n.Trim()).Distinct(StringComparer.Ordinal).ToArray();
        var errors = new Dictionary<string, string[]>();
        if (names.Length < CaseRules.MinimumInspectors || names.Length != (inspectors?.Count ?? 0))
        {
            errors["inspectors"] = [$"现场核查须由 {CaseRules.MinimumInspectors} 名以上不同的工作人员进行"];
        }

        if (string.IsNullOrWhiteSpace(report))
        {
            errors["report"] = ["须提交核查报告"];
        }

        if (string.IsNullOrWhiteSpace(signedBy) || !names.Contains(signedBy.Trim()))
        {
            errors["signedBy"] = ["核查报告须由参加核查的人员签字"];
        }

        return errors.Count > 0 ? CaseErrors.Invalid(errors) : new CaseEventDraft(new CaseEventData.SiteInspected(names, report!.Trim(), signedBy!.Trim()));
    }

    /// <summary>
    /// Experts drawn at random (seeded, re-runnable) from the register's available experts of the item's
    /// field, at least one third of them external; the pool as it was is recorded with the seed. The
    /// decision clock stops for the expert review and the applicant is told in writing, with the time it
    /// is expected to need when known (<paramref name="expectedUntil"/>, not before today).
    /// Source: seed 000 §5(三)2, 配套2 (管用分离); 行政许可法 第四十五条
    /// </summary>
    public Result<CaseEventDraft> DrawExperts(ExpertRegister register, int count, long seed, DateOnly? expectedUntil, CaseContext context)
    {
        ArgumentNullException.ThrowIfNull(register);
        ArgumentNullException.ThrowIfNull(context);
        if (Check(CaseAction.ExpertDraw) is { } error)
        {
            return error;
        }

        if (ExpertDrawRecord is not null)
        {
            return CaseErrors.Conflict("case.experts_already_drawn", "本案已抽取专家", "experts were drawn for this case already");
        }

        var pool = register.PoolFor(Terms.ExpertField);
        var valid = ExpertDraw.Validate(pool, count);
        if (!valid.IsSuccess)
        {
            return valid.Error;
        }

        if (CheckExpectedEnd(expectedUntil, context) is { } late)
        {
            return late;
        }

        var data = new CaseEventData.ExpertsDrawn(pool, count, seed, ExpertDraw.Draw(pool, count, seed), context.Today, Terms.ExpertField, expectedUntil);
        return new CaseEventDraft(data, CaseNotices.Suspension(this, _suspensions.Count + 1, SuspensionReason.ExpertReview, null, context.Today, expectedUntil, context.Calendar));
    }

    /// <summary>
    /// A collective decision: attendees, each vote, dissenting opinions recorded. One binds the decision;
    /// another meeting is held only when the last one reached no majority, or an upheld objection set
    /// its decision aside. Source: seed 000 §5(二)6, (三)1
    /// </summary>
    public Result<CaseEventDraft> RecordCollectiveDecision(IReadOnlyList<string>? attendees, IReadOnlyList<CollectiveVote>? votes, IReadOnlyList<DissentingOpinion>? dissent)
    {
        if (Check(CaseAction.CollectiveDecision) is { } error)
        {
            return error;
        }

        if (CollectiveDecisionRecord is { } held && CaseRules.CollectiveMajority(held) is not null)
        {
            return CaseErrors.Conflict("case.collective_decision_recorded", "本案已作出集体讨论决定", "the collective decision is already recorded");
        }

        var people = (attendees ?? []).Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a.Trim()).Distinct(StringComparer.Ordinal).ToArray();
        votes ??= [];
        dissent ??= [];
        var errors = new Dictionary<string, string[]>();
        if (people.Length < CaseRules.MinimumCollectiveAttendees)
        {
            errors["attendees"] = [$"集体讨论须有 {CaseRules.MinimumCollectiveAttendees} 名以上参会人员"];
        }

        if (votes.Count == 0)
        {
            errors["votes"] = ["须记录表决情况"];
        }
        else if (votes.Any(v => !people.Contains(v.Name?.Trim() ?? string.Empty)))
        {
            errors["votes"] = ["每一票须来自参会人员"];
        }
        else if (votes.Select(v => v.Name.Trim()).Distinct(StringComparer.Ordinal).Count() != votes.Count)
        {
            errors["votes"] = ["每名参会人员只能表决一次"];
        }

        if (dissent.Any(d => !people.Contains(d.Name?.Trim() ?? string.Empty) || string.IsNullOrWhiteSpace(d.Opinion)))
        {
            errors["dissent"] = ["不同意见须注明参会人员及其意见"];
        }

        return errors.Count > 0
            ? CaseErrors.Invalid(errors)
            : new CaseEventDraft(new CaseEventData.CollectiveDecided(people, votes.Select(v => v with { Name = v.Name.Trim() }).ToArray(), dissent));
    }

    /// <summary>
    /// Stops the decision clock for an excluded procedure, telling the applicant in writing which one and
    /// the time it is expected to need (<paramref name="expectedUntil"/>, not before today). API.md's body
    /// is <c>{reason, note}</c>: without the expected end the notice says the time will be told once known.
    /// Source: 行政许可法 第四十五条
    /// </summary>
    public Result<CaseEventDraft> Suspend(SuspensionReason reason, string? note, DateOnly? expectedUntil, CaseContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (Check(CaseAction.Suspend) is { } error)
        {
            return error;
        }

        if (CheckExpectedEnd(expectedUntil, context) is { } invalid)
        {
            return invalid;
        }

        var text = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        return new CaseEventDraft(
            new CaseEventData.Suspended(reason, text, context.Today, expectedUntil),
            CaseNotices.Suspension(this, _suspensions.Count + 1, reason, text, context.Today, expectedUntil, context.Calendar));
    }

    /// <summary>Restarts the decision clock. Source: 行政许可法 第四十五条</summary>
    public Result<CaseEventDraft> Resume(CaseContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (Check(CaseAction.Resume) is { } error)
        {
            return error;
        }

        return new CaseEventDraft(new CaseEventData.Resumed(context.Today));
    }

    /// <summary>
    /// The one extension, by a decider (the head's approval), with reasons told to the applicant in a
    /// written notice giving the due date before and after. Source: 行政许可法 第四十二条 (rule in <see cref="ExtensionRules"/>)
    /// </summary>
    public Result<CaseEventDraft> Extend(int workingDays, string? reason, CaseActor actor, CaseContext context)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(context);
        if (Check(CaseAction.Extend) is { } error)
        {
            return error;
        }

        var existing = Extension is { } x ? new Deadlines.Extension(x.WorkingDays, x.ApprovedBy, x.Reason) : null;
        var extension = ExtensionRules.Validate(workingDays, actor.Name, reason, CaseRules.IsJoint(Terms), existing);
        if (!extension.IsSuccess)
        {
            return extension.Error;
        }

        var data = new CaseEventData.Extended(extension.Value.WorkingDays, extension.Value.Reason, extension.Value.ApprovedBy);
        var before = DecisionDue(this, context);
        var after = DecisionDue(Append(new CaseEventDraft(data), actor, context.Now), context);
        return new CaseEventDraft(data, CaseNotices.Extension(this, extension.Value, before, after));
    }

    /// <summary>
    /// The opinion of one department of a jointly handled case, by its own staff, once; the lead decides
    /// only when every department's opinion is in (<see cref="Decide"/>).
    /// Source: 行政许可法 第二十六条
    /// </summary>
    public Result<CaseEventDraft> GiveJointOpinion(string? department, string? opinion, DecisionOutcome recommendation, CaseContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (Check(CaseAction.JointOpinion) is { } error)
        {
            return error;
        }

        if (Terms.JointHandling is not { } joint)
        {
            return CaseErrors.Conflict("case.not_joint", "本事项不实行联合审批", $"item {Terms.ItemCode} is handled by one department");
        }

        if (joint.Find(department) is not { } giving)
        {
            return CaseErrors.Forbidden("case.not_joint_department", "本部门不是本案的会办部门", $"'{department}' gives no opinion on {Terms.ItemCode}; the departments are {string.Join(", ", joint.Departments.Select(d => d.Code))}");
        }

        if (_jointOpinions.Any(o => o.Department == giving.Code))
        {
            return CaseErrors.Conflict("case.joint_opinion_given", "本部门已提出意见", $"{giving.Code} gave its opinion already");
        }

        if (string.IsNullOrWhiteSpace(opinion))
        {
            return CaseErrors.Invalid("opinion", "须填写部门意见");
        }

        return new CaseEventDraft(new CaseEventData.JointOpinionGiven(giving.Code, opinion.Trim(), recommendation, context.Today));
    }

    /// <summary>The decision due date of <paramref name="c"/> now.</summary>
    private static DateOnly DecisionDue(Case c, CaseContext context) =>
        CaseDeadlines.Compute(c, context.Calendar, context.Today).First(d => d.Kind == DeadlineKind.Decision).Due;

    /// <summary>The expected end of an excluded procedure told to the applicant (行政许可法 第四十五条), when given, is not before today.</summary>
    private static DomainError? CheckExpectedEnd(DateOnly? expectedUntil, CaseContext context) =>
        expectedUntil is { } until && until < context.Today ? CaseErrors.Invalid("expectedUntil", "预计完成日期不能早于今天") : null;
}
