using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using PowerFunctions.App.Features.Documents.Sealing;
using PowerFunctions.App.Features.Documents.Storage;
using PowerFunctions.App.Http;

namespace PowerFunctions.App.Features.Documents;

/// <summary>
/// Verifies a stored document by id, or a file someone holds: found by its SHA-256, else by the id
/// the PDF carries in its <c>/Info</c> (<c>/PFDocumentId</c>), then checked against the stored seal and the
/// department's registered keys, current and retired (wherever the key store keeps them). A file that matches nothing is <c>valid:false</c>, not an error.
/// </summary>
public sealed partial class DocumentVerifier(DocumentStore store, ISealKeyStore seals)
{
    /// <summary>The stored document's check, or null when there is no such id.</summary>
    public async Task<DocumentVerification?> VerifyStoredAsync(string id, CancellationToken cancellationToken)
    {
        var record = await store.FindAsync(id, cancellationToken).ConfigureAwait(false);
        if (record is null)
        {
            return null;
        }

        byte[]? pdf;
        try
        {
            pdf = await store.DownloadAsync(record.BlobName, cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidDataException)
        {
            return Answer(record, null, [], SealCheck.Fail("document-unreadable", "存储的文书文件无法解密：已被改动，或其密钥已不在配置中"));
        }

        if (pdf is null)
        {
            return Answer(record, null, [], SealCheck.Fail("document-missing", "文书文件缺失"));
        }

        return await CheckAsync(record, pdf, cancellationToken).ConfigureAwait(false);
    }

    public async Task<DocumentVerification> VerifyBytesAsync(byte[] file, CancellationToken cancellationToken)
    {
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(file));
        var id = await store.FindIdBySha256Async(sha256, cancellationToken).ConfigureAwait(false) ?? EmbeddedId(file);
        var record = id is null ? null : await store.FindAsync(id, cancellationToken).ConfigureAwait(false);
        if (record is null)
        {
            var notPdf = !file.AsSpan().StartsWith("%PDF-"u8);
            return new DocumentVerification
            {
                Valid = false,
                Sha256 = sha256,
                ReasonCode = notPdf ? "not-a-pdf" : "unknown-document",
                Reason = notPdf ? "文件不是 PDF 文书，无法核验" : "未找到与该文件对应的文书（非本平台出具或已被改动）",
            };
        }

        return await CheckAsync(record, file, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The document id a PDF of ours carries in its information dictionary, if any.</summary>
    public static string? EmbeddedId(byte[] file)
    {
        var match = EmbeddedIdPattern().Match(Encoding.Latin1.GetString(file));
        return match.Success ? match.Groups[1].Value : null;
    }

    private async Task<DocumentVerification> CheckAsync(DocumentRecord record, byte[] pdf, CancellationToken cancellationToken)
    {
        SealEnvelope? envelope = null;
        try
        {
            var sealJson = await store.DownloadAsync(record.SealBlobName, cancellationToken).ConfigureAwait(false);
            envelope = sealJson is null ? null : JsonSerializer.Deserialize<SealEnvelope>(sealJson, JsonDefaults.Options);
        }
        catch (Exception e) when (e is JsonException or InvalidDataException)
        {
            // missing, altered or unreadable: the seal check fails below
        }

        if (envelope is null)
        {
            return Answer(record, null, pdf, SealCheck.Fail("seal-missing", "文书的签章数据缺失或损坏"));
        }

        var trusted = await seals.GetTrustedKeysAsync(envelope.Seal.DepartmentCode, envelope.Seal.KeyId, cancellationToken).ConfigureAwait(false);
        return Answer(record, envelope, pdf, DocumentSealer.Verify(pdf, envelope, trusted));
    }

    private static DocumentVerification Answer(DocumentRecord record, SealEnvelope? envelope, byte[] pdf, SealCheck check) => new()
    {
        Valid = check.Valid,
        Sha256 = pdf.Length == 0 ? record.Sha256 : Convert.ToHexStringLower(SHA256.HashData(pdf)),
        DocumentType = record.Type,
        CaseNo = record.CaseNo,
        SealedBy = envelope?.Seal.DepartmentName ?? record.DepartmentName,
        SealedAt = envelope?.Signature.SignedAt ?? record.SealedAt,
        Algorithm = envelope?.Seal.Algorithm ?? SealCrypto.Algorithm,
        Reason = check.Reason,
        ReasonCode = check.ReasonCode,
        DocumentId = record.Id,
        SealId = envelope?.Seal.SealId ?? record.SealId,
        ContentDigest = record.ContentDigest,
    };

    [GeneratedRegex(@"/PFDocumentId \(([A-Za-z0-9-]{1,128})\)")]
    private static partial Regex EmbeddedIdPattern();
}
