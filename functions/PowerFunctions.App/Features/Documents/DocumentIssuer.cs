using PowerFunctions.Storage;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using PowerFunctions.App.Features.Documents.Rendering;
using PowerFunctions.App.Features.Documents.Sealing;
using PowerFunctions.App.Features.Documents.Storage;
using PowerFunctions.App.Http;

namespace PowerFunctions.App.Features.Documents;

/// <summary>
/// Renders, seals and stores a document, idempotent on its id: the caller's deterministic id becomes the
/// public one (<see cref="DocumentIds"/>) before anything is looked up or written. Order of writes: PDF blob, seal blob,
/// index rows, each create-only. A retry after a crash finds what an earlier attempt wrote and
/// completes it (the stored bytes win; a missing seal is made over them), so one id is one file.
/// </summary>
public sealed partial class DocumentIssuer(
    DocumentStore store,
    ISealKeyStore seals,
    DocumentFont font,
    DocumentOptions options,
    DocumentIds ids,
    TimeProvider clock,
    ILogger<DocumentIssuer> logger) : IDocumentIssuer
{
    public async Task<IssuedDocument> IssueAsync(DocumentRequest request, CancellationToken cancellationToken)
    {
        Validate(request);
        request = request with { DocumentId = ids.PublicId(request.DocumentId) };
        var existing = await store.FindAsync(request.DocumentId, cancellationToken).ConfigureAwait(false);
        if (existing is not null)
        {
            return Same(existing, request);
        }

        var renderer = new DocumentRenderer(font.Get());
        var key = await seals.GetSigningKeyAsync(request.DepartmentCode, request.DepartmentName, cancellationToken).ConfigureAwait(false);
        var now = clock.GetUtcNow();
        if (!key.IsValidAt(now))
        {
            // Refuse before anything is written.
            DocumentSealer.Seal([], request.DocumentId, key, now).OrThrow();
        }

        var unprintable = renderer.Unprintable(request);
        if (unprintable.Count > 0)
        {
            // Printed as 〓 (and extracted as the real character): someone must look at this document.
            logger.LogWarning("document {DocumentId} holds characters no document font has, printed as 〓: {Characters} ({CodePoints})", request.DocumentId,
                string.Concat(unprintable), string.Join(' ', unprintable.Select(c => $"U+{char.ConvertToUtf32(c, 0):X4}")));
        }

        var digest = DocumentRenderer.ContentDigest(request);
        var pdf = renderer.Render(request, VerifyUrl(request.DocumentId), digest);
        var pdfName = DocumentStore.PdfBlobName(request);
        var sealName = DocumentStore.SealBlobName(request);
        var metadata = new Dictionary<string, string> { ["documentId"] = request.DocumentId, ["documentType"] = request.Type.ToString() };
        if (!await store.TryCreateBlobAsync(pdfName, pdf, "application/pdf", metadata, cancellationToken).ConfigureAwait(false))
        {
            pdf = await store.DownloadAsync(pdfName, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"blob {pdfName} exists but cannot be read");
        }

        var envelope = DocumentSealer.Seal(pdf, request.DocumentId, key, now).OrThrow();
        var envelopeJson = JsonSerializer.SerializeToUtf8Bytes(envelope, JsonDefaults.Options);
        if (!await store.TryCreateBlobAsync(sealName, envelopeJson, "application/json", metadata, cancellationToken).ConfigureAwait(false))
        {
            var stored = await store.DownloadAsync(sealName, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"blob {sealName} exists but cannot be read");
            envelope = JsonSerializer.Deserialize<SealEnvelope>(stored, JsonDefaults.Options)
                ?? throw new InvalidOperationException($"blob {sealName} is not a seal");
        }

        var record = await store.AddAsync(new DocumentRecord
        {
            Id = request.DocumentId,
            Type = request.Type,
            CaseNo = request.CaseNo,
            DepartmentCode = request.DepartmentCode,
            DepartmentName = envelope.Seal.DepartmentName,
            BlobName = pdfName,
            SealBlobName = sealName,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(pdf)),
            SealId = envelope.Seal.SealId,
            Length = pdf.Length,
            SealedAt = envelope.Signature.SignedAt,
            ContentDigest = digest,
        }, cancellationToken).ConfigureAwait(false);
        logger.LogInformation("issued {DocumentType} {DocumentId} for case {CaseNo}: {Length} bytes, sealed by {SealId}", request.Type, request.DocumentId, request.CaseNo, pdf.Length, record.SealId);
        return Same(record, request);
    }

    /// <summary>The public verify address printed in the document and its QR code.</summary>
    public string VerifyUrl(string documentId) => $"{options.PublicBaseUrl.TrimEnd('/')}/api/documents/{documentId}/verify";

    private static IssuedDocument Same(DocumentRecord record, DocumentRequest request)
    {
        if (record.CaseNo != request.CaseNo || record.Type != request.Type)
        {
            throw new ProblemException(409, "documents.id_conflict", "文书编号已被另一文书使用",
                $"document {record.Id} is a {record.Type} of case {record.CaseNo}, not a {request.Type} of case {request.CaseNo}");
        }

        return record.ToIssued();
    }

    private static void Validate(DocumentRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        void Check(bool ok, string field, string message)
        {
            if (!ok)
            {
                errors[field] = [message];
            }
        }

        Check(request.DocumentId is not null && DocumentIdPattern().IsMatch(request.DocumentId), "documentId", "文书编号只能由字母、数字和连字符组成，长度 1-128");
        Check(!string.IsNullOrWhiteSpace(request.CaseNo) && request.CaseNo.Length <= 64 && StorageNames.HasOnlyKeyCharacters(request.CaseNo), "caseNo", "案件编号不能为空，不超过 64 个字符，且不含 / \\ # ?");
        Check(request.DepartmentCode is not null && DepartmentCodePattern().IsMatch(request.DepartmentCode), "departmentCode", "部门编码只能由字母、数字、连字符和下划线组成，长度 1-32");
        Check(!string.IsNullOrWhiteSpace(request.DepartmentName) && request.DepartmentName.Length <= 40, "departmentName", "部门名称不能为空，不超过 40 个字符");
        Check(!string.IsNullOrWhiteSpace(request.ApplicantName) && request.ApplicantName.Length <= 100, "applicantName", "申请人不能为空，不超过 100 个字符");
        Check(!string.IsNullOrWhiteSpace(request.ItemName) && request.ItemName.Length <= 200, "itemName", "事项名称不能为空，不超过 200 个字符");
        Check(Enum.IsDefined(request.Type), "type", "文书类型无效");
        Check(request.IssuedAt != default, "issuedAt", "缺少出具时间");
        Check(request.Fields.Count <= 40 && request.Fields.All(f => f is not null && !string.IsNullOrWhiteSpace(f.Label) && f.Label.Length <= 20 && (f.Value ?? string.Empty).Length <= 1000), "fields", "栏目不超过 40 项，标签不能为空且不超过 20 个字符，内容不超过 1000 个字符");
        Check(request.Paragraphs.Count <= 60 && request.Paragraphs.All(p => p is not null && p.Length <= 4000), "paragraphs", "正文段落不超过 60 段，每段不超过 4000 个字符");
        Check(request.LegalBasis is null || request.LegalBasis.Length <= 500, "legalBasis", "法律依据不超过 500 个字符");
        Check(request.Addressee is null || request.Addressee.Length <= 100, "addressee", "受文对象不超过 100 个字符");
        Check(request.Acceptance is null || (!string.IsNullOrWhiteSpace(request.Acceptance.QueryCode) && request.Acceptance.QueryCode.Length <= 32), "acceptance", "查询码不能为空，不超过 32 个字符");
        Check(request.Type != DocumentType.SuspensionNotice || (request.Suspension is { } s && !string.IsNullOrWhiteSpace(s.Procedure) && s.Procedure.Length <= 40 && !string.IsNullOrWhiteSpace(s.ExpectedTime) && s.ExpectedTime.Length <= 100 && (s.ExpectedEnd is null || s.ExpectedEnd >= s.StartsOn)),
            "suspension", "特别程序告知书须写明特别程序（不超过 40 个字符）、开始日期和所需时间（不超过 100 个字符），预计完成日期不早于开始日期");
        Check(request.Type != DocumentType.ExtensionNotice || (request.Extension is { } e && e.ExtendedDue > e.PreviousDue && (e.ApprovedBy is null || e.ApprovedBy.Length <= 40) && request.Paragraphs.Any(p => !string.IsNullOrWhiteSpace(p))),
            "extension", "延长期限告知书须写明延长理由，延长后的期限晚于原期限，批准负责人不超过 40 个字符");
        Check(DocumentBlocks.Check(request.Blocks) is null, "blocks", DocumentBlocks.Check(request.Blocks) ?? string.Empty);
        Check(request.StorageFolder is null || (request.StorageFolder.Length <= 100 && request.StorageFolder.Split('/').All(segment => segment.Length > 0 && segment.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))),
            "storageFolder", "存放目录由字母、数字、连字符和下划线组成的各级目录构成，不超过 100 个字符");
        Check(request.Rectification is null || (request.Type == DocumentType.RectificationNotice
            && !string.IsNullOrWhiteSpace(request.Rectification.NoticeNo) && request.Rectification.NoticeNo.Length <= 64
            && !string.IsNullOrWhiteSpace(request.Rectification.Finding) && request.Rectification.Finding.Length <= 4000
            && !string.IsNullOrWhiteSpace(request.Rectification.Requirement) && request.Rectification.Requirement.Length <= 4000
            && request.Rectification.WorkingDays is >= 1 and <= 366),
            "rectification", "整改通知书须写明编号、发现的问题、整改要求和整改期限");
        if (errors.Count > 0)
        {
            throw new ProblemException(422, "documents.invalid_request", "文书内容未通过校验", string.Join("; ", errors.Select(e => $"{e.Key}: {e.Value[0]}")), errors);
        }
    }

    [GeneratedRegex("^[A-Za-z0-9-]{1,128}$")]
    private static partial Regex DocumentIdPattern();

    [GeneratedRegex("^[A-Za-z0-9_-]{1,32}$")]
    private static partial Regex DepartmentCodePattern();
}
