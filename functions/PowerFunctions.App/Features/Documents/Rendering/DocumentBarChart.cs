namespace PowerFunctions.App.Features.Documents.Rendering;

/// <summary>
/// A horizontal bar chart: one bar per item in the given order, scaled to the largest value, each with
/// its label on the left and its value at the bar's end; the unit is printed with the caption.
/// </summary>
public sealed record DocumentBarChart(string? Caption, string? Unit, IReadOnlyList<DocumentBar> Bars) : DocumentBlock;
