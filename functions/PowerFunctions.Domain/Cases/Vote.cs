using System.ComponentModel;

namespace PowerFunctions.Domain.Cases;

/// <summary>One attendee's vote at a collective decision. API <c>approve</c>, <c>deny</c>, <c>abstain</c>.</summary>
public enum Vote
{
    [Description("同意准予")]
    Approve,

    [Description("不同意")]
    Deny,

    [Description("弃权")]
    Abstain,
}
