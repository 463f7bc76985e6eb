namespace PowerFunctions.Domain.Complaints;

/// <summary>
/// One stored, append-only ticket event: <see cref="Seq"/> from 1, <see cref="Type"/>, <see cref="At"/> (the
/// canonical instant text, China offset, milliseconds), who, in which role and for which department, the
/// data as stored JSON, and the hash chain (<see cref="PreviousHash"/> is the previous event's
/// <see cref="Hash"/>, or <see cref="Common.HashChain.Genesis"/> for the first).
/// </summary>
public sealed record ComplaintEvent(
    long Seq,
    string Type,
    string At,
    string Actor,
    string ActorName,
    string Role,
    string? Department,
    string Data,
    string PreviousHash,
    string Hash)
{
    public DateTimeOffset Instant => DateTimeOffset.Parse(At, System.Globalization.CultureInfo.InvariantCulture);
}
