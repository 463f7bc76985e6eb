namespace PowerFunctions.App.Features.Documents.Pdf;

/// <summary>An RGB colour, components 0–1.</summary>
public readonly record struct PdfColor(double R, double G, double B)
{
    public static PdfColor Black { get; } = new(0, 0, 0);

    /// <summary>The red of seals and letterheads.</summary>
    public static PdfColor SealRed { get; } = new(0.82, 0.08, 0.08);

    public static PdfColor Gray { get; } = new(0.35, 0.35, 0.35);

    /// <summary>The shade of a table's header row.</summary>
    public static PdfColor HeaderShade { get; } = new(0.9, 0.9, 0.9);

    /// <summary>The bars of a chart: a dark blue that prints well in grey too.</summary>
    public static PdfColor ChartBar { get; } = new(0.16, 0.33, 0.58);
}
