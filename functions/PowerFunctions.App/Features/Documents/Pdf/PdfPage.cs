using System.Globalization;
using System.Text;

namespace PowerFunctions.App.Features.Documents.Pdf;

/// <summary>
/// One A4 page's drawing: text in the embedded fonts, lines, boxes, circles and filled paths.
/// Coordinates are PDF points from the bottom-left corner.
/// </summary>
public sealed class PdfPage
{
    public const double A4Width = 595.28;
    public const double A4Height = 841.89;

    private readonly PdfDocument _document;
    private readonly StringBuilder _content = new();

    internal PdfPage(PdfDocument document)
    {
        _document = document;
    }

    public double Width => A4Width;

    public double Height => A4Height;

    internal string Content => _content.ToString();

    /// <summary>Width of <paramref name="text"/> at <paramref name="size"/> points.</summary>
    public double Measure(string text, double size) => _document.Measure(text, size);

    /// <summary>A line of text whose baseline starts at (<paramref name="x"/>, <paramref name="y"/>).</summary>
    public void Text(string text, double x, double y, double size, PdfColor? color = null, bool bold = false) =>
        TextAt(text, size, color ?? PdfColor.Black, bold, $"1 0 0 1 {N(x)} {N(y)} Tm");

    /// <summary>
    /// A line set to exactly <paramref name="width"/>: the room left is shared between the characters
    /// (PDF character spacing), as Chinese text is justified to both edges.
    /// </summary>
    public void TextJustified(string text, double x, double y, double size, double width, PdfColor? color = null)
    {
        var count = text.EnumerateRunes().Count(r => !Rune.IsControl(r));
        var room = width - Measure(text, size);
        var spacing = count > 1 && room > 0 ? room / (count - 1) : 0;
        TextAt(text, size, color ?? PdfColor.Black, bold: false, $"1 0 0 1 {N(x)} {N(y)} Tm", spacing);
    }

    /// <summary>Text centred on <paramref name="centerX"/>.</summary>
    public void TextCentered(string text, double centerX, double y, double size, PdfColor? color = null, bool bold = false) =>
        Text(text, centerX - (Measure(text, size) / 2), y, size, color, bold);

    /// <summary>Text ending at <paramref name="rightX"/>.</summary>
    public void TextRight(string text, double rightX, double y, double size, PdfColor? color = null, bool bold = false) =>
        Text(text, rightX - Measure(text, size), y, size, color, bold);

    /// <summary>Text turned by <paramref name="radians"/> (counter-clockwise) around its start point.</summary>
    public void TextRotated(string text, double x, double y, double size, double radians, PdfColor? color = null, bool bold = false)
    {
        var (sin, cos) = Math.SinCos(radians);
        TextAt(text, size, color ?? PdfColor.Black, bold, $"{N(cos)} {N(sin)} {N(-sin)} {N(cos)} {N(x)} {N(y)} Tm");
    }

    public void Line(double x1, double y1, double x2, double y2, double width = 0.75, PdfColor? color = null)
    {
        _content.Append(CultureInfo.InvariantCulture, $"q {Rgb(color ?? PdfColor.Black, stroke: true)} {N(width)} w {N(x1)} {N(y1)} m {N(x2)} {N(y2)} l S Q\n");
    }

    public void Rectangle(double x, double y, double width, double height, double lineWidth = 0.75, PdfColor? color = null)
    {
        _content.Append(CultureInfo.InvariantCulture, $"q {Rgb(color ?? PdfColor.Black, stroke: true)} {N(lineWidth)} w {N(x)} {N(y)} {N(width)} {N(height)} re S Q\n");
    }

    /// <summary>A filled rectangle.</summary>
    public void FillRectangle(double x, double y, double width, double height, PdfColor? color = null) =>
        FillRectangles([(x, y, width, height)], color);

    /// <summary>Filled rectangles in one path (a QR code's modules), each (x, y, width, height).</summary>
    public void FillRectangles(IEnumerable<(double X, double Y, double Width, double Height)> rectangles, PdfColor? color = null)
    {
        _content.Append("q ").Append(Rgb(color ?? PdfColor.Black, stroke: false)).Append('\n');
        foreach (var (x, y, w, h) in rectangles)
        {
            _content.Append(CultureInfo.InvariantCulture, $"{N(x)} {N(y)} {N(w)} {N(h)} re\n");
        }

        _content.Append("f Q\n");
    }

    /// <summary>A stroked circle (four Bézier arcs).</summary>
    public void Circle(double cx, double cy, double radius, double lineWidth, PdfColor? color = null)
    {
        const double k = 0.5522847498;
        var c = radius * k;
        _content.Append(CultureInfo.InvariantCulture, $"q {Rgb(color ?? PdfColor.Black, stroke: true)} {N(lineWidth)} w\n");
        _content.Append(CultureInfo.InvariantCulture, $"{N(cx + radius)} {N(cy)} m\n");
        _content.Append(CultureInfo.InvariantCulture, $"{N(cx + radius)} {N(cy + c)} {N(cx + c)} {N(cy + radius)} {N(cx)} {N(cy + radius)} c\n");
        _content.Append(CultureInfo.InvariantCulture, $"{N(cx - c)} {N(cy + radius)} {N(cx - radius)} {N(cy + c)} {N(cx - radius)} {N(cy)} c\n");
        _content.Append(CultureInfo.InvariantCulture, $"{N(cx - radius)} {N(cy - c)} {N(cx - c)} {N(cy - radius)} {N(cx)} {N(cy - radius)} c\n");
        _content.Append(CultureInfo.InvariantCulture, $"{N(cx + c)} {N(cy - radius)} {N(cx + radius)} {N(cy - c)} {N(cx + radius)} {N(cy)} c\n");
        _content.Append("S Q\n");
    }

    /// <summary>A filled closed polygon.</summary>
    public void FillPolygon(IReadOnlyList<(double X, double Y)> points, PdfColor? color = null)
    {
        if (points.Count < 3)
        {
            return;
        }

        _content.Append("q ").Append(Rgb(color ?? PdfColor.Black, stroke: false)).Append('\n');
        _content.Append(CultureInfo.InvariantCulture, $"{N(points[0].X)} {N(points[0].Y)} m\n");
        for (var i = 1; i < points.Count; i++)
        {
            _content.Append(CultureInfo.InvariantCulture, $"{N(points[i].X)} {N(points[i].Y)} l\n");
        }

        _content.Append("h f Q\n");
    }

    internal static string N(double value) => Math.Round(value, 3).ToString("0.###", CultureInfo.InvariantCulture);

    private static string Rgb(PdfColor color, bool stroke) =>
        $"{N(color.R)} {N(color.G)} {N(color.B)} {(stroke ? "RG" : "rg")}";

    private void TextAt(string text, double size, PdfColor color, bool bold, string matrix, double characterSpacing = 0)
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        // q/Q: text state (rendering mode, character spacing, line width) must not leak into the next text.
        _content.Append("q BT ").Append(Rgb(color, stroke: false));
        if (bold)
        {
            _content.Append(' ').Append(Rgb(color, stroke: true)).Append(CultureInfo.InvariantCulture, $" 2 Tr {N(size / 30)} w");
        }

        _content.Append(' ').Append(matrix);
        if (characterSpacing != 0)
        {
            _content.Append(' ').Append(N(characterSpacing)).Append(" Tc");
        }

        foreach (var (font, cids) in _document.Encode(text))
        {
            _content.Append(CultureInfo.InvariantCulture, $" /F{font + 1} {N(size)} Tf <");
            foreach (var cid in cids)
            {
                _content.Append(cid.ToString("X4", CultureInfo.InvariantCulture));
            }

            _content.Append("> Tj");
        }

        _content.Append(" ET Q\n");
    }
}
