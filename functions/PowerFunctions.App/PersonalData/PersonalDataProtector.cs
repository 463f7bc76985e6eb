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
/// Inside event JSON only the chosen string values change, byte for byte back on reading: what is encrypted
/// is the value's JSON text as the domain wrote it, so the event data read back is exactly the data the hash
/// chain was computed over. A value that does not open (changed, moved, or its key removed) is left as stored
/// and reported: the chain then names the event as broken instead of the read failing.
/// </para>
/// </summary>
public sealed partial class PersonalDataProtector(PersonalDataKeyRing keys, ILogger<PersonalDataProtector> logger)
{
    public const string Prefix = "pd1:";

    /// <summary>The key ring in use.</summary>
    public PersonalDataKeyRing Keys => keys;

    /// <summary>Whether <paramref name="stored"/> is an encrypted value (the envelope above).</summary>
    public static bool IsProtected(string? stored) => stored is not null && stored.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>The value encrypted under the active key, bound to <paramref name="context"/>.</summary>
    public string Protect(string plaintext, string context) => Envelope(Encoding.UTF8.GetBytes(plaintext), context);

    /// <summary>The plaintext of <paramref name="stored"/>; a value written before encryption is returned as it is.</summary>
    public string Reveal(string stored, string context) =>
        IsProtected(stored) && Open(stored, context) is { } plaintext ? Encoding.UTF8.GetString(plaintext) : stored;

    /// <summary>The event's actor name and data with their personal parts encrypted (<paramref name="fields"/>).</summary>
    public (string ActorName, string Data) ProtectEvent(PersonalEventFields fields, string partition, long seq, string type, string role, string actorName, string data)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var context = Context(fields, partition, seq);
        var name = fields.ProtectsActorName(role) && actorName.Length > 0 ? Protect(actorName, context + "actorName") : actorName;
        var paths = fields.PathsOf(type);
        return (name, paths.Count == 0 ? data : Rewrite(data, paths, (raw, path) => Quote(Encoding.ASCII.GetBytes(Envelope(raw, context + path)))));
    }

    /// <summary>The stored event's actor name and data decrypted: exactly what was given to <see cref="ProtectEvent"/>.</summary>
    public (string ActorName, string Data) RevealEvent(PersonalEventFields fields, string partition, long seq, string type, string role, string actorName, string data)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var context = Context(fields, partition, seq);
        var name = fields.ProtectsActorName(role) ? Reveal(actorName, context + "actorName") : actorName;
        var paths = fields.PathsOf(type);
        if (paths.Count == 0 || !data.Contains(Prefix, StringComparison.Ordinal))
        {
            return (name, data);
        }

        return (name, Rewrite(data, paths, (raw, path) =>
        {
            var stored = Encoding.UTF8.GetString(raw);
            return IsProtected(stored) && Open(stored, context + path) is { } inner ? Quote(inner) : null;
        }));
    }

    private static string Context(PersonalEventFields fields, string partition, long seq) =>
        $"{fields.Scope}/{partition}/{seq.ToString(System.Globalization.CultureInfo.InvariantCulture)}/";

    private string Envelope(byte[] plaintext, string context)
    {
        var key = keys.Active;
        var sealedValue = PersonalDataCipher.Encrypt(keys.Algorithm, key.Bytes, plaintext, Encoding.UTF8.GetBytes(context));
        return $"{Prefix}{Code(keys.Algorithm)}:{key.KeyId}:{Base64Url.EncodeToString(sealedValue)}";
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
    /// Replaces the string values at <paramref name="paths"/> (their raw JSON text, quotes excluded, given to
    /// <paramref name="replace"/>; null keeps it), leaving every other byte of <paramref name="json"/> as it is.
    /// </summary>
    private static string Rewrite(string json, IReadOnlyCollection<string> paths, Func<byte[], string, byte[]?> replace)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
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
                    if (paths.Contains(path) && replace(reader.ValueSpan.ToArray(), path) is { } replacement)
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

        var output = new List<byte>(bytes.Length + (edits.Count * 64));
        var at = 0;
        foreach (var (start, length, replacement) in edits)
        {
            output.AddRange(bytes.AsSpan(at, start - at));
            output.AddRange(replacement);
            at = start + length;
        }

        output.AddRange(bytes.AsSpan(at));
        return Encoding.UTF8.GetString([.. output]);
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
