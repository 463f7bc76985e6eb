using System.Text.Json;
using System.Text.Json.Serialization;
using PowerFunctions.Domain.Cases;
using PowerFunctions.Domain.Common;

namespace PowerFunctions.Domain.Enforcement;

/// <summary>
/// The tamper-evident chain of a penalty case: the same stored event shape (<see cref="CaseEvent"/>) and
/// the same hash (<see cref="CaseChain.HashOf"/>, verified by <see cref="CaseChain.Verify"/>) as a
/// licensing case, so the case-file export and the chain check serve both. Event data is written with
/// enums as kebab-case names, so a stored event never depends on an enum's order.
/// </summary>
public static class PenaltyChain
{
    /// <summary>The JSON of penalty event data: camelCase, enums kebab case, dates yyyy-MM-dd, Chinese unescaped.</summary>
    public static JsonSerializerOptions DataOptions { get; } = CreateOptions();

    /// <summary>Seals <paramref name="draft"/> as event <paramref name="seq"/> after <paramref name="previousHash"/>.</summary>
    public static CaseEvent Seal(long seq, PenaltyEventDraft draft, CaseActor actor, DateTimeOffset at, string previousHash)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(actor);
        var data = JsonSerializer.Serialize(draft.Data, draft.Data.GetType(), DataOptions);
        var atText = CaseChain.FormatInstant(at);
        var hash = CaseChain.HashOf(seq, draft.Type, atText, actor.Subject, actor.Name, actor.Role, data, previousHash);
        return new CaseEvent(seq, draft.Type, atText, actor.Subject, actor.Name, actor.Role, data, previousHash, hash);
    }

    /// <summary>Re-walks the chain (<see cref="CaseChain.Verify"/>): names the first broken link.</summary>
    public static ChainVerification Verify(IReadOnlyList<CaseEvent> events) => CaseChain.Verify(events);

    /// <summary>The typed data of a stored event.</summary>
    public static PenaltyEventData DataOf(CaseEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return (PenaltyEventData)(JsonSerializer.Deserialize(e.Data, PenaltyEventTypes.DataTypeOf(e.Type), DataOptions)
            ?? throw new InvalidOperationException($"event {e.Seq} has no data"));
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
