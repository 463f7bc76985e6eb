namespace PowerFunctions.Domain.Common;

/// <summary>The result of re-walking an event chain: valid, or the first broken link (<see cref="BrokenAtSeq"/>) and why.</summary>
public sealed record ChainVerification(bool Valid, int Events, long? BrokenAtSeq, string? Reason, string? LastHash)
{
    public static ChainVerification Broken(int events, long seq, string reason) => new(false, events, seq, reason, null);
}
