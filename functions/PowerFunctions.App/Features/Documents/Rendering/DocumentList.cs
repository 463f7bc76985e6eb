namespace PowerFunctions.App.Features.Documents.Rendering;

/// <summary>Numbered items (一、二、三、…) as body paragraphs; a single item is printed without a number.</summary>
public sealed record DocumentList(IReadOnlyList<string> Items) : DocumentBlock;
