using System.Globalization;
using System.Text.Json;
using PowerFunctions.Domain.Common;

namespace PowerFunctions.Domain.Complaints;

/// <summary>
/// The tamper-evident chain of a ticket's events (the shared <see cref="HashChain"/>, as cases have it):
/// each hash covers seq, type, instant, actor, name, role, department, data and the previous hash.
/// </summary>
public static class ComplaintChain
{
    /// <summary>Seals <paramref name="draft"/> as event <paramref name="seq"/> after <paramref name="previousHash"/>.</summary>
    public static ComplaintEvent Seal(long seq, ComplaintEventDraft draft, ComplaintActor actor, DateTimeOffset at, string previousHash)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(actor);
        var data = JsonSerializer.Serialize(draft.Data, draft.Data.GetType(), HashChain.DataOptions);
        var atText = HashChain.FormatInstant(at);
        var e = new ComplaintEvent(seq, draft.Type, atText, actor.Subject, actor.Name, actor.Role, actor.Department, data, previousHash, string.Empty);
        return e with { Hash = HashOf(e) };
    }

    /// <summary>The hash an event's fields give (its recorded <see cref="ComplaintEvent.Hash"/> aside).</summary>
    public static string HashOf(ComplaintEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return HashChain.HashOf(e.Seq.ToString(CultureInfo.InvariantCulture), e.Type, e.At, e.Actor, e.ActorName, e.Role, e.Department ?? string.Empty, e.Data, e.PreviousHash);
    }

    /// <summary>Re-walks the chain: sequence numbers from 1 without gaps, each link and each hash. Names the first broken link.</summary>
    public static ChainVerification Verify(IReadOnlyList<ComplaintEvent> events) =>
        HashChain.Verify(events, e => e.Seq, e => e.PreviousHash, e => e.Hash, HashOf);

    /// <summary>The typed data of a stored event.</summary>
    public static ComplaintEventData DataOf(ComplaintEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return (ComplaintEventData)(JsonSerializer.Deserialize(e.Data, ComplaintEventTypes.DataTypeOf(e.Type), HashChain.DataOptions)
            ?? throw new InvalidOperationException($"event {e.Seq} has no data"));
    }
}
