using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PowerFunctions.Domain.Common;

/// <summary>
/// The tamper-evident chain shared by every event-sourced aggregate (cases, complaints): each event's hash
/// is the SHA-256 of its own fields and the previous event's hash, each field length-prefixed so no two
/// field lists hash alike. Changing, removing or reordering any stored event breaks every link after it.
/// </summary>
public static class HashChain
{
    /// <summary>What the first event links to.</summary>
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>The JSON of event data: camelCase, dates as yyyy-MM-dd, Chinese unescaped. Deterministic for one data value.</summary>
    public static JsonSerializerOptions DataOptions { get; } = CreateOptions();

    /// <summary>The canonical instant text stored and hashed: China offset, milliseconds.</summary>
    public static string FormatInstant(DateTimeOffset at) =>
        at.ToOffset(ChinaTime.Offset).ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);

    /// <summary>SHA-256 (lower-case hex) over <paramref name="fields"/> in order, each as <c>length:text\n</c>.</summary>
    public static string HashOf(params ReadOnlySpan<string> fields)
    {
        // The UTF-8 bytes of "length:text\n" for every field, written into one pooled buffer and hashed there
        // (the same bytes as building the text first; every event of every chain is hashed, often twice).
        var size = 0;
        foreach (var field in fields)
        {
            size += 12 + Encoding.UTF8.GetByteCount(field);
        }

        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(size);
        try
        {
            var at = 0;
            foreach (var field in fields)
            {
                field.Length.TryFormat(buffer.AsSpan(at), out var digits, provider: CultureInfo.InvariantCulture);
                at += digits;
                buffer[at++] = (byte)':';
                at += Encoding.UTF8.GetBytes(field, buffer.AsSpan(at));
                buffer[at++] = (byte)'\n';
            }

            Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(buffer.AsSpan(0, at), digest);
            return Convert.ToHexStringLower(digest);
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Re-walks a chain: sequence numbers from 1 without gaps, each link to the previous hash, and each
    /// recorded hash against <paramref name="recompute"/>. Names the first broken link.
    /// </summary>
    public static ChainVerification Verify<TEvent>(
        IReadOnlyList<TEvent> events,
        Func<TEvent, long> seqOf,
        Func<TEvent, string> previousHashOf,
        Func<TEvent, string> recordedHashOf,
        Func<TEvent, string> recompute)
    {
        ArgumentNullException.ThrowIfNull(events);
        var previous = Genesis;
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            var seq = seqOf(e);
            if (seq != i + 1)
            {
                return ChainVerification.Broken(events.Count, i + 1, $"expected event {i + 1}, found {seq}");
            }

            if (!string.Equals(previousHashOf(e), previous, StringComparison.Ordinal))
            {
                return ChainVerification.Broken(events.Count, seq, $"event {seq} links to {previousHashOf(e)}, but the previous event hashes to {previous}");
            }

            var hash = recompute(e);
            if (!string.Equals(hash, recordedHashOf(e), StringComparison.Ordinal))
            {
                return ChainVerification.Broken(events.Count, seq, $"event {seq} was changed: its content hashes to {hash}, not the recorded {recordedHashOf(e)}");
            }

            previous = recordedHashOf(e);
        }

        return new ChainVerification(true, events.Count, null, null, previous);
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
