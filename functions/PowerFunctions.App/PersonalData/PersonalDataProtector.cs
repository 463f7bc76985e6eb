using System.Buffers;
using System.Buffers.Text;
using System.Text;
using System.Text.Json;

namespace PowerFunctions.App.PersonalData;

/// <summary>
/// Encrypts personal data where it is written and decrypts it where it is read, so the domain never sees a
/// ciphertext and storage never sees a plaintext. A stored value reads
/// <c>pd1:{algorithm}:{keyId}:{base64url(nonce ‖ ciphertext ‖ tag)}</c>: the key id beside each value lets keys
/// rotate (new values use the active key; old keys stay listed for reading), and the associated data binds it
/// to its table, partition, event and field, so a value copied elsewhere does not open.
/// <para>
/// Inside event JSON only the values at the chosen paths change, byte for byte back on reading: what is
/// encrypted is the value's JSON text as the domain wrote it (a string's text between its quotes, under
/// <see cref="Prefix"/>; a whole object, array, number or boolean, under <see cref="JsonPrefix"/>, stored as a
/// string), so the event data read back is exactly the data the hash chain was computed over. A value that does not open (changed, moved, or its key removed) is left as stored
/// and reported: the chain then names the event as broken instead of the read failing.
/// </para>
/// </summary>
public sealed partial class PersonalDataProtector(PersonalDataKeyRing keys, ILogger<PersonalDataProtector> logger)
{
    public const string Prefix = "pd1:";

    /// <summary>The envelope of a whole JSON value that is not a string (an object such as a location, a number): put back unquoted.</summary>
    public const string JsonPrefix = "pd1j:";

    /// <summary>The key ring in use.</summary>
    public PersonalDataKeyRing Keys => keys;

    /// <summary>Whether <paramref name="stored"/> is an encrypted value (the envelope above).</summary>
    public static bool IsProtected(string? stored) =>
        stored is not null && (stored.StartsWith(Prefix, StringComparison.Ordinal) || stored.StartsWith(JsonPrefix, StringComparison.Ordinal));

    /// <summary>The value encrypted under the active key, bound to <paramref name="context"/>.</summary>
    public string Protect(string plaintext, string context) => Envelope(Encoding.UTF8.GetBytes(plaintext), context);

    /// <summary>Arbitrary bytes (a message body) encrypted under the active key, bound to <paramref name="context"/>.</summary>
    public string ProtectBytes(byte[] plaintext, string context) => Envelope(plaintext, context);

    /// <summary>The bytes <see cref="ProtectBytes"/> encrypted; null when <paramref name="stored"/> is not a value of ours or does not open.</summary>
    public byte[]? RevealBytes(string stored, string context) => IsProtected(stored) ? Open(stored, context) : null;

    /// <summary>The plaintext of <paramref name="stored"/>; a value written before encryption is returned as it is.</summary>
    public string Reveal(string stored, string context) =>
        IsProtected(stored) && Open(stored, context) is { } plaintext ? Encoding.UTF8.GetString(plaintext) : stored;

    /// <summary>
    /// The <see cref="KeyedHash"/> of <paramref name="value"/> for <paramref name="purpose"/> under the active key
    /// (<see cref="PersonalDataKeyRing.HashKey"/>): for personal data kept only to be compared (a pseudonym),
    /// <c>{keyId}.{base64url}</c>. Deterministic while the active key stays; a rotation starts new values.
    /// </summary>
    public string Fingerprint(string purpose, string value) => KeyedHash.Compute(keys.Active.KeyId, keys.HashKey(keys.Active.KeyId, purpose)!, value);

    /// <summary>Whether <paramref name="fingerprint"/> is <see cref="Fingerprint"/> of <paramref name="value"/> under any listed key.</summary>
    public bool MatchesFingerprint(string fingerprint, string purpose, string value) =>
        KeyedHash.Matches(fingerprint, value, keyId => keys.HashKey(keyId, purpose));

    /// <summary>The event's actor name and data with their personal parts encrypted (<paramref name="fields"/>).</summary>
    public (string ActorName, string Data) ProtectEvent(PersonalEventFields fields, string partition, long seq, string type, string role, string actorName, string data)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var context = Context(fields, partition, seq);
        var name = fields.ProtectsActorName(role) && actorName.Length > 0 ? Protect(actorName, context + "actorName") : actorName;
        var paths = fields.PathsOf(type);
        return (name, paths.Count == 0 ? data : Rewrite(data, paths, (raw, isString, path) => Quote(Encoding.ASCII.GetBytes(Envelope(raw, context + path, isString ? Prefix : JsonPrefix)))));
    }

    /// <summary>The stored event's actor name and data decrypted: exactly what was given to <see cref="ProtectEvent"/>.</summary>
    public (string ActorName, string Data) RevealEvent(PersonalEventFields fields, string partition, long seq, string type, string role, string actorName, string data)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var context = Context(fields, partition, seq);
        var name = fields.ProtectsActorName(role) ? Reveal(actorName, context + "actorName") : actorName;
        var paths = fields.PathsOf(type);
        if (paths.Count == 0 || !HoldsEnvelopes(data))
        {
            return (name, data);
        }

        return (name, Rewrite(data, paths, (raw, isString, path) =>
        {
            var stored = isString ? Encoding.UTF8.GetString(raw) : null;
            if (!IsProtected(stored) || Open(stored!, context + path) is not { } inner)
            {
                return null;
            }

            return stored!.StartsWith(JsonPrefix, StringComparison.Ordinal) ? inner : Quote(inner);
        }));
    }

    /// <summary>
    /// The stored event's actor name and data with every value written under a key other than the active one
    /// (or with another algorithm) re-encrypted under the active key: same prefix, same context, the same
    /// plaintext, so the hash chain is untouched and nothing else changes (a plain value stays plain). A value
    /// that does not open is left as stored and counted.
    /// </summary>
    public RewrappedEvent RewrapEvent(PersonalEventFields fields, string partition, long seq, string type, string role, string actorName, string data)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var context = Context(fields, partition, seq);
        var rewrapped = 0;
        var unreadable = 0;
        string? Rewrap(string stored, string valueContext)
        {
            if (!IsProtected(stored) || IsCurrent(stored))
            {
                return null;
            }

            if (Open(stored, valueContext) is not { } plaintext)
            {
                unreadable++;
                return null;
            }

            rewrapped++;
            return Envelope(plaintext, valueContext, stored.StartsWith(JsonPrefix, StringComparison.Ordinal) ? JsonPrefix : Prefix);
        }

        var name = fields.ProtectsActorName(role) ? Rewrap(actorName, context + "actorName") ?? actorName : actorName;
        var paths = fields.PathsOf(type);
        var newData = paths.Count == 0 || !HoldsEnvelopes(data)
            ? data
            : Rewrite(data, paths, (raw, isString, path) => isString && Rewrap(Encoding.UTF8.GetString(raw), context + path) is { } sealedValue ? Quote(Encoding.ASCII.GetBytes(sealedValue)) : null);
        return new RewrappedEvent(name, newData, rewrapped, unreadable);
    }

    /// <summary>Whether <paramref name="stored"/> (an envelope) is written with the configured algorithm under the active key.</summary>
    public bool IsCurrent(string stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var parts = stored.Split(':');
        return parts.Length == 4 && parts[1] == Code(keys.Algorithm) && parts[2] == keys.Active.KeyId;
    }

    /// <summary>Whether event data may hold an encrypted value at all (else there is nothing to walk).</summary>
    private static bool HoldsEnvelopes(string data) =>
        data.Contains(Prefix, StringComparison.Ordinal) || data.Contains(JsonPrefix, StringComparison.Ordinal);

    private static string Context(PersonalEventFields fields, string partition, long seq) =>
        $"{fields.Scope}/{partition}/{seq.ToString(System.Globalization.CultureInfo.InvariantCulture)}/";

    private string Envelope(byte[] plaintext, string context, string prefix = Prefix)
    {
        var key = keys.Active;
        var sealedValue = PersonalDataCipher.Encrypt(keys.Algorithm, key.Bytes, plaintext, Encoding.UTF8.GetBytes(context));
        return $"{prefix}{Code(keys.Algorithm)}:{key.KeyId}:{Base64Url.EncodeToString(sealedValue)}";
    }

    private byte[]? Open(string stored, string context)
    {
        var parts = stored.Split(':');
        if (parts.Length != 4 || Algorithm(parts[1]) is not { } algorithm)
        {
            LogUnreadable(context, "(malformed)");
            return null;
        }

        var key = keys.Find(parts[2]);
        byte[]? plaintext = null;
        if (key is not null && Base64Url.IsValid(parts[3]))
        {
            plaintext = PersonalDataCipher.Decrypt(algorithm, key.Bytes, Base64Url.DecodeFromChars(parts[3]), Encoding.UTF8.GetBytes(context));
        }

        if (plaintext is null)
        {
            LogUnreadable(context, parts[2]);
        }

        return plaintext;
    }

    /// <summary>
    /// Replaces the values at <paramref name="paths"/>, leaving every other byte of <paramref name="json"/> as it
    /// is: <paramref name="replace"/> is given a string's raw text (quotes excluded, <c>isString</c> true) or the
    /// whole raw JSON of any other value but null (an object with everything in it); null keeps the value.
    /// </summary>
    private static string Rewrite(string json, IReadOnlyCollection<string> paths, Func<byte[], bool, string, byte[]?> replace)
    {
        // The JSON's bytes in a pooled buffer (an event is read on every load and written on every commit),
        // cleared on return: it held the plaintext.
        var rented = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(json.Length));
        try
        {
            return Rewrite(json, rented.AsSpan(0, Encoding.UTF8.GetBytes(json, rented)), paths, replace);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented, clearArray: true);
        }
    }

    private static string Rewrite(string json, ReadOnlySpan<byte> bytes, IReadOnlyCollection<string> paths, Func<byte[], bool, string, byte[]?> replace)
    {
        var reader = new Utf8JsonReader(bytes);
        var containers = new Stack<(string Path, bool IsArray)>();
        string? property = null;
        var edits = new List<(int Start, int Length, byte[] Replacement)>();
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    property = reader.GetString();
                    break;
                case JsonTokenType.StartObject or JsonTokenType.StartArray or JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False
                    when paths.Contains(ValuePath(containers, property)):
                    var start = (int)reader.TokenStartIndex;
                    var valuePath = ValuePath(containers, property);
                    reader.Skip();
                    var end = (int)reader.BytesConsumed;
                    if (replace(bytes[start..end].ToArray(), false, valuePath) is { } whole)
                    {
                        edits.Add((start, end - start, whole));
                    }

                    property = null;
                    break;
                case JsonTokenType.StartObject:
                case JsonTokenType.StartArray:
                    containers.Push((ValuePath(containers, property), reader.TokenType == JsonTokenType.StartArray));
                    property = null;
                    break;
                case JsonTokenType.EndObject:
                case JsonTokenType.EndArray:
                    containers.Pop();
                    property = null;
                    break;
                case JsonTokenType.String:
                    var path = ValuePath(containers, property);
                    if (paths.Contains(path) && replace(reader.ValueSpan.ToArray(), true, path) is { } replacement)
                    {
                        edits.Add(((int)reader.TokenStartIndex, reader.ValueSpan.Length + 2, replacement));
                    }

                    break;
            }
        }

        if (edits.Count == 0)
        {
            return json;
        }

        // The result written once into an array of its exact size.
        var size = bytes.Length;
        foreach (var (_, length, replacement) in edits)
        {
            size += replacement.Length - length;
        }

        var output = new byte[size];
        var at = 0;
        var written = 0;
        foreach (var (start, length, replacement) in edits)
        {
            bytes[at..start].CopyTo(output.AsSpan(written));
            written += start - at;
            replacement.CopyTo(output.AsSpan(written));
            written += replacement.Length;
            at = start + length;
        }

        bytes[at..].CopyTo(output.AsSpan(written));
        return Encoding.UTF8.GetString(output);
    }

    private static string ValuePath(Stack<(string Path, bool IsArray)> containers, string? property)
    {
        if (containers.Count == 0)
        {
            return string.Empty;
        }

        var (path, isArray) = containers.Peek();
        return isArray ? path + "[]" : path.Length == 0 ? property ?? string.Empty : path + "." + property;
    }

    private static byte[] Quote(byte[] inner) => [(byte)'"', .. inner, (byte)'"'];

    private static string Code(PersonalDataAlgorithm algorithm) => algorithm == PersonalDataAlgorithm.Sm4Gcm ? "sm4gcm" : "aes256gcm";

    private static PersonalDataAlgorithm? Algorithm(string code) => code switch
    {
        "sm4gcm" => PersonalDataAlgorithm.Sm4Gcm,
        "aes256gcm" => PersonalDataAlgorithm.Aes256Gcm,
        _ => null,
    };

    private void LogUnreadable(string context, string keyId) => LogUnreadableValue(logger, context, keyId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A personal-data value at {Context} does not open (key {KeyId}): changed, moved, or its key is no longer listed in PersonalData:Keys. It is left as stored; the hash chain names the event.")]
    private static partial void LogUnreadableValue(ILogger logger, string context, string keyId);
}
