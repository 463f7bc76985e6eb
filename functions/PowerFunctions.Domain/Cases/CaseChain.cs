using System.Text.Json;
using System.Text.Json.Serialization;
using PowerFunctions.Domain.Common;

namespace PowerFunctions.Domain.Cases;

/// <summary>
/// The tamper-evident chain of a case's events (the shared <see cref="HashChain"/>): each event's hash is
/// the SHA-256 of its own fields and the previous event's hash. Changing, removing or reordering any
/// stored event breaks every link after it.
/// </summary>
public static class CaseChain
{
    /// <summary>What the first event links to.</summary>
    public const string Genesis = HashChain.Genesis;

    /// <summary>
    /// The JSON of event data: the shared <see cref="HashChain.DataOptions"/> (camelCase, dates as
    /// yyyy-MM-dd, Chinese unescaped) with enums as their API codes (numbers written by earlier versions
    /// still read). Deterministic for one data value.
    /// </summary>
    public static JsonSerializerOptions DataOptions { get; } = CreateOptions();

    /// <summary>The canonical instant text stored and hashed: China offset, milliseconds.</summary>
    public static string FormatInstant(DateTimeOffset at) => HashChain.FormatInstant(at);

    /// <summary>Seals <paramref name="draft"/> as event <paramref name="seq"/> after <paramref name="previousHash"/>.</summary>
    public static CaseEvent Seal(long seq, CaseEventDraft draft, CaseActor actor, DateTimeOffset at, string previousHash)
    {
        var data = JsonSerializer.Serialize(draft.Data, draft.Data.GetType(), DataOptions);
        var atText = FormatInstant(at);
        var hash = HashOf(seq, draft.Type, atText, actor.Subject, actor.Name, actor.Role, data, previousHash);
        return new CaseEvent(seq, draft.Type, atText, actor.Subject, actor.Name, actor.Role, data, previousHash, hash);
    }

    /// <summary>SHA-256 (lower-case hex) over every field, each length-prefixed so no two field lists hash alike.</summary>
    public static string HashOf(long seq, string type, string at, string actor, string actorName, string role, string data, string previousHash) =>
        HashChain.HashOf(seq.ToString(System.Globalization.CultureInfo.InvariantCulture), type, at, actor, actorName, role, data, previousHash);

    /// <summary>Re-walks the chain: sequence numbers from 1 without gaps, each link and each hash. Names the first broken link.</summary>
    public static ChainVerification Verify(IReadOnlyList<CaseEvent> events) =>
        HashChain.Verify(events, e => e.Seq, e => e.PreviousHash, e => e.Hash, e => HashOf(e.Seq, e.Type, e.At, e.Actor, e.ActorName, e.Role, e.Data, e.PreviousHash));

    /// <summary>The typed data of a stored event.</summary>
    public static CaseEventData DataOf(CaseEvent e) =>
        (CaseEventData)(JsonSerializer.Deserialize(e.Data, CaseEventTypes.DataTypeOf(e.Type), DataOptions)
            ?? throw new InvalidOperationException($"event {e.Seq} has no data"));

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(HashChain.DataOptions);
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
