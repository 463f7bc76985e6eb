namespace PowerFunctions.Domain.Cases;

/// <summary>
/// An objection filed during publicity (<see cref="Id"/> <c>o-1</c>, <c>o-2</c>, … in the order filed),
/// shown to the decider, and the decider's answer once given.
/// </summary>
public sealed record Objection(string Id, string Name, string Contact, string Content, DateTimeOffset At, ObjectionFinding? Finding = null, string? Answer = null, DateOnly? AnsweredOn = null)
{
    /// <summary>True until the decider has answered it.</summary>
    public bool IsOpen => Finding is null;
}
