using PowerFunctions.Domain.Catalog;

namespace PowerFunctions.Domain.Enforcement;

/// <summary>
/// A decision as asked for (by <c>decide</c>, or adopted by a collective decision): the outcome, and for a
/// penalty the penalty and the circumstance found, for no penalty its ground; the reasons.
/// </summary>
public sealed record PenaltyDecisionInput(
    PenaltyOutcome Outcome,
    Penalty? Penalty,
    Circumstance? Circumstance,
    NoPenaltyGround? Ground,
    string? Reasons);
