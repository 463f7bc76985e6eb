using System.ComponentModel;

namespace PowerFunctions.Domain.Cases;

/// <summary>The decider's finding on an objection raised during publicity. API <c>upheld</c>, <c>dismissed</c>.</summary>
public enum ObjectionFinding
{
    /// <summary>The objection holds: publicity ends and the case returns to review.</summary>
    [Description("异议成立")]
    Upheld,

    /// <summary>The objection does not hold: the approval stands.</summary>
    [Description("异议不成立")]
    Dismissed,
}
