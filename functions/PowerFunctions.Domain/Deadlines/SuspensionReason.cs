namespace PowerFunctions.Domain.Deadlines;

/// <summary>
/// The procedures whose time is not counted in a licensing limit: hearing (听证), bidding (招标),
/// auction (拍卖), testing (检验), inspection (检测), quarantine (检疫), appraisal (鉴定) and expert
/// review (专家评审). API codes kebab-case: <c>hearing</c>, …, <c>expert-review</c>.
/// Source: 行政许可法 第四十五条.
/// </summary>
public enum SuspensionReason
{
    Hearing,
    Bidding,
    Auction,
    Testing,
    Inspection,
    Quarantine,
    Appraisal,
    ExpertReview,
}
