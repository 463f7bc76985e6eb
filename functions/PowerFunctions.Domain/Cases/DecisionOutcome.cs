using System.ComponentModel;

namespace PowerFunctions.Domain.Cases;

/// <summary>准予 or 不予: the outcome of a decision, and what a review, a vote or a joint opinion recommends. API <c>approve</c>, <c>deny</c>.</summary>
public enum DecisionOutcome
{
    [Description("准予")]
    Approve,

    [Description("不予")]
    Deny,
}
