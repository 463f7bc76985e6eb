namespace PowerFunctions.App.Features.Documents.Rendering;

/// <summary>
/// A ruled table with a header row (repeated on every page it runs onto) and wrapped cells, e.g. a
/// quarterly bulletin's ranking. Every row has one cell per column.
/// </summary>
public sealed record DocumentTable(string? Caption, IReadOnlyList<DocumentTableColumn> Columns, IReadOnlyList<IReadOnlyList<string>> Rows) : DocumentBlock;
