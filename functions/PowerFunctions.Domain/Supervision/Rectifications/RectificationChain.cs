using System.Globalization;
using System.Text.Json;
using PowerFunctions.Domain.Common;

namespace PowerFunctions.Domain.Supervision.Rectifications;

/// <summary>The tamper-evident chain of a notice's events (the shared <see cref="HashChain"/>, as cases and tickets have it).</summary>
public static class RectificationChain
{
    public static RectificationEvent Seal(long seq, RectificationEventDraft draft, SupervisionActor actor, DateTimeOffset at, string previousHash)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(actor);
        var data = JsonSerializer.Serialize(draft.Data, draft.Data.GetType(), HashChain.DataOptions);
        var e = new RectificationEvent(seq, draft.Type, HashChain.FormatInstant(at), actor.Subject, actor.Name, actor.KindCode, actor.Department, data, previousHash, string.Empty);
        return e with { Hash = HashOf(e) };
    }

    public static string HashOf(RectificationEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return HashChain.HashOf(e.Seq.ToString(CultureInfo.InvariantCulture), e.Type, e.At, e.Actor, e.ActorName, e.ActorKind, e.Department ?? string.Empty, e.Data, e.PreviousHash);
    }

    public static ChainVerification Verify(IReadOnlyList<RectificationEvent> events) =>
        HashChain.Verify(events, e => e.Seq, e => e.PreviousHash, e => e.Hash, HashOf);

    public static RectificationEventData DataOf(RectificationEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return (RectificationEventData)(JsonSerializer.Deserialize(e.Data, RectificationEventTypes.DataTypeOf(e.Type), HashChain.DataOptions)
            ?? throw new InvalidOperationException($"event {e.Seq} has no data"));
    }
}
