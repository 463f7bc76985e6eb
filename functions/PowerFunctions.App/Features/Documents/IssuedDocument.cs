namespace PowerFunctions.App.Features.Documents;

/// <summary>What the case records of a document.</summary>
public sealed record IssuedDocument(string Id, DocumentType Type, string Sha256, string SealId, string BlobName, long Length);
