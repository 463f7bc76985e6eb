using PowerFunctions.Domain.Catalog;

namespace PowerFunctions.Domain.Cases;

/// <summary>
/// The rules of the law that govern a case, each in one place with its source. Commands in
/// <see cref="Case"/> and the deadline computation in <see cref="CaseDeadlines"/> call these.
/// </summary>
public static class CaseRules
{
    /// <summary>
    /// Incomplete materials are notified within 5 wd of receipt, everything at once; if not, the
    /// application counts as accepted on the day it was received.
    /// Source: 行政许可法 第三十二条
    /// </summary>
    public const int CorrectionNoticeWorkingDays = 5;

    /// <summary>An approval is posted for one week (7 cd); the last day rolls to a working day. Source: seed 000 §5(二)7</summary>
    public const int PublicityCalendarDays = 7;

    /// <summary>After approval (after publicity) the decision is delivered within 10 wd. Source: 行政许可法 第四十四条; seed 000 §5(二)8</summary>
    public const int DeliveryWorkingDays = 10;

    /// <summary>Results are published on the portal within 10 days of delivery. Source: seed 002 (监督检查办法 第十三条)</summary>
    public const int ResultPublicationWorkingDays = 10;

    /// <summary>A site inspection is done by two or more named staff, with a signed report. Source: seed 000 §5(二)6</summary>
    public const int MinimumInspectors = 2;

    /// <summary>A collective meeting needs at least this many attendees to be collective. Source: seed 000 §5(二)6, (三)1</summary>
    public const int MinimumCollectiveAttendees = 2;

    /// <summary>
    /// A denial states its reasons and tells the applicant of the right to administrative
    /// reconsideration or litigation. Source: 行政许可法 第三十八条第二款
    /// </summary>
    public static IReadOnlyList<string> DenialRemedies { get; } =
    [
        "如不服本决定，可自收到本决定书之日起六十日内依法申请行政复议",
        "或者自收到本决定书之日起六个月内依法向人民法院提起行政诉讼",
    ];

    /// <summary>The procedures whose time is not counted in the decision limit. Source: 行政许可法 第四十五条</summary>
    public static IReadOnlyList<string> SuspensionReasons { get; } =
        ["expert-review", "testing", "inspection", "quarantine", "appraisal", "hearing", "bidding", "auction"];

    /// <summary>Formal review by one reviewer; substantive review by A角 and B角. Source: seed 000 §5(二)6</summary>
    public static IReadOnlyList<string> ReviewRolesRequired(ItemTerms terms) => terms.Substantive ? ["A", "B"] : ["A"];

    /// <summary>A and B are two different people. Source: seed 000 §5(二)6</summary>
    public static bool ReviewersMustDiffer => true;

    /// <summary>Where the item separates acceptance from handling (接办分离), reviewers differ from the acceptor. Source: seed 000 §5(二)6</summary>
    public static bool ReviewerMayNotBeAcceptor(ItemTerms terms) => terms.SeparateAcceptance;

    /// <summary>Discretionary matters go to a collective decision before the decision. Source: seed 000 §5(二)6, (三)1</summary>
    public static bool CollectiveDecisionRequired(ItemTerms terms) => terms.CollectiveDecision;

    /// <summary>Items that require an expert review have it before the decision. Source: 行政许可法 第四十五条; seed 000 §5(三)2</summary>
    public static bool ExpertReviewRequired(ItemTerms terms) => terms.ExpertReview;

    /// <summary>Approvals of publicised items are posted; confidential items and denials are not. Source: seed 000 §5(二)7</summary>
    public static bool GoesToPublicity(ItemTerms terms, bool approved) => approved && terms.Publicised;

    /// <summary>Results of confidential items are withheld from the portal. Source: seed 002 (监督检查办法 第十三条)</summary>
    public static bool ResultWithheld(ItemTerms terms) => !terms.Publicised;

    /// <summary>Every required material of the item that <paramref name="materials"/> lacks (listed all at once). Source: 行政许可法 第三十二条</summary>
    public static IReadOnlyList<MaterialTerm> MissingRequired(ItemTerms terms, IEnumerable<MaterialRef> materials)
    {
        var given = materials.Select(m => m.Code).ToHashSet(StringComparer.Ordinal);
        return terms.Materials.Where(m => m.Required && !given.Contains(m.Code)).ToArray();
    }
}
