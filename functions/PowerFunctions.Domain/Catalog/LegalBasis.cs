namespace PowerFunctions.Domain.Catalog;

/// <summary>设定依据/实施依据: the law or regulation, the article, and the quoted text.</summary>
public sealed record LegalBasis(string Law, string Article, string Text);
