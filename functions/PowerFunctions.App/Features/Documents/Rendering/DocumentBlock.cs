namespace PowerFunctions.App.Features.Documents.Rendering;

/// <summary>
/// One part of a document's body (<see cref="DocumentContent.Body"/>), laid out top to bottom by
/// <see cref="DocumentRenderer"/>: a paragraph, a numbered list, labelled fields, a table or a bar chart.
/// </summary>
public abstract record DocumentBlock;
