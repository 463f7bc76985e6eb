namespace PowerFunctions.App.Features.Documents.Rendering;

/// <summary>A paragraph, wrapped by the Chinese line-breaking rules (<see cref="LineBreaker"/>).</summary>
public sealed record DocumentParagraph(string Text, ParagraphStyle Style = ParagraphStyle.Body) : DocumentBlock;
