using PowerFunctions.Domain.Calendar;
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

    /// <summary>
    /// Approvals of publicised items are posted; denials, items not publicised and 涉密 items are not.
    /// Source: seed 000 §5(二)7; seed 001 §四(一)3 (<see cref="CatalogVisibility"/>)
    /// </summary>
    public static bool GoesToPublicity(ItemTerms terms, DecisionOutcome outcome) =>
        outcome == DecisionOutcome.Approve && terms.Publicised && CatalogVisibility.IsPublic(terms);

    /// <summary>Results of items not publicised and of 涉密 items are withheld from the portal. Source: seed 002 (监督检查办法 第十三条); seed 001 §四(一)3</summary>
    public static bool ResultWithheld(ItemTerms terms) => !terms.Publicised || !CatalogVisibility.IsPublic(terms);

    /// <summary>Where the item requires it, a signed site-inspection record precedes the decision. Source: seed 000 §5(二)6</summary>
    public static bool SiteInspectionRequired(ItemTerms terms) => terms.SiteInspection;

    /// <summary>
    /// What a collective decision resolved: the outcome more than half of the attendees voted for
    /// (少数服从多数; an abstention counts against both), or null when neither has such a majority and
    /// the meeting decided nothing. The decision that follows must be that outcome.
    /// Source: seed 000 §5(二)6, (三)1 (集体讨论决定)
    /// </summary>
    public static DecisionOutcome? CollectiveMajority(CaseEventData.CollectiveDecided meeting)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        var attendees = meeting.Attendees.Count;
        if (meeting.Votes.Count(v => v.Vote == Vote.Approve) * 2 > attendees)
        {
            return DecisionOutcome.Approve;
        }

        return meeting.Votes.Count(v => v.Vote == Vote.Deny) * 2 > attendees ? DecisionOutcome.Deny : null;
    }

    /// <summary>The id of the <paramref name="n"/>-th objection of a case (from 1): <c>o-1</c>, <c>o-2</c>, …</summary>
    public static string ObjectionId(int n) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"o-{n}");

    /// <summary>True for an item several departments handle jointly (one case, the lead receives and delivers). Source: 行政许可法 第二十六条</summary>
    public static bool IsJoint(ItemTerms terms) => terms.JointHandling is not null;

    /// <summary>The joint departments whose opinion is not on record yet; the decision waits for every one. Source: 行政许可法 第二十六条</summary>
    public static IReadOnlyList<JointDepartment> JointOpinionsMissing(ItemTerms terms, IEnumerable<JointOpinion> given)
    {
        var done = given.Select(o => o.Department).ToHashSet(StringComparer.Ordinal);
        return (terms.JointHandling?.Departments ?? []).Where(d => !done.Contains(d.Code)).ToArray();
    }

    /// <summary>
    /// An immediate item (即办件) is decided on the spot: its decision is due on the day of receipt, or,
    /// when the application arrived on a day off (online), on the next working day.
    /// Source: seed 000 §5 (即办件 当场办结); 民法典 第二百零三条
    /// </summary>
    public static DateOnly ImmediateDecisionDay(IWorkingCalendar calendar, DateOnly receiptOn)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return calendar.AddCalendarDays(receiptOn, 0).Date;
    }

    /// <summary>
    /// Every required material of the item that <paramref name="materials"/> lacks. An application
    /// lacking some is received all the same, and the one correction notice names at least these.
    /// Source: 行政许可法 第三十二条
    /// </summary>
    public static IReadOnlyList<MaterialRef> MissingRequired(ItemTerms terms, IEnumerable<MaterialRef> materials)
    {
        var given = materials.Select(m => m.Code).ToHashSet(StringComparer.Ordinal);
        return terms.Materials.Where(m => m.Required && !given.Contains(m.Code)).Select(m => new MaterialRef(m.Code, m.Name)).ToArray();
    }
}
