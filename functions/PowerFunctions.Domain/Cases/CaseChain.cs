using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PowerFunctions.Domain.Cases;

/// <summary>
/// The tamper-evident chain of a case's events: each event's hash is the SHA-256 of its own fields and
/// the previous event's hash. Changing, removing or reordering any stored event breaks every link after it.
/// </summary>
public static class CaseChain
{
    /// <summary>What the first event links to.</summary>
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>
    /// The JSON of event data: camelCase, dates as yyyy-MM-dd, enums as their API codes (numbers written
    /// by earlier versions still read), Chinese unescaped. Deterministic for one data value.
    /// </summary>
    public static JsonSerializerOptions DataOptions { get; } = CreateOptions();

    /// <summary>The canonical instant text stored and hashed: China offset, milliseconds.</summary>
    public static string FormatInstant(DateTimeOffset at) =>
        at.ToOffset(Common.ChinaTime.Offset).ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);

    /// <summary>Seals <paramref name="draft"/> as event <paramref name="seq"/> after <paramref name="previousHash"/>.</summary>
    public static CaseEvent Seal(long seq, CaseEventDraft draft, CaseActor actor, DateTimeOffset at, string previousHash)
    {
        var data = JsonSerializer.Serialize(draft.Data, draft.Data.GetType(), DataOptions);
        var atText = FormatInstant(at);
        var hash = HashOf(seq, draft.Type, atText, actor.Subject, actor.Name, actor.Role, data, previousHash);
        return new CaseEvent(seq, draft.Type, atText, actor.Subject, actor.Name, actor.Role, data, previousHash, hash);
    }

    /// <summary>SHA-256 (lower-case hex) over every field, each length-prefixed so no two field lists hash alike.</summary>
    public static string HashOf(long seq, string type, string at, string actor, string actorName, string role, string data, string previousHash)
    {
        var text = new StringBuilder();
        foreach (var field in new[] { seq.ToString(CultureInfo.InvariantCulture), type, at, actor, actorName, role, data, previousHash })
        {
            text.Append(field.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(field).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>Re-walks the chain: sequence numbers from 1 without gaps, each link and each hash. Names the first broken link.</summary>
    public static ChainVerification Verify(IReadOnlyList<CaseEvent> events)
    {
        var previous = Genesis;
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            if (e.Seq != i + 1)
            {
                return ChainVerification.Broken(events.Count, i + 1, $"expected event {i + 1}, found {e.Seq}");
            }

            if (!string.Equals(e.PreviousHash, previous, StringComparison.Ordinal))
            {
                return ChainVerification.Broken(events.Count, e.Seq, $"event {e.Seq} links to {e.PreviousHash}, but the previous event hashes to {previous}");
            }

            var hash = HashOf(e.Seq, e.Type, e.At, e.Actor, e.ActorName, e.Role, e.Data, e.PreviousHash);
            if (!string.Equals(hash, e.Hash, StringComparison.Ordinal))
            {
                return ChainVerification.Broken(events.Count, e.Seq, $"event {e.Seq} was changed: its content hashes to {hash}, not the recorded {e.Hash}");
            }

            previous = e.Hash;
        }

        return new ChainVerification(true, events.Count, null, null, previous);
    }

    /// <summary>The typed data of a stored event.</summary>
    public static CaseEventData DataOf(CaseEvent e) =>
        (CaseEventData)(JsonSerializer.Deserialize(e.Data, CaseEventTypes.DataTypeOf(e.Type), DataOptions)
            ?? throw new InvalidOperationException($"event {e.Seq} has no data"));

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
