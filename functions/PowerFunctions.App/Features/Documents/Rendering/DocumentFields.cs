namespace PowerFunctions.App.Features.Documents.Rendering;

/// <summary>
/// Labelled facts in a two-column box (办件编号, 受理日期, 查询码…). A label appears once in a document;
/// <paramref name="MinRowHeight"/> leaves room to sign or write by hand (a 送达回证's signature rows).
/// </summary>
public sealed record DocumentFields(IReadOnlyList<DocumentField> Fields, double MinRowHeight = 0) : DocumentBlock;
