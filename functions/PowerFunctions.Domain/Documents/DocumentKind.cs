using System.ComponentModel;

namespace PowerFunctions.Domain.Documents;

/// <summary>
/// The written acts the system issues, sealed (API <c>documentType</c>, kebab case through
/// <see cref="Common.ApiCode{T}"/>: <c>acceptance-notice</c>, …). The Chinese name is the document's title.
/// </summary>
public enum DocumentKind
{
    /// <summary>Acceptance, in writing with seal and date (行政许可法 第三十二条).</summary>
    [Description("受理通知书")]
    AcceptanceNotice,

    /// <summary>Refusal to accept, with reasons (行政许可法 第三十二条).</summary>
    [Description("不予受理通知书")]
    RefusalNotice,

    /// <summary>The one correction notice listing everything missing (行政许可法 第三十二条).</summary>
    [Description("补正告知书")]
    CorrectionNotice,

    [Description("准予行政许可决定书")]
    ApprovalDecision,

    /// <summary>A denial with reasons and remedies (行政许可法 第三十八条).</summary>
    [Description("不予行政许可决定书")]
    DenialDecision,

    [Description("送达回证")]
    DeliveryReceipt,

    /// <summary>The excluded procedure and its expected time, told in writing (行政许可法 第四十五条).</summary>
    [Description("特别程序告知书")]
    SuspensionNotice,

    /// <summary>The extension and its reasons, told to the applicant (行政许可法 第四十二条).</summary>
    [Description("延长行政许可期限告知书")]
    ExtensionNotice,

    /// <summary>An order to rectify by a date (seed 002, 004).</summary>
    [Description("整改通知书")]
    RectificationNotice,
}
