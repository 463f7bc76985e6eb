namespace PowerFunctions.Domain.Enforcement;

/// <summary>
/// What the head decides once the investigation ends (行政处罚法 第五十七条第一款): a penalty (一), or no
/// penalty (二)(三) for a <see cref="NoPenaltyGround"/>. API codes <c>penalty</c>, <c>no-penalty</c>.
/// </summary>
public enum PenaltyOutcome
{
    Penalty,
    NoPenalty,
}
