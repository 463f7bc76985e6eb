using PowerFunctions.Domain.Catalog;

namespace PowerFunctions.Domain.Enforcement;

/// <summary>
/// The rules of 行政处罚法 (2021) that govern a penalty case, each in one place with its source. The
/// commands of <see cref="PenaltyCase"/> and the clocks of <see cref="PenaltyDeadlines"/> call these;
/// the periods and how they count are in <see cref="PenaltyPeriods"/>, the tiers in <see cref="DiscretionRules"/>,
/// certificates in <see cref="OfficerRules"/>.
/// </summary>
public static class PenaltyRules
{
    /// <summary>Penalties are imposed by at least two certified officers. Source: 行政处罚法 第四十二条.</summary>
    public const int MinimumInvestigators = 2;

    /// <summary>A collective decision is taken by more than one head. Source: 行政处罚法 第五十七条第二款; seed 000 §5(二)6.</summary>
    public const int MinimumCollectiveAttendees = 2;

    /// <summary>An offence not discovered within 2 years is not punished. Source: 行政处罚法 第三十六条第一款.</summary>
    public const int LimitationYears = 2;

    /// <summary>5 years where the offence touches life, health or financial safety and had harmful consequences. Source: 行政处罚法 第三十六条第一款.</summary>
    public const int ExtendedLimitationYears = 5;

    /// <summary>A fine paid late adds 3% of the fine per day, never more than the fine. Source: 行政处罚法 第七十二条第一款(一).</summary>
    public const decimal LateSurchargePerDay = 0.03m;

    /// <summary>
    /// The remedies a decision states (行政处罚法 第五十九条(五)): reconsideration within 60 days
    /// (行政复议法 第二十条) or litigation within 6 months (行政诉讼法 第四十六条).
    /// </summary>
    public static IReadOnlyList<string> Remedies { get; } =
    [
        "如不服本决定，可以在收到本决定书之日起六十日内依法申请行政复议",
        "或者在收到本决定书之日起六个月内依法向人民法院提起行政诉讼",
    ];

    /// <summary>
    /// The last day the offence can still be punished: 2 years (5 in the extended case) after it ended
    /// (a continuing offence from the day it ended). Source: 行政处罚法 第三十六条.
    /// </summary>
    public static DateOnly LimitationEnds(DateOnly offenceEndedOn, bool extended) =>
        offenceEndedOn.AddYears(extended ? ExtendedLimitationYears : LimitationYears);

    /// <summary>
    /// True when the party may ask for a hearing on <paramref name="penalty"/>: a fine or confiscation of a
    /// large amount (较大数额, the benchmark's threshold for a person or an organisation), lowering a
    /// qualification, revoking or suspending a licence, ordering suspension of production, closure,
    /// restricting business or practice. Detention has its own procedure.
    /// Source: 行政处罚法 第六十三条.
    /// </summary>
    public static bool HearingAvailable(DiscretionBenchmark benchmark, Party party, Penalty penalty)
    {
        ArgumentNullException.ThrowIfNull(benchmark);
        ArgumentNullException.ThrowIfNull(party);
        ArgumentNullException.ThrowIfNull(penalty);
        if (PenaltyTypes.HasAmount(penalty.Type))
        {
            var threshold = party.IsOrganisation ? benchmark.LargeAmountForOrganisation : benchmark.LargeAmountForPerson;
            return threshold is { } large && penalty.Amount >= large;
        }

        return PenaltyTypes.Group(penalty.Type) is 3 or 4;
    }

    /// <summary>
    /// True when a legal review (法制审核) must pass before the decision: the item is on the list of major
    /// decisions, the amount reaches the item's major amount, or a hearing was held.
    /// Source: 行政处罚法 第五十八条 (including (二) 经过听证程序的); 国办发〔2018〕118号 (重大执法决定法制审核目录清单).
    /// </summary>
    public static bool LegalReviewRequired(DiscretionBenchmark benchmark, Penalty? penalty, bool hearingHeld)
    {
        ArgumentNullException.ThrowIfNull(benchmark);
        return benchmark.Major || hearingHeld || (penalty is not null && benchmark.MajorAmount is { } major && penalty.Amount >= major);
    }

    /// <summary>
    /// True when the heads must decide a penalty collectively: the item requires it, the circumstance is
    /// serious, the penalty is major (as for legal review), or it departs from the tier (which only a
    /// collective decision may do). Source: 行政处罚法 第五十七条第二款 (情节复杂或者重大违法行为); 国办发〔2022〕27号.
    /// </summary>
    public static bool CollectiveDecisionRequired(PenaltyItemTerms terms, Circumstance circumstance, Penalty penalty, DiscretionFit fit)
    {
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(penalty);
        return terms.CollectiveDecision
            || circumstance == Circumstance.Serious
            || fit == DiscretionFit.OutsideTier
            || terms.Discretion.Major
            || (terms.Discretion.MajorAmount is { } major && penalty.Amount >= major);
    }

    /// <summary>
    /// True when <paramref name="candidate"/> is heavier than <paramref name="reference"/> or not the same
    /// penalty: a heavier group of 第九条, another type of the same group (the party was not told of it),
    /// or the same type with a larger amount. A decision may not be heavier than the notice (the party was
    /// told only that, 第四十四条), and a statement never makes it heavier (第四十五条).
    /// Source: 行政处罚法 第九条, 第四十四条, 第四十五条.
    /// </summary>
    public static bool IsHeavier(Penalty candidate, Penalty reference)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(reference);
        var (c, r) = (PenaltyTypes.Group(candidate.Type), PenaltyTypes.Group(reference.Type));
        if (c != r)
        {
            return c > r;
        }

        return candidate.Type != reference.Type || candidate.Amount > reference.Amount;
    }

    /// <summary>
    /// The surcharge due with a fine paid on <paramref name="paidOn"/> when it was due on <paramref name="due"/>:
    /// 3% of the fine for each day after the due date, capped at the fine; 0 on time. Only fines (罚款) carry it.
    /// Source: 行政处罚法 第七十二条第一款(一).
    /// </summary>
    public static decimal LateSurcharge(Penalty penalty, DateOnly due, DateOnly paidOn)
    {
        ArgumentNullException.ThrowIfNull(penalty);
        if (penalty.Type != PenaltyType.Fine || paidOn <= due)
        {
            return 0m;
        }

        var days = paidOn.DayNumber - due.DayNumber;
        return Math.Min(penalty.Amount, decimal.Round(penalty.Amount * LateSurchargePerDay * days, 2, MidpointRounding.AwayFromZero));
    }
}
