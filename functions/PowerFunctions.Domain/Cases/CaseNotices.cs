using System.Globalization;
using PowerFunctions.Domain.Common;
using PowerFunctions.Domain.Deadlines;
using PowerFunctions.Domain.Documents;

namespace PowerFunctions.Domain.Cases;

/// <summary>
/// The written acts of a case: which document each act issues, its deterministic id, the facts it
/// carries and its legal basis. Each says each thing once: the case number, the item and the applicant
/// travel beside the document (the renderer prints them), and the wording of each kind (its statement,
/// closing and, on adverse acts, the remedies) is the app's document template; here are only the facts
/// of this act.
/// </summary>
public static class CaseNotices
{
    private const string Licensing = "《中华人民共和国行政许可法》";

    /// <summary>
    /// 受理通知书: the acceptance date, with the decision due date and the query code as its facts.
    /// Source: 行政许可法 第三十二条第一款第（五）项
    /// </summary>
    public static DocumentToIssue Acceptance(Case c, DateOnly acceptedOn, DateOnly decisionDue) =>
        new(DocumentKind.AcceptanceNotice, Id(c, "acceptance-notice"), [new("受理日期", Date(acceptedOn))], [], Licensing + "第三十二条第一款第（五）项")
        {
            Acceptance = new AcceptanceNoticeFacts(decisionDue, c.QueryCode, Deemed: false),
        };

    /// <summary>
    /// 受理通知书 of a deemed acceptance: accepted as of the receipt because no notice came within 5 wd
    /// (the template states it). Source: 行政许可法 第三十二条第一款第（四）项
    /// </summary>
    public static DocumentToIssue DeemedAcceptance(Case c, DateOnly acceptedOn, DateOnly decisionDue) =>
        new(DocumentKind.AcceptanceNotice, Id(c, "acceptance-notice"), [new("受理日期", Date(acceptedOn))], [], Licensing + "第三十二条第一款第（四）项")
        {
            Acceptance = new AcceptanceNoticeFacts(decisionDue, c.QueryCode, Deemed: true),
        };

    /// <summary>补正告知书: every missing or defective material with its name and why, at once. Source: 行政许可法 第三十二条第一款第（四）项</summary>
    public static DocumentToIssue Correction(Case c, IReadOnlyList<MissingMaterial> missing) =>
        new(
            DocumentKind.CorrectionNotice,
            Id(c, $"correction-notice-{c.ReceiptNo.ToString(CultureInfo.InvariantCulture)}"),
            [new("收件日期", Date(c.ReceiptOn))],
            missing.Select(m => $"{NameOf(c, m.Code)}（{m.Code}）：{m.Reason}").ToArray(),
            Licensing + "第三十二条第一款第（四）项");

    /// <summary>不予受理通知书 with its reason. Source: 行政许可法 第三十二条</summary>
    public static DocumentToIssue Refusal(Case c, string reason) =>
        new(DocumentKind.RefusalNotice, Id(c, "refusal-notice"), [], [reason], Licensing + "第三十二条");

    /// <summary>
    /// 特别程序告知书 (suspension): the excluded procedure, from when, and the time it is expected to take
    /// (its working days under <paramref name="calendar"/> and its last day, when known), told in writing;
    /// the note, if any, as a further paragraph. Source: 行政许可法 第四十五条
    /// </summary>
    public static DocumentToIssue Suspension(Case c, int suspensionNo, SuspensionReason reason, string? note, DateOnly from, DateOnly? expectedUntil, Calendar.IWorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return new(
            DocumentKind.SuspensionNotice,
            Id(c, $"suspension-notice-{suspensionNo.ToString(CultureInfo.InvariantCulture)}"),
            [],
            string.IsNullOrWhiteSpace(note) ? [] : [note.Trim()],
            Licensing + "第四十五条")
        {
            Suspension = new SuspensionNoticeFacts(reason, from, expectedUntil, expectedUntil is { } end ? calendar.WorkingDaysBetween(from, end) : null),
        };
    }

    /// <summary>延长行政许可期限告知书: by how much, until when, approved by whom, and why. Source: 行政许可法 第四十二条</summary>
    public static DocumentToIssue Extension(Case c, Extension extension, DateOnly dueBefore, DateOnly dueAfter) =>
        new(
            DocumentKind.ExtensionNotice,
            Id(c, "extension-notice"),
            [new("延长期限", $"{extension.WorkingDays.ToString(CultureInfo.InvariantCulture)}个工作日")],
            [extension.Reason],
            Licensing + (CaseRules.IsJoint(c.Terms) ? "第四十二条第二款" : "第四十二条第一款"))
        {
            Extension = new ExtensionNoticeFacts(dueBefore, dueAfter, extension.WorkingDays, extension.ApprovedBy),
        };

    /// <summary>
    /// 准予/不予行政许可决定书; the n-th decision of a case (after an upheld objection) has its own id.
    /// Source: 行政许可法 第三十八条
    /// </summary>
    public static DocumentToIssue Decision(Case c, DecisionOutcome outcome, string? reasons, DateOnly decidedOn)
    {
        var suffix = c.SetAsideDecisions.Count == 0 ? "decision" : $"decision-{(c.SetAsideDecisions.Count + 1).ToString(CultureInfo.InvariantCulture)}";
        var approved = outcome == DecisionOutcome.Approve;
        return new(
            approved ? DocumentKind.ApprovalDecision : DocumentKind.DenialDecision,
            Id(c, suffix),
            [new("决定日期", Date(decidedOn))],
            reasons is null ? [] : [reasons],
            Licensing + (approved ? "第三十八条第一款" : "第三十八条第二款"));
    }

    /// <summary>送达回证: what was delivered, how, to whom and when. Source: 行政许可法 第四十四条</summary>
    public static DocumentToIssue DeliveryReceipt(Case c, DeliveryMethod method, string recipient, DateOnly deliveredOn) =>
        new(
            DocumentKind.DeliveryReceipt,
            Id(c, "delivery-receipt"),
            [
                new("送达文书", c.Decision is { Outcome: DecisionOutcome.Approve } ? ApiCode<DocumentKind>.Chinese(DocumentKind.ApprovalDecision) : ApiCode<DocumentKind>.Chinese(DocumentKind.DenialDecision)),
                new("送达方式", ApiCode<DeliveryMethod>.Chinese(method)),
                new("受送达人", recipient),
                new("送达日期", Date(deliveredOn)),
            ],
            [],
            Licensing + "第四十四条");

    /// <summary>A date as printed: 2026年9月18日.</summary>
    public static string Date(DateOnly date) => date.ToString("yyyy年M月d日", CultureInfo.InvariantCulture);

    private static string Id(Case c, string suffix) => $"{c.CaseNo}-{suffix}";

    private static string NameOf(Case c, string code) => c.Terms.Materials.FirstOrDefault(m => m.Code == code)?.Name ?? code;
}
