namespace PowerFunctions.App.Features.Documents;

/// <summary>Who a document is for, from its case or ticket: the citizen who filed it (token subject) and its query code.</summary>
public sealed record DocumentOwner(string? Subject, string QueryCode);
