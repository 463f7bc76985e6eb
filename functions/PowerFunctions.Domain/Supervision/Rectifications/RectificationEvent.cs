namespace PowerFunctions.Domain.Supervision.Rectifications;

/// <summary>
/// One stored, append-only rectification event: <see cref="Seq"/> from 1, <see cref="Type"/>, <see cref="At"/> (the
/// canonical instant text), who (subject, name, actor kind, department), the data as stored JSON and the hash chain.
/// </summary>
public sealed record RectificationEvent(
    long Seq,
    string Type,
    string At,
    string Actor,
    string ActorName,
    string ActorKind,
    string? Department,
    string Data,
    string PreviousHash,
    string Hash)
{
    public DateTimeOffset Instant => DateTimeOffset.Parse(At, System.Globalization.CultureInfo.InvariantCulture);
}
