using PowerFunctions.Domain.Catalog;
using PowerFunctions.Domain.Common;

namespace PowerFunctions.Domain.Enforcement;

/// <summary>Prior notice (告知), the party's statement, and the hearing (听证).</summary>
public sealed partial class PenaltyCase
{
    /// <summary>
    /// 告知: the proposed penalty with the facts, reasons, basis and the party's rights (statement,
    /// defence, and a hearing within 5 days where 第六十三条 gives one), as a sealed notice. The penalty
    /// stays within the tier of the circumstance unless a collective decision adopted it with reasons, and
    /// always within the law (an amount beyond the law is outside every tier, so it answers
    /// <c>enforcement.outside_discretion</c> first); after a statement a new notice may not be heavier than the last one.
    /// Source: 行政处罚法 第四十四条, 第四十五条, 第六十三条, 第六十四条(一); 国办发〔2022〕27号.
    /// </summary>
    public Result<PenaltyEventDraft> Notify(Penalty? proposed, Circumstance? circumstance, string? reasons, Officer? actor, EnforcementContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (Check(PenaltyAction.Notify, actor, context.Today) is { } error)
        {
            return error;
        }

        if (ValidatePenalty(proposed, circumstance, "proposed") is { } invalid)
        {
            return invalid;
        }

        if (reasons is { Length: > MaxTextLength })
        {
            return EnforcementErrors.Invalid("reasons", $"理由不超过{MaxTextLength}字");
        }

        var penalty = proposed!;
        var found = circumstance!.Value;
        var fit = DiscretionRules.Assess(Terms.Discretion, found, penalty);
        if (fit == DiscretionFit.OutsideTier && !CollectiveDeparture(penalty, found))
        {
            return OutsideDiscretion(found, penalty, "proposed");
        }

        if (!DiscretionRules.InLegalRange(Terms.Discretion, penalty))
        {
            return OutsideLegalRange("proposed");
        }

        if (LastNotice is { } previous && _statements.Count > 0 && PenaltyRules.IsHeavier(penalty, previous.Proposed))
        {
            return EnforcementErrors.Refused(
                EnforcementErrors.HeavierAfterStatement,
                "不得因当事人陈述、申辩而给予更重的处罚",
                "proposed",
                $"当事人已陈述申辩，拟处罚不得重于此前告知的{previous.Proposed.ToChinese()}（行政处罚法第四十五条）");
        }

        var hearing = PenaltyRules.HearingAvailable(Terms.Discretion, Party, penalty);
        var replyUntil = PenaltyPeriods.End(context.Calendar, context.Today, PenaltyPeriods.HearingRequestDays).Date;
        var notified = new PenaltyEventData.Notified(_notices.Count + 1, penalty, found, string.IsNullOrWhiteSpace(reasons) ? null : reasons.Trim(), hearing, replyUntil, context.Today);
        return new PenaltyEventDraft(notified, PenaltyTexts.Notice(this, notified));
    }

    /// <summary>
    /// The party's statement and defence (陈述、申辩), or its express waiver; in the reply window it may also
    /// waive the hearing. Source: 行政处罚法 第四十五条, 第六十二条.
    /// </summary>
    public Result<PenaltyEventDraft> RecordStatement(string? text, bool waivesStatement, bool waivesHearing, Officer? actor, EnforcementContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (Check(PenaltyAction.Statement, actor, context.Today) is { } error)
        {
            return error;
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(text) && !waivesStatement)
        {
            errors["text"] = ["须记录当事人的陈述、申辩，或者当事人明确放弃陈述、申辩"];
        }
        else if (text is { Length: > MaxTextLength })
        {
            errors["text"] = [$"陈述、申辩不超过{MaxTextLength}字"];
        }

        if (waivesHearing && (State != PenaltyState.Notified || LastNotice is not { HearingAvailable: true }))
        {
            errors["waivesHearing"] = ["只有在告知期间、当事人享有听证权利时才能记录放弃听证"];
        }

        if (errors.Count > 0)
        {
            return EnforcementErrors.Invalid(errors);
        }

        return new PenaltyEventDraft(new PenaltyEventData.StatementMade(string.IsNullOrWhiteSpace(text) ? null : text.Trim(), waivesStatement, waivesHearing, context.Today));
    }

    /// <summary>
    /// The party asks for a hearing within 5 working days of the notice. Where 第六十三条 gives the right the
    /// department must hold it; where it does not, recording the request is the department granting a
    /// hearing it may hold (nothing forbids hearing the party more), marked <c>entitled: false</c>. Either way
    /// the same hearing procedure follows. Source: 行政处罚法 第六十三条, 第六十四条(一), 第八十五条.
    /// </summary>
    public Result<PenaltyEventDraft> RequestHearing(Officer? actor, EnforcementContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (Check(PenaltyAction.RequestHearing, actor, context.Today) is { } error)
        {
            return error;
        }

        var notice = LastNotice!;
        if (context.Today > notice.ReplyUntil)
        {
            return EnforcementErrors.Conflict(EnforcementErrors.HearingRequestLate, "已超过要求听证的期限", $"a hearing had to be requested by {notice.ReplyUntil:yyyy-MM-dd} (5 working days after the notice, 行政处罚法第六十四条、第八十五条)");
        }

        return new PenaltyEventDraft(new PenaltyEventData.HearingRequested(context.Today, notice.HearingAvailable));
    }

    /// <summary>
    /// The hearing notice: a date at least 7 working days after the party is told, a place, the presiding
    /// officer — who did not investigate the case — or, when not yet named, the promise to name one before
    /// the hearing (the party may still ask for recusal then), held in public unless it involves state
    /// secrets, trade secrets or personal privacy (then the reason is recorded). A hearing may be
    /// re-scheduled on the same terms.
    /// Source: 行政处罚法 第六十四条(二)(三)(四), 第八十五条.
    /// </summary>
    public Result<PenaltyEventDraft> ScheduleHearing(DateOnly? date, string? place, string? presidingSubject, string? presidingName, bool isPublic, string? closedReason, Officer? actor, EnforcementContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (Check(PenaltyAction.ScheduleHearing, actor, context.Today) is { } error)
        {
            return error;
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (date is null)
        {
            errors["date"] = ["须写明听证日期"];
        }

        if (string.IsNullOrWhiteSpace(place) || place.Length > 200)
        {
            errors["place"] = ["须写明听证地点"];
        }

        if (!isPublic && string.IsNullOrWhiteSpace(closedReason))
        {
            errors["closedReason"] = ["不公开举行听证的，须写明涉及国家秘密、商业秘密或者个人隐私的理由"];
        }

        if (errors.Count > 0)
        {
            return EnforcementErrors.Invalid(errors);
        }

        var (presidingSub, presidingShown) = Presiding(presidingSubject, presidingName);
        if (PresidingProblem(presidingSub, presidingShown) is { } presidingError)
        {
            return presidingError;
        }

        var earliest = EarliestHearingDate(context.Calendar, context.Today);
        if (date!.Value < earliest)
        {
            return EnforcementErrors.Refused(
                EnforcementErrors.HearingNoticeTooShort,
                "听证须在举行七日前通知当事人",
                "date",
                $"今天通知的听证最早于 {earliest:yyyy-MM-dd} 举行（七个工作日，行政处罚法第六十四条、第八十五条）");
        }

        var scheduled = new PenaltyEventData.HearingScheduled(date.Value, place!.Trim(), presidingSub, presidingShown, isPublic, isPublic ? null : closedReason!.Trim(), context.Today);
        return new PenaltyEventDraft(scheduled, PenaltyTexts.HearingNotice(this, scheduled));
    }

    /// <summary>
    /// The hearing held on or after its date, with its record; the party (or its agent) signs it, or
    /// the presiding officer notes the refusal. A party who does not appear without good reason is taken
    /// to waive the hearing, which ends. The presiding officer is the one named here, else the one of the
    /// notice; either way not an investigator. Source: 行政处罚法 第六十四条(四)(六)(七)(八), 第六十五条.
    /// </summary>
    public Result<PenaltyEventDraft> HoldHearing(string? record, bool partyAppeared, bool signedByParty, string? refusalNote, Officer? actor, EnforcementContext context, string? presidingSubject = null, string? presidingName = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (Check(PenaltyAction.HoldHearing, actor, context.Today) is { } error)
        {
            return error;
        }

        if (context.Today < Hearing!.Date)
        {
            return EnforcementErrors.Conflict(EnforcementErrors.HearingNotYet, "尚未到通知的听证日期", $"the party was notified of the hearing for {Hearing.Date:yyyy-MM-dd} (seven working days' notice, 行政处罚法第六十四条(二)、第八十五条): hold it then, or notify another date with schedule-hearing");
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(record) || record.Length > MaxTextLength)
        {
            errors["record"] = [$"须提交听证笔录（不超过{MaxTextLength}字）"];
        }

        if (partyAppeared && !signedByParty && string.IsNullOrWhiteSpace(refusalNote))
        {
            errors["signedByParty"] = ["听证笔录须经当事人或者其代理人签字或者盖章；拒绝签字的，由主持人在笔录中注明"];
        }

        if (errors.Count > 0)
        {
            return EnforcementErrors.Invalid(errors);
        }

        var (sub, shown) = string.IsNullOrWhiteSpace(presidingSubject) && string.IsNullOrWhiteSpace(presidingName)
            ? (Hearing.PresidingSubject, Hearing.PresidingName)
            : Presiding(presidingSubject, presidingName);
        if (PresidingProblem(sub, shown) is { } presidingError)
        {
            return presidingError;
        }

        var held = new PenaltyEventData.HearingHeld(record!.Trim(), partyAppeared, partyAppeared && signedByParty, partyAppeared && !signedByParty ? refusalNote!.Trim() : null, context.Today, sub, shown);
        return new PenaltyEventDraft(held, PenaltyTexts.HearingRecord(this, held));
    }

    /// <summary>The first date a hearing notified on <paramref name="notifiedOn"/> may be held: 7 working days later. Source: 行政处罚法 第六十四条(二), 第八十五条.</summary>
    public static DateOnly EarliestHearingDate(Calendar.IWorkingCalendar calendar, DateOnly notifiedOn) =>
        PenaltyPeriods.End(calendar, notifiedOn, PenaltyPeriods.HearingNoticeDays).Date;

    /// <summary>A penalty and a circumstance as the API must give them: a known type, an amount only for monetary types, a circumstance that has a tier.</summary>
    private static DomainError? ValidatePenalty(Penalty? penalty, Circumstance? circumstance, string field)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (penalty is null || !Enum.IsDefined(penalty.Type))
        {
            errors[$"{field}.type"] = ["须写明处罚种类"];
        }
        else if (PenaltyTypes.HasAmount(penalty.Type) ? penalty.Amount <= 0 || decimal.Round(penalty.Amount, 2) != penalty.Amount : penalty.Amount != 0)
        {
            errors[$"{field}.amount"] = [PenaltyTypes.HasAmount(penalty.Type) ? "数额须大于0，以元为单位、至多两位小数" : $"{PenaltyTypes.ChineseName(penalty.Type)}没有数额，须为0"];
        }

        if (circumstance is null || !Enum.IsDefined(circumstance.Value))
        {
            errors["circumstance"] = ["须写明认定的情节：minor、ordinary 或 serious"];
        }
        else if (circumstance == Circumstance.FirstOffence)
        {
            errors["circumstance"] = ["首违不罚以不予处罚决定（outcome no-penalty，ground first-offence）作出，不告知处罚"];
        }

        return errors.Count > 0 ? EnforcementErrors.Invalid(errors) : null;
    }

    private DomainError OutsideLegalRange(string field) => EnforcementErrors.Refused(
        EnforcementErrors.OutsideLegalRange,
        "处罚超出法定种类或幅度",
        field,
        $"罚没数额须在法定幅度 {Terms.Discretion.LegalMinimum}–{Terms.Discretion.LegalMaximum} 元之内（{Terms.Discretion.Source}）");

    private DomainError OutsideDiscretion(Circumstance circumstance, Penalty penalty, string field)
    {
        var tier = Terms.Discretion.TierFor(circumstance);
        var range = tier is null ? "无处罚档次" : PenaltyTypes.HasAmount(tier.Type) ? $"{PenaltyTypes.ChineseName(tier.Type)} {tier.Minimum}–{tier.Maximum} 元" : PenaltyTypes.ChineseName(tier.Type);
        var beyondLaw = DiscretionRules.InLegalRange(Terms.Discretion, penalty)
            ? "突破档次须经集体讨论通过并记录理由"
            : $"且超出法定幅度 {Terms.Discretion.LegalMinimum}–{Terms.Discretion.LegalMaximum} 元，任何情况下均不得作出";
        return EnforcementErrors.Refused(
            EnforcementErrors.OutsideDiscretion,
            "处罚超出认定情节对应的裁量基准档次",
            field,
            $"{penalty.ToChinese()}不在“{DiscretionBenchmarkRules.ChineseName(circumstance)}”情节的档次 {range} 之内；{beyondLaw}（国办发〔2022〕27号）");
    }

    /// <summary>A presiding officer as given: the subject and the name shown (the name defaults to the subject); both null when none is named.</summary>
    private static (string? Subject, string? Name) Presiding(string? subject, string? name)
    {
        var sub = string.IsNullOrWhiteSpace(subject) ? null : subject.Trim();
        var shown = string.IsNullOrWhiteSpace(name) ? sub : name.Trim();
        return (sub, shown);
    }

    /// <summary>403 when the presiding officer investigated the case (by subject, or by name). Source: 行政处罚法 第六十四条(四).</summary>
    private DomainError? PresidingProblem(string? subject, string? name)
    {
        var investigated = (subject is not null && Investigators.Contains(subject))
            || (name is not null && _investigations.SelectMany(i => i.Officers).Any(o => o.Name == name));
        return investigated
            ? EnforcementErrors.Forbidden(EnforcementErrors.PresidingIsInvestigator, "听证主持人不得由本案调查人员担任", $"{name ?? subject} investigated this case (行政处罚法第六十四条(四))")
            : null;
    }

    /// <summary>True when the last collective decision adopted exactly this penalty for this circumstance and recorded why it departs from the tier.</summary>
    private bool CollectiveDeparture(Penalty penalty, Circumstance circumstance) =>
        CollectiveDecision is { Outcome: PenaltyOutcome.Penalty, DepartureReason: not null } c && c.Penalty == penalty && c.Circumstance == circumstance;
}
