using PowerFunctions.Domain.Common;

namespace PowerFunctions.Domain.Enforcement;

/// <summary>Opening (立案) and investigation (调查).</summary>
public sealed partial class PenaltyCase
{
    /// <summary>The longest facts, evidence, statement or record text accepted.</summary>
    public const int MaxTextLength = 10000;

    /// <summary>
    /// Opens a case ex officio (立案) from an inspection, a complaint ticket or a referral, by an officer
    /// certified for the item's department; an offence past the limitation period cannot be opened.
    /// Source: 行政处罚法 第五十四条 (立案), 第四十二条 (执法人员), 第三十六条 (追责时效).
    /// </summary>
    public static Result<PenaltyEventDraft> Open(
        PenaltyItemTerms terms,
        Party party,
        string? facts,
        PenaltySource? source,
        DateOnly? offenceEndedOn,
        bool extendedLimitation,
        Officer? opener,
        EnforcementContext context)
    {
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(party);
        ArgumentNullException.ThrowIfNull(context);
        if (OfficerRules.Check(opener, opener?.Name ?? "the opening officer", terms.DepartmentCode, context.Today, terms.Discretion.Field) is { } noCertificate)
        {
            return noCertificate;
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(facts) || facts.Length > MaxTextLength)
        {
            errors["facts"] = [$"须写明涉嫌违法的事实（不超过{MaxTextLength}字）"];
        }

        if (source is null || !Enum.IsDefined(source.Kind))
        {
            errors["source"] = ["案件来源须为 inspection（检查）、complaint（投诉举报）或 referral（移送）"];
        }
        else if (source.Kind != PenaltySourceKind.Inspection && string.IsNullOrWhiteSpace(source.Reference))
        {
            errors["source.reference"] = [source.Kind == PenaltySourceKind.Complaint ? "投诉举报来源须写明工单编号" : "移送来源须写明移送机关及移送函"];
        }

        if (offenceEndedOn is { } ended && ended > context.Today)
        {
            errors["offenceEndedOn"] = ["违法行为终了日期不能晚于今天"];
        }

        if (errors.Count > 0)
        {
            return EnforcementErrors.Invalid(errors);
        }

        if (offenceEndedOn is { } end && context.Today > PenaltyRules.LimitationEnds(end, extendedLimitation))
        {
            return EnforcementErrors.Refused(
                EnforcementErrors.LimitationExpired,
                "违法行为已过追责时效，不再给予行政处罚",
                "offenceEndedOn",
                $"违法行为于 {end:yyyy-MM-dd} 终了，{(extendedLimitation ? PenaltyRules.ExtendedLimitationYears : PenaltyRules.LimitationYears)} 年内未被发现（行政处罚法第三十六条）");
        }

        var reference = string.IsNullOrWhiteSpace(source!.Reference) ? null : source.Reference.Trim();
        return new PenaltyEventDraft(new PenaltyEventData.Opened(
            terms, party, facts!.Trim(), source with { Reference = reference }, offenceEndedOn, extendedLimitation, OfficerRef.Of(opener!), context.Today));
    }

    /// <summary>
    /// An investigation by at least two different officers, each certified for the department on the
    /// day (the app passes the register entries it found for <paramref name="officerSubjects"/> in
    /// <paramref name="register"/>), with the evidence gathered; the officer recording it is certified too.
    /// Source: 行政处罚法 第四十二条 (不得少于两人), 第五十五条 (出示执法证件).
    /// </summary>
    public Result<PenaltyEventDraft> Investigate(IReadOnlyList<string>? officerSubjects, IReadOnlyCollection<Officer> register, string? evidence, Officer? actor, EnforcementContext context)
    {
        ArgumentNullException.ThrowIfNull(register);
        ArgumentNullException.ThrowIfNull(context);
        if (Check(PenaltyAction.Investigate, actor, context.Today) is { } error)
        {
            return error;
        }

        var subjects = (officerSubjects ?? []).Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s.Trim()).Distinct(StringComparer.Ordinal).ToArray();
        if (subjects.Length < PenaltyRules.MinimumInvestigators || subjects.Length != (officerSubjects?.Count ?? 0))
        {
            return EnforcementErrors.Refused(EnforcementErrors.TooFewOfficers, "调查须由两名以上执法人员进行", "officers", $"须列明 {PenaltyRules.MinimumInvestigators} 名以上不同的执法人员（行政处罚法第四十二条）");
        }

        var officers = new List<OfficerRef>();
        foreach (var subject in subjects)
        {
            var officer = register.FirstOrDefault(o => string.Equals(o.Subject, subject, StringComparison.Ordinal));
            if (OfficerRules.Check(officer, officer?.Name ?? subject, Terms.DepartmentCode, context.Today, Terms.Discretion.Field) is { } noCertificate)
            {
                return noCertificate;
            }

            officers.Add(OfficerRef.Of(officer!));
        }

        if (string.IsNullOrWhiteSpace(evidence) || evidence.Length > MaxTextLength)
        {
            return EnforcementErrors.Invalid("evidence", $"须写明调查取得的证据（不超过{MaxTextLength}字）");
        }

        return new PenaltyEventDraft(new PenaltyEventData.Investigated(officers, evidence.Trim(), context.Today));
    }
}
