namespace PowerFunctions.Domain.Cases;

/// <summary>
/// One stored, append-only event: <see cref="Seq"/> from 1, <see cref="Type"/>, <see cref="At"/> (the
/// canonical instant text, China offset, milliseconds), who and in which role, the data as stored
/// JSON, and the hash chain (<see cref="PreviousHash"/> is the previous event's <see cref="Hash"/>,
/// or <see cref="CaseChain.Genesis"/> for the first).
/// </summary>
public sealed record CaseEvent(
    long Seq,
    string Type,
    string At,
    string Actor,
    string ActorName,
    string Role,
    string Data,
    string PreviousHash,
    string Hash)
{
    public DateTimeOffset Instant => DateTimeOffset.Parse(At, System.Globalization.CultureInfo.InvariantCulture);
}
