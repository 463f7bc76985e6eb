namespace PowerFunctions.Domain.Enforcement;

/// <summary>A vote at a collective decision (API codes <c>agree</c>, <c>disagree</c>, <c>abstain</c>).</summary>
public enum Vote
{
    Agree,
    Disagree,
    Abstain,
}
