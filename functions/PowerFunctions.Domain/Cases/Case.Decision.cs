using PowerFunctions.Domain.Common;

namespace PowerFunctions.Domain.Cases;

/// <summary>The commands from the decision to the published result: decide, publicity and its objections, delivery, publication.</summary>
public sealed partial class Case
{
    /// <summary>
    /// The decision, once every required step is on record: the reviews (seed 000 §5(二)6), the signed
    /// site-inspection record where the item requires one (seed 000 §5(二)6), the expert review
    /// (行政许可法 第四十五条; seed 000 §5(三)2), the opinion of every joint department (行政许可法
    /// 第二十六条) and the collective decision (seed 000 §5(二)6, (三)1), whose majority binds: another
    /// outcome is refused (422). A denial states its reasons and the remedies (行政许可法 第三十八条);
    /// an approval of a publicised item is posted for 7 cd (seed 000 §5(二)7).
    /// </summary>
    public Result<CaseEventDraft> Decide(DecisionOutcome outcome, string? reasons, CaseContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (Check(CaseAction.Decide) is { } error)
        {
            return error;
        }

        if (outcome == DecisionOutcome.Deny && string.IsNullOrWhiteSpace(reasons))
        {
            return CaseErrors.Invalid("reasons", "不予许可须说明理由（行政许可法第三十八条）");
        }

        var missingRoles = CaseRules.ReviewRolesRequired(Terms).Where(r => _reviews.All(x => x.Role != r)).ToArray();
        if (missingRoles.Length > 0)
        {
            return CaseErrors.Conflict("case.review_incomplete", "审查尚未完成，不能作出决定", $"missing review(s): {string.Join(", ", missingRoles)}");
        }

        if (CaseRules.SiteInspectionRequired(Terms) && _inspections.Count == 0)
        {
            return CaseErrors.Conflict("case.site_inspection_required", "本事项须经现场核查并签署核查记录后方可决定", "record the signed site inspection first");
        }

        if (CaseRules.ExpertReviewRequired(Terms) && !ExpertReviewDone)
        {
            return CaseErrors.Conflict("case.expert_review_required", "本事项须经专家评审后方可决定", "draw the experts and resume after their review first");
        }

        if (CaseRules.JointOpinionsMissing(Terms, _jointOpinions) is { Count: > 0 } missingOpinions)
        {
            return CaseErrors.Conflict("case.joint_opinions_missing", "会办部门意见尚未全部提出，不能作出决定", $"waiting for: {string.Join(", ", missingOpinions.Select(d => $"{d.Code} {d.Name}"))}");
        }

        if (CaseRules.CollectiveDecisionRequired(Terms) && CollectiveDecisionRecord is null)
        {
            return CaseErrors.Conflict("case.collective_decision_required", "本事项须经集体讨论后方可决定", "record the collective decision first");
        }

        if (CollectiveDecisionRecord is { } meeting)
        {
            var majority = CaseRules.CollectiveMajority(meeting);
            if (majority is null)
            {
                return CaseErrors.Conflict("case.collective_no_majority", "集体讨论未形成多数意见，须重新讨论", "no outcome had more than half of the attendees");
            }

            if (majority != outcome)
            {
                return CaseErrors.Invalid(
                    "outcome",
                    $"决定须与集体讨论决定一致（{ApiCode<DecisionOutcome>.Chinese(majority.Value)}）",
                    "case.outcome_contradicts_collective_decision",
                    "决定与集体讨论决定不一致");
            }
        }

        DateOnly? from = null;
        DateOnly? until = null;
        if (CaseRules.GoesToPublicity(Terms, outcome))
        {
            from = context.Today;
            until = CaseDeadlines.PublicityEnd(context.Calendar, context.Today).Date;
        }

        var remedies = outcome == DecisionOutcome.Approve ? [] : CaseRules.DenialRemedies;
        var text = string.IsNullOrWhiteSpace(reasons) ? null : reasons.Trim();
        return new CaseEventDraft(
            new CaseEventData.Decided(outcome, text, remedies, context.Today, from, until),
            CaseNotices.Decision(this, outcome, text, context.Today));
    }

    /// <summary>An objection during publicity, recorded with its id (<c>o-{n}</c>) and shown to the decider, who must answer it before delivery. Source: seed 000 §5(二)7</summary>
    public Result<CaseEventDraft> FileObjection(string? name, string? contact, string? content)
    {
        if (Check(CaseAction.Objection) is { } error)
        {
            return error;
        }

        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(name))
        {
            errors["name"] = ["须留姓名"];
        }

        if (string.IsNullOrWhiteSpace(contact))
        {
            errors["contact"] = ["须留联系方式"];
        }

        if (string.IsNullOrWhiteSpace(content))
        {
            errors["content"] = ["须填写异议内容"];
        }
        else if (content.Length > 4000)
        {
            errors["content"] = ["异议内容不超过 4000 字"];
        }

        return errors.Count > 0
            ? CaseErrors.Invalid(errors)
            : new CaseEventDraft(new CaseEventData.ObjectionFiled(name!.Trim(), contact!.Trim(), content!.Trim(), CaseRules.ObjectionId(_objections.Count + 1)));
    }

    /// <summary>
    /// The decider answers an objection, with reasons. Upheld: publicity ends, the decision is set aside
    /// (kept in the history), the case returns to review and is decided anew (a new collective decision
    /// where the item requires one); dismissed: the approval stands. Source: seed 000 §5(二)7, (二)8
    /// </summary>
    public Result<CaseEventDraft> AnswerObjection(string? objectionId, ObjectionFinding finding, string? reasons, CaseContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (Check(CaseAction.ObjectionAnswer) is { } error)
        {
            return error;
        }

        var objection = _objections.FirstOrDefault(o => string.Equals(o.Id, objectionId, StringComparison.Ordinal));
        if (objection is null)
        {
            return DomainError.NotFound("case.objection_not_found", "异议不存在", $"no objection '{objectionId}' on case {CaseNo}");
        }

        if (!objection.IsOpen)
        {
            return CaseErrors.Conflict("case.objection_answered", "该异议已答复", $"objection {objection.Id} was answered on {objection.AnsweredOn:yyyy-MM-dd}");
        }

        if (string.IsNullOrWhiteSpace(reasons))
        {
            return CaseErrors.Invalid("reasons", "答复异议须说明理由");
        }

        return new CaseEventDraft(new CaseEventData.ObjectionAnswered(objection.Id, finding, reasons.Trim(), context.Today));
    }

    /// <summary>The 7 cd of publicity are over: the case waits for delivery. Source: seed 000 §5(二)7</summary>
    public Result<CaseEventDraft> EndPublicity(CaseContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (Check(CaseAction.EndPublicity) is { } error)
        {
            return error;
        }

        var until = PublicUntil(context.Calendar);
        if (context.Today <= until)
        {
            return CaseErrors.Conflict("case.publicity_running", "公示期尚未届满", $"publicity runs until {until:yyyy-MM-dd}");
        }

        return new CaseEventDraft(new CaseEventData.PublicityEnded(until));
    }

    /// <summary>
    /// Delivery of the decision, with a receipt; not while an objection raised in publicity is unanswered.
    /// Source: 行政许可法 第四十四条; seed 000 §5(二)7, (二)8
    /// </summary>
    public Result<CaseEventDraft> Deliver(DeliveryMethod method, string? recipient, CaseContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (Check(CaseAction.Deliver) is { } error)
        {
            return error;
        }

        if (_objections.FirstOrDefault(o => o.IsOpen) is { } open)
        {
            return CaseErrors.Conflict("case.objection_open", "公示期间的异议尚未答复，不能送达", $"objection {open.Id} is not answered yet");
        }

        if (string.IsNullOrWhiteSpace(recipient))
        {
            return CaseErrors.Invalid("recipient", "须填写受送达人");
        }

        return new CaseEventDraft(
            new CaseEventData.Delivered(method, recipient.Trim(), context.Today),
            CaseNotices.DeliveryReceipt(this, method, recipient.Trim(), context.Today));
    }

    /// <summary>The scheduled job publishes the result (withheld for items not publicised and 涉密 items). Source: seed 002 (监督检查办法 第十三条); seed 001 §四(一)3</summary>
    public Result<CaseEventDraft> PublishResult(CaseContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (Check(CaseAction.PublishResult) is { } error)
        {
            return error;
        }

        return new CaseEventDraft(new CaseEventData.ResultPublished(context.Today, CaseRules.ResultWithheld(Terms)));
    }

    /// <summary>Records that a deadline (its API code) moved with the official schedule of <paramref name="year"/>.</summary>
    public CaseEventDraft RecordDeadlineMoved(string kind, DateOnly oldDue, DateOnly newDue, int year) =>
        new(new CaseEventData.DeadlineMoved(kind, oldDue, newDue, year));
}
