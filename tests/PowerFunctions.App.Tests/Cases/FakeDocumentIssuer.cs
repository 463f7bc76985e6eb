using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using PowerFunctions.App.Features.Documents;

namespace PowerFunctions.App.Tests.Cases;

/// <summary>An issuer that records requests and answers a stable document per id (idempotent like the real one).</summary>
public sealed class FakeDocumentIssuer : IDocumentIssuer
{
    public ConcurrentDictionary<string, DocumentRequest> Requests { get; } = new(StringComparer.Ordinal);

    public Task<IssuedDocument> IssueAsync(DocumentRequest request, CancellationToken cancellationToken)
    {
        var first = Requests.GetOrAdd(request.DocumentId, request);
        var sha = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(first.DocumentId + first.Type)));
        return Task.FromResult(new IssuedDocument(first.DocumentId, first.Type, sha, "seal-test", "docs/" + first.DocumentId + ".pdf", 1000));
    }
}
