using PowerFunctions.Domain.Documents;

namespace PowerFunctions.Domain.Cases;

/// <summary>A sealed document recorded on the case: its id, kind (API kebab case, e.g. <c>acceptance-notice</c>) and SHA-256.</summary>
public sealed record DocumentRef(string Id, DocumentKind Type, string Sha256);
