using System.ComponentModel;

namespace PowerFunctions.Domain.Deadlines;

/// <summary>
/// The procedures whose time is not counted in a licensing limit, the one list of them: hearing (听证),
/// bidding (招标), auction (拍卖), testing (检验), inspection (检测), quarantine (检疫), appraisal (鉴定)
/// and expert review (专家评审). API codes through <see cref="Common.ApiCode{T}"/>: <c>hearing</c>, …,
/// <c>expert-review</c>; the Chinese names are printed on the suspension notice. The catalog's excluded
/// procedures, a case's <c>suspend</c> reasons and the deadline arithmetic all use this type.
/// Source: 行政许可法 第四十五条.
/// </summary>
public enum SuspensionReason
{
    [Description("听证")]
    Hearing,

    [Description("招标")]
    Bidding,

    [Description("拍卖")]
    Auction,

    [Description("检验")]
    Testing,

    [Description("检测")]
    Inspection,

    [Description("检疫")]
    Quarantine,

    [Description("鉴定")]
    Appraisal,

    [Description("专家评审")]
    ExpertReview,
}
