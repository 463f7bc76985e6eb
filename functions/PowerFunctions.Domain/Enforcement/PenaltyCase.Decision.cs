using PowerFunctions.Domain.Catalog;
using PowerFunctions.Domain.Common;

namespace PowerFunctions.Domain.Enforcement;

/// <summary>Legal review (法制审核), collective decision (集体讨论) and the decision (决定).</summary>
public sealed partial class PenaltyCase
{
    /// <summary>
    /// 法制审核: the opinion of a legal reviewer who did not investigate the case, and whether it passed
    /// (not said: passed — the opinion is the review; a failed review is said so explicitly).
    /// Source: 行政处罚法 第五十八条; 国办发〔2018〕118号 (重大执法决定法制审核).
    /// </summary>
    public Result<PenaltyEventDraft> RecordLegalReview(string? opinion, bool? passed, string reviewerSubject, EnforcementContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (Check(PenaltyAction.LegalReview, null, context.Today) is { } error)
        {
            return error;
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(opinion) || opinion.Length > MaxTextLength)
        {
            errors["opinion"] = [$"须写明法制审核意见（不超过{MaxTextLength}字）"];
        }

        if (errors.Count > 0)
        {
            return EnforcementErrors.Invalid(errors);
        }

        if (Investigators.Contains(reviewerSubject))
        {
            return EnforcementErrors.Forbidden(EnforcementErrors.ReviewerIsInvestigator, "本案调查人员不得进行法制审核", "the legal reviewer investigated this case (行政处罚法第五十八条)");
        }

        return new PenaltyEventDraft(new PenaltyEventData.LegallyReviewed(opinion!.Trim(), passed ?? true, context.Today));
    }

    /// <summary>
    /// 集体讨论: the attendees, each one's vote (a vote against comes with the dissenting opinion, recorded),
    /// and what the meeting decided. It either adopts a decision — an outcome with the penalty and
    /// circumstance (or the no-penalty ground), which the decision must then follow; outside the tier of
    /// the circumstance only with the reason for departing from it, never outside the law — or, when
    /// <paramref name="adopted"/> is null, records that the heads discussed the case and agreed that it be
    /// decided as the law and the benchmark allow: that satisfies a required collective decision, binds no
    /// amount, and can never authorise leaving the tier.
    /// Source: 行政处罚法 第五十七条第二款; 国办发〔2022〕27号 (调整适用 须经集体讨论 并记录); seed 000 §5(三)1.
    /// </summary>
    public Result<PenaltyEventDraft> RecordCollectiveDecision(
        IReadOnlyList<string>? attendees,
        IReadOnlyList<MeetingVote>? votes,
        IReadOnlyList<Dissent>? dissent,
        PenaltyDecisionInput? adopted,
        string? departureReason,
        EnforcementContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (Check(PenaltyAction.CollectiveDecision, null, context.Today) is { } error)
        {
            return error;
        }

        var people = (attendees ?? []).Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a.Trim()).Distinct(StringComparer.Ordinal).ToArray();
        votes ??= [];
        dissent ??= [];
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (people.Length < PenaltyRules.MinimumCollectiveAttendees || people.Length != (attendees?.Count ?? 0))
        {
            errors["attendees"] = [$"集体讨论须有 {PenaltyRules.MinimumCollectiveAttendees} 名以上不同的负责人参加"];
        }

        if (votes.Count == 0 || votes.Any(v => v is null || !people.Contains(v.Name?.Trim() ?? string.Empty) || !Enum.IsDefined(v.Vote)))
        {
            errors["votes"] = ["须记录每名参会人员的表决（agree、disagree 或 abstain）"];
        }
        else if (votes.Select(v => v.Name.Trim()).Distinct(StringComparer.Ordinal).Count() != votes.Count)
        {
            errors["votes"] = ["每名参会人员只能表决一次"];
        }

        if (dissent.Any(d => d is null || !people.Contains(d.Name?.Trim() ?? string.Empty) || string.IsNullOrWhiteSpace(d.Opinion)))
        {
            errors["dissent"] = ["不同意见须注明参会人员及其意见"];
        }
        else if (votes.Where(v => v is { Vote: Vote.Disagree }).Any(v => dissent.All(d => d.Name.Trim() != v.Name.Trim())))
        {
            errors["dissent"] = ["投反对票的参会人员，其不同意见须如实记录"];
        }

        if (errors.Count > 0)
        {
            return EnforcementErrors.Invalid(errors);
        }

        var fit = DiscretionFit.NotApplicable;
        var reason = string.IsNullOrWhiteSpace(departureReason) ? null : departureReason.Trim();
        if (adopted is not null)
        {
            var checkedDecision = CheckDecisionInput(adopted, "penalty");
            if (!checkedDecision.IsSuccess)
            {
                return checkedDecision.Error;
            }

            fit = checkedDecision.Value;
            if (adopted.Outcome == PenaltyOutcome.Penalty && !DiscretionRules.InLegalRange(Terms.Discretion, adopted.Penalty!))
            {
                return OutsideLegalRange("penalty");
            }

            if (fit == DiscretionFit.OutsideTier && reason is null)
            {
                return EnforcementErrors.Refused(EnforcementErrors.DepartureReasonRequired, "突破裁量基准档次须记录理由", "departureReason", "集体讨论决定超出认定情节的档次的，须记录调整适用的理由（国办发〔2022〕27号）");
            }
        }

        var meeting = new PenaltyEventData.CollectivelyDecided(
            people,
            votes.Select(v => v with { Name = v.Name.Trim(), Opinion = string.IsNullOrWhiteSpace(v.Opinion) ? null : v.Opinion.Trim() }).ToArray(),
            dissent.Select(d => new Dissent(d.Name.Trim(), d.Opinion.Trim())).ToArray(),
            adopted?.Outcome,
            adopted?.Outcome == PenaltyOutcome.Penalty ? adopted.Penalty : null,
            adopted?.Outcome == PenaltyOutcome.Penalty ? adopted.Circumstance : null,
            adopted?.Outcome == PenaltyOutcome.NoPenalty ? adopted.Ground : null,
            fit,
            fit == DiscretionFit.OutsideTier ? reason : null,
            context.Today);
        return new PenaltyEventDraft(meeting, PenaltyTexts.CollectiveRecord(this, meeting));
    }

    /// <summary>
    /// The decision (第五十七条), sealed as the decision document (第五十九条). The decision itself is checked
    /// first: a penalty within the tier of the circumstance found unless a collective decision adopted it
    /// with reasons (国办发〔2022〕27号), and within the law. Then the procedure, in order: a prior notice
    /// (第四十四条, 第六十二条) whose reply window has ended, or was closed by the party's statement (or its
    /// waiver) and, where it has the right, its waiver of the hearing or the hearing held (第四十五条,
    /// 第六十四条); no heavier than the notice (第四十四条, 第四十五条); the legal review passed where required
    /// (第五十八条); the collective decision where required, which the decision follows when it adopted one
    /// (第五十七条第二款). No penalty needs its ground (first offence only where the item allows it, 第三十三条)
    /// and the same review and meeting rules.
    /// </summary>
    public Result<PenaltyEventDraft> Decide(PenaltyDecisionInput input, EnforcementContext context)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(context);
        if (Check(PenaltyAction.Decide, null, context.Today) is { } error)
        {
            return error;
        }

        if (string.IsNullOrWhiteSpace(input.Reasons) || input.Reasons.Length > MaxTextLength)
        {
            return EnforcementErrors.Invalid("reasons", $"须写明决定的理由（不超过{MaxTextLength}字）");
        }

        var checkedDecision = CheckDecisionInput(input, "penalty");
        if (!checkedDecision.IsSuccess)
        {
            return checkedDecision.Error;
        }

        var fit = checkedDecision.Value;
        if (input.Outcome == PenaltyOutcome.Penalty)
        {
            var penalty = input.Penalty!;
            if (fit == DiscretionFit.OutsideTier && !CollectiveDeparture(penalty, input.Circumstance!.Value))
            {
                return OutsideDiscretion(input.Circumstance!.Value, penalty, "penalty");
            }

            if (!DiscretionRules.InLegalRange(Terms.Discretion, penalty))
            {
                return OutsideLegalRange("penalty");
            }

            if (LastNotice is not { } notice)
            {
                return EnforcementErrors.Conflict(EnforcementErrors.NoticeRequired, "作出行政处罚决定前须告知当事人", "notify the party of the proposed penalty first (行政处罚法第四十四条、第六十二条)");
            }

            if (!ReplyWindowClosed(notice, context.Today))
            {
                return EnforcementErrors.Conflict(EnforcementErrors.ReplyPeriodRunning, "当事人陈述、申辩和要求听证的期限尚未届满", $"the party may reply until {notice.ReplyUntil:yyyy-MM-dd} unless it states, or waives, {(notice.HearingAvailable ? "and waives the hearing " : string.Empty)}first (行政处罚法第四十五条、第六十二条、第六十四条)");
            }

            if (PenaltyRules.IsHeavier(penalty, notice.Proposed))
            {
                var stated = _statements.Count > 0;
                return EnforcementErrors.Refused(
                    EnforcementErrors.HeavierThanNotice,
                    stated ? "不得因当事人陈述、申辩而给予更重的处罚" : "决定不得重于已告知的处罚",
                    "penalty",
                    stated
                        ? $"当事人已陈述申辩，决定不得重于告知的{notice.Proposed.ToChinese()}（行政处罚法第四十五条）"
                        : $"当事人只被告知了{notice.Proposed.ToChinese()}；更重或者不同的处罚须重新告知（行政处罚法第四十四条）");
            }
        }

        if (LegalReviewProblem(input.Outcome == PenaltyOutcome.Penalty ? input.Penalty : null) is { } review)
        {
            return review;
        }

        if (CollectiveProblem(input, fit) is { } meeting)
        {
            return meeting;
        }

        var decided = new PenaltyEventData.Decided(
            input.Outcome,
            input.Outcome == PenaltyOutcome.Penalty ? input.Penalty : null,
            input.Outcome == PenaltyOutcome.Penalty ? input.Circumstance : null,
            input.Outcome == PenaltyOutcome.NoPenalty ? input.Ground : null,
            input.Reasons.Trim(),
            fit,
            fit == DiscretionFit.OutsideTier ? CollectiveDecision?.DepartureReason : null,
            context.Today);
        return new PenaltyEventDraft(decided, PenaltyTexts.Decision(this, decided));
    }

    /// <summary>
    /// True when the party's reply window for <paramref name="notice"/> is over: its 5 working days have
    /// passed; or a hearing was held after it; or, after it, the party stated (or waived stating) and, where
    /// it has the right, waived the hearing. Source: 行政处罚法 第四十五条, 第六十二条, 第六十四条(一).
    /// </summary>
    public bool ReplyWindowClosed(PenaltyEventData.Notified notice, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(notice);
        if (today > notice.ReplyUntil || HearingHeldSeq > LastNoticeSeq)
        {
            return true;
        }

        var replies = _statements.Where(s => s.Seq > LastNoticeSeq).Select(s => s.Statement).ToArray();
        var stated = replies.Any(s => s.Text is not null || s.WaivesStatement);
        var hearingSettled = !notice.HearingAvailable || replies.Any(s => s.WaivesHearing);
        return stated && hearingSettled;
    }

    /// <summary>Validates a decision's parts and answers how it fits the tier (<see cref="DiscretionFit.NotApplicable"/> for no penalty); the legal range is the caller's next check.</summary>
    private Result<DiscretionFit> CheckDecisionInput(PenaltyDecisionInput input, string field)
    {
        if (!Enum.IsDefined(input.Outcome))
        {
            return EnforcementErrors.Invalid("outcome", "决定须为 penalty（给予处罚）或 no-penalty（不予处罚）");
        }

        if (input.Outcome == PenaltyOutcome.NoPenalty)
        {
            if (input.Ground is not { } ground || !Enum.IsDefined(ground))
            {
                return EnforcementErrors.Invalid("ground", "不予处罚须写明依据：first-offence、minor-corrected、no-fault 或 not-established");
            }

            if (ground == NoPenaltyGround.FirstOffence && !Terms.Discretion.FirstOffenceNoPenalty)
            {
                return EnforcementErrors.Refused(EnforcementErrors.FirstOffenceNotAllowed, "本事项未列入首违不罚清单", "ground", "本事项的裁量基准不允许初次违法不予处罚（行政处罚法第三十三条第一款；国办发〔2022〕27号）");
            }

            return DiscretionFit.NotApplicable;
        }

        if (ValidatePenalty(input.Penalty, input.Circumstance, field) is { } invalid)
        {
            return invalid;
        }

        return DiscretionRules.Assess(Terms.Discretion, input.Circumstance!.Value, input.Penalty!);
    }

    /// <summary>The legal review rule at decision time: required ones exist (after the hearing, if one was held) and the latest review passed. Source: 行政处罚法 第五十八条.</summary>
    private DomainError? LegalReviewProblem(Penalty? penalty)
    {
        var hearingHeld = HearingRecord is not null;
        var latest = _legalReviews.Count == 0 ? ((long Seq, PenaltyEventData.LegallyReviewed Review)?)null : _legalReviews[^1];
        if (PenaltyRules.LegalReviewRequired(Terms.Discretion, penalty, hearingHeld) && (latest is null || (hearingHeld && latest.Value.Seq < HearingHeldSeq)))
        {
            return EnforcementErrors.Conflict(EnforcementErrors.LegalReviewRequired, "本案须经法制审核后方可决定", hearingHeld ? "the case went through a hearing: a legal review after it is required (行政处罚法第五十八条(二))" : "the item or amount is on the list of major decisions (行政处罚法第五十八条)");
        }

        return latest is { Review.Passed: false }
            ? EnforcementErrors.Conflict(EnforcementErrors.LegalReviewFailed, "法制审核未通过，不得作出决定", "the latest legal review did not pass (行政处罚法第五十八条)")
            : null;
    }

    /// <summary>The collective decision rule at decision time: one that adopted a decision binds; a required one exists (one that adopted none satisfies it). Source: 行政处罚法 第五十七条第二款.</summary>
    private DomainError? CollectiveProblem(PenaltyDecisionInput input, DiscretionFit fit)
    {
        if (CollectiveDecision is { Outcome: not null } meeting)
        {
            var same = meeting.Outcome == input.Outcome && (input.Outcome == PenaltyOutcome.Penalty
                ? meeting.Penalty == input.Penalty && meeting.Circumstance == input.Circumstance
                : meeting.Ground == input.Ground);
            return same ? null : EnforcementErrors.Conflict(EnforcementErrors.DiffersFromCollectiveDecision, "决定须与集体讨论决定一致", "the decision differs from what the collective decision adopted; hold another collective decision to change it");
        }

        var required = CollectiveDecision is null && input.Outcome == PenaltyOutcome.Penalty && PenaltyRules.CollectiveDecisionRequired(Terms, input.Circumstance!.Value, input.Penalty!, fit);
        return required
            ? EnforcementErrors.Conflict(EnforcementErrors.CollectiveDecisionRequired, "本案须经负责人集体讨论决定", "the item, a serious circumstance or a major amount requires a collective decision (行政处罚法第五十七条第二款)")
            : null;
    }
}
