using PowerFunctions.App.Hosting;
using PowerFunctions.App.Http;

namespace PowerFunctions.App.Features.Documents;

/// <summary>
/// Public document routes (API.md): <c>GET /api/documents/{id}</c> the sealed PDF,
/// <c>GET /api/documents/{id}/verify</c> and <c>POST /api/documents/verify</c> (the file's bytes).
/// </summary>
public sealed class DocumentFunctions(DocumentVerifier verifier, Storage.DocumentStore store) : IFunctionModule
{
    public IEnumerable<FunctionDeclaration> Declare()
    {
        yield return Function.Http("DocumentsGet", "GET", "documents/{id}", Access.Public, GetAsync);
        yield return Function.Http("DocumentsVerify", "GET", "documents/{id}/verify", Access.Public, VerifyAsync);
        yield return Function.Http("DocumentsVerifyFile", "POST", "documents/verify", Access.Public, VerifyFileAsync);
    }

    private static ProblemException NotFound(string id) => Problems.NotFound("documents.not_found", "文书不存在", $"no document has the id '{id}'");

    private async Task<HttpResult> GetAsync(HttpCall call, CancellationToken cancellationToken)
    {
        var id = call.Route("id");
        var record = await store.FindAsync(id, cancellationToken).ConfigureAwait(false) ?? throw NotFound(id);
        var pdf = await store.DownloadAsync(record.BlobName, cancellationToken).ConfigureAwait(false) ?? throw NotFound(id);
        return HttpResult.Bytes(pdf, "application/pdf")
            .WithHeader("Content-Disposition", $"inline; filename=\"{record.Id}.pdf\"")
            .WithHeader("ETag", $"\"{record.Sha256}\"")
            .WithHeader("X-Content-SHA256", record.Sha256);
    }

    private async Task<HttpResult> VerifyAsync(HttpCall call, CancellationToken cancellationToken)
    {
        var id = call.Route("id");
        var answer = await verifier.VerifyStoredAsync(id, cancellationToken).ConfigureAwait(false) ?? throw NotFound(id);
        return HttpResult.Ok(answer);
    }

    private async Task<HttpResult> VerifyFileAsync(HttpCall call, CancellationToken cancellationToken)
    {
        if (call.Body.IsEmpty)
        {
            throw new ProblemException(400, "documents.file_required", "请上传要核验的 PDF 文件", "send the file's bytes as the body (application/pdf or application/octet-stream)");
        }

        var contentType = call.Header("Content-Type")?.Split(';')[0].Trim().ToLowerInvariant();
        if (contentType is not null && (contentType.Contains("json", StringComparison.Ordinal) || contentType.StartsWith("text/", StringComparison.Ordinal)
            || contentType.StartsWith("multipart/", StringComparison.Ordinal) || contentType == "application/x-www-form-urlencoded"))
        {
            throw Problems.UnsupportedMediaType(contentType);
        }

        return HttpResult.Ok(await verifier.VerifyBytesAsync(call.Body.ToArray(), cancellationToken).ConfigureAwait(false));
    }
}
