using Microsoft.Azure.Functions.Worker;
using PowerFunctions.App.Hosting;
using PowerFunctions.App.Http;

namespace PowerFunctions.App.Features.Documents;

/// <summary>
/// Document routes (API.md): <c>GET /api/documents/{id}</c> the sealed PDF, for its applicant (token or
/// <c>?queryCode=</c>), the issuing department's staff and supervisors (<see cref="DocumentAccess"/>);
/// <c>GET /api/documents/{id}/verify</c> and <c>POST /api/documents/verify</c> (the file's bytes), public.
/// </summary>
public sealed class DocumentFunctions(DocumentVerifier verifier, Storage.DocumentStore store, DocumentAccess access)
{
    /// <summary>The id of the route, or 404 when it cannot be a document id (letters, digits, dashes), before any storage call.</summary>
    private static string DocumentId(string id)
    {
        return id.Length is > 0 and <= 128 && id.All(c => char.IsAsciiLetterOrDigit(c) || c == '-') ? id : throw NotFound(id);
    }

    private static ProblemException NotFound(string id) => DocumentProblems.NotFound(id);

    /// <summary>
    /// Public in the pipeline's sense (the query code opens it without a token), so the function decides:
    /// no token and no code → 401 before any lookup; then 404 for an unknown id, 403 for a signed-in caller
    /// it is not for, and the same 404 for a code that does not open it.
    /// </summary>
    [Function("DocumentsGet")]
    [Public]
    public async Task<IResult> GetAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "documents/{id}")] HttpRequest request, string id, CancellationToken cancellationToken)
    {
        var caller = request.Caller();
        var queryCode = request.QueryValue("queryCode");
        if (caller is null && string.IsNullOrWhiteSpace(queryCode))
        {
            throw Problems.TokenMissing();
        }

        id = DocumentId(id);
        var record = await store.FindAsync(id, cancellationToken).ConfigureAwait(false) ?? throw NotFound(id);
        await access.RequireAsync(record, caller, queryCode, cancellationToken).ConfigureAwait(false);
        byte[]? pdf;
        try
        {
            pdf = await store.DownloadAsync(record.BlobName, cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidDataException)
        {
            throw DocumentProblems.Unreadable(id);
        }

        if (pdf is null)
        {
            throw NotFound(id);
        }

        return HttpResult.Bytes(pdf, "application/pdf")
            .WithHeader("Content-Disposition", $"inline; filename=\"{record.Id}.pdf\"")
            .WithHeader("ETag", $"\"{record.Sha256}\"")
            .WithHeader("Cache-Control", "private, no-store")
            .WithHeader("X-Content-SHA256", record.Sha256);
    }

    [Function("DocumentsVerify")]
    [Public]
    public async Task<IResult> VerifyAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "documents/{id}/verify")] HttpRequest request, string id, CancellationToken cancellationToken)
    {
        id = DocumentId(id);
        var answer = await verifier.VerifyStoredAsync(id, cancellationToken).ConfigureAwait(false) ?? throw NotFound(id);
        return HttpResult.Ok(answer);
    }

    [Function("DocumentsVerifyFile")]
    [Public]
    [Accepts("application/pdf", "application/octet-stream")]
    public async Task<IResult> VerifyFileAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "documents/verify")] HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.BodyBytes().IsEmpty)
        {
            throw new ProblemException(400, "documents.file_required", "请上传要核验的 PDF 文件", "send the file's bytes as the body (application/pdf or application/octet-stream)");
        }

        var contentType = request.Header("Content-Type")?.Split(';')[0].Trim().ToLowerInvariant();
        if (contentType is not null && (contentType.Contains("json", StringComparison.Ordinal) || contentType.StartsWith("text/", StringComparison.Ordinal)
            || contentType.StartsWith("multipart/", StringComparison.Ordinal) || contentType == "application/x-www-form-urlencoded"))
        {
            throw Problems.UnsupportedMediaType(contentType);
        }

        return HttpResult.Ok(await verifier.VerifyBytesAsync(request.BodyBytes().ToArray(), cancellationToken).ConfigureAwait(false));
    }
}
