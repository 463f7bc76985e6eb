using System.Text;
using PowerFunctions.App.PersonalData;
using PowerFunctions.Storage;

namespace PowerFunctions.App.Features.Documents.Storage;

/// <summary>
/// Sealed documents and case-file archives at rest: a 处罚决定书 names the party with their identity number and home
/// address, every act names its applicant, and an archive holds them all. Their blobs are stored encrypted whole by the
/// personal-data protector (<c>pd1:{algorithm}:{keyId}:…</c>, the same keys and rotation), bound to their container and
/// name, so a blob copied under another name does not open. What the seal and the hash chain attest is the plaintext
/// file (its SHA-256 is recorded when issued; verifying a file a citizen holds needs no key). A blob written before
/// this (plain: <c>%PDF</c>, <c>{</c>, <c>PK</c>) reads as it is.
/// <para>
/// The documents container is write-once in production (WORM), so its blobs cannot be re-encrypted: a key that wrote
/// documents stays listed, for reading, as long as they are kept (README Security: keys and rotation).
/// </para>
/// </summary>
public sealed class BlobSeal(PersonalDataProtector protector)
{
    /// <summary>The content as stored: encrypted under the active key, bound to <paramref name="container"/>/<paramref name="name"/>.</summary>
    public byte[] Seal(string container, string name, byte[] content) =>
        Encoding.ASCII.GetBytes(protector.ProtectBytes(content, Context(container, name)));

    /// <summary>The content of a stored blob; null when it is sealed and does not open (altered, moved, or its key no longer listed).</summary>
    public byte[]? Open(string container, string name, byte[] stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return IsSealed(stored) ? protector.RevealBytes(Encoding.ASCII.GetString(stored), Context(container, name)) : stored;
    }

    /// <summary>
    /// The opened content of blob <paramref name="name"/> of <paramref name="container"/>, or null when there is none;
    /// throws <see cref="InvalidDataException"/> when it is sealed and does not open (altered, moved, or its key no
    /// longer listed): never the stored bytes in its place.
    /// </summary>
    public async Task<byte[]?> ReadAsync(IBlobContainerClient container, string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(container);
        var stored = await container.DownloadAsync(name, cancellationToken).ConfigureAwait(false);
        return stored is null
            ? null
            : Open(container.Name, name, stored.Content) ?? throw new InvalidDataException($"the stored blob {container.Name}/{name} does not open: altered, moved, or its key is no longer listed");
    }

    /// <summary>Whether <paramref name="stored"/> is a sealed blob (an envelope), not a plain file.</summary>
    public static bool IsSealed(ReadOnlySpan<byte> stored) => stored.StartsWith("pd1:"u8);

    private static string Context(string container, string name) => $"blob/{container}/{name}";
}
