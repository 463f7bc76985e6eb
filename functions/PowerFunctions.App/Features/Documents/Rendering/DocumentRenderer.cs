using System.Collections;
using System.Globalization;
using System.Text;
using PowerFunctions.App.Features.Documents.Pdf;
using PowerFunctions.Domain.Common;
using QRCoder;

namespace PowerFunctions.App.Features.Documents.Rendering;

/// <summary>
/// Lays out a <see cref="DocumentContent"/> on A4 pages with the type area of GB/T 9704 (left margin
/// 28 mm, 156 mm of text): red letterhead with the issuer, title, number, addressee, the body blocks
/// (paragraphs justified and broken by <see cref="LineBreaker"/>, numbered lists, fields boxes, tables
/// whose header repeats on each page, bar charts), remedies, the signature with the date and the seal
/// mark, and a verification box (QR code of the verify URL, document id, content digest) on the last
/// page. Knows nothing of document kinds. Deterministic: the same content gives the same bytes.
/// </summary>
public sealed class DocumentRenderer(PdfFontSet fonts)
{
    private const double Left = 79.37;            // 28 mm
    private const double TextWidth = 442.2;       // 156 mm
    private const double Right = Left + TextWidth;
    private const double PageTop = PdfPage.A4Height - 80;
    private const double Bottom = 64;
    private const double BodySize = 14;
    private const double BodyLeading = 25;
    private const double FieldSize = 12;
    private const double FieldLeading = 18;
    private const double FieldPadding = 6;
    private const double TableSize = 10.5;
    private const double TableLeading = 15;
    private const double NoteSize = 10.5;
    private const double FooterTop = 150;
    private const double SignatureHeight = 120;
    private const double MaxJustifySpacing = 0.15;   // of the type size, between two characters

    /// <summary>Renders a request: its kind's content (<see cref="DocumentTemplates"/>) with its verification box.</summary>
    public byte[] Render(DocumentRequest request, string verifyUrl, string contentDigest)
    {
        var content = DocumentTemplates.Compose(request);
        var info = new PdfInfo
        {
            Title = content.Title,
            Subject = request.DocumentId,
            Author = request.DepartmentName,
            Keywords = $"{request.CaseNo} {content.Number}",
            CreationDate = ChinaTime.InChina(request.IssuedAt),
            Custom = new Dictionary<string, string>
            {
                ["PFDocumentId"] = request.DocumentId,
                ["PFCaseNo"] = request.CaseNo,
                ["PFDocumentType"] = request.Type.ToString(),
            },
        };
        return Render(content, new VerificationStamp(request.DocumentId, contentDigest, verifyUrl), info);
    }

    /// <summary>Lays out any content (a kind's, or a test's) with the given verification box and file information.</summary>
    public byte[] Render(DocumentContent content, VerificationStamp stamp, PdfInfo info)
    {
        var document = new PdfDocument(fonts) { Info = info };
        var layout = new Layout(document);
        var page = layout.Page;
        var letterhead = Fit(document, content.Issuer, 24, TextWidth);
        page.TextCentered(content.Issuer, PdfPage.A4Width / 2, 772, letterhead, PdfColor.SealRed, bold: true);
        page.Line(Left, 756, Right, 756, 2, PdfColor.SealRed);
        page.Line(Left, 752, Right, 752, 0.6, PdfColor.SealRed);
        page.TextCentered(content.Title, PdfPage.A4Width / 2, 714, Fit(document, content.Title, 22, TextWidth), bold: true);
        if (content.Number is not null)
        {
            page.TextCentered(content.Number, PdfPage.A4Width / 2, 688, 12);
        }

        layout.Y = 664;
        if (content.Addressee is not null)
        {
            layout.Paragraph(content.Addressee + "：", ParagraphStyle.Plain);
        }

        foreach (var block in content.Body)
        {
            switch (block)
            {
                case DocumentParagraph paragraph:
                    layout.Paragraph(paragraph.Text, paragraph.Style);
                    break;
                case DocumentList list:
                    foreach (var text in DocumentContent.TextsOf(list))
                    {
                        layout.Paragraph(text, ParagraphStyle.Body);
                    }

                    break;
                case DocumentFields fields:
                    layout.Fields(fields);
                    break;
                case DocumentTable table:
                    layout.Table(table);
                    break;
                case DocumentBarChart chart:
                    layout.BarChart(chart);
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(content), block.GetType().Name, "unknown block");
            }
        }

        if (content.Remedies is not null)
        {
            layout.Space(4);
            layout.Paragraph(DocumentTexts.RemediesLabel + content.Remedies, ParagraphStyle.Plain);
        }

        if (content.RemediesBasis is not null)
        {
            layout.Paragraph(content.RemediesBasis, ParagraphStyle.Note);
        }

        // Signature and seal, on this page if they fit above the verification box.
        if (layout.Y - SignatureHeight < FooterTop + 10)
        {
            layout.NewPage();
        }

        page = layout.Page;
        var signY = layout.Y - 56;
        var signCenter = Right - 96;
        page.TextCentered(content.Issuer, signCenter, signY, Fit(document, content.Issuer, BodySize, 190));
        page.TextCentered(DocumentTexts.ChineseDate(content.Date), signCenter, signY - BodyLeading, BodySize);
        if (content.SealPurpose is not null)
        {
            DrawSeal(page, signCenter, signY - 8, content.Issuer, content.SealPurpose);
        }

        DrawVerification(page, stamp);
        for (var i = 0; i < document.Pages.Count; i++)
        {
            document.Pages[i].TextCentered($"第 {i + 1} 页 共 {document.Pages.Count} 页", PdfPage.A4Width / 2, 22, 9, PdfColor.Gray);
        }

        return document.Save();
    }

    /// <summary>The characters of the request's document the fonts cannot print (they would show as 〓).</summary>
    public IReadOnlyList<string> Unprintable(DocumentRequest request) =>
        fonts.Missing(string.Concat(DocumentTemplates.Compose(request).Texts()));

    /// <summary>
    /// A short digest of what the document says — every printed text of its content, with its id, kind,
    /// case, department and time — not of the file, which cannot hold its own hash.
    /// </summary>
    public static string ContentDigest(DocumentRequest request)
    {
        var canonical = new StringBuilder()
            .Append(request.DocumentId).Append('\n').Append(request.Type).Append('\n').Append(request.CaseNo).Append('\n')
            .Append(request.DepartmentCode).Append('\n')
            .Append(request.IssuedAt.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture)).Append('\n');
        foreach (var text in DocumentTemplates.Compose(request).Texts())
        {
            canonical.Append(text).Append('\n');
        }

        var hash = System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString()));
        var hex = Convert.ToHexString(hash, 0, 8);
        return $"{hex[..4]}-{hex[4..8]}-{hex[8..12]}-{hex[12..16]}";
    }

    /// <summary>The size at which <paramref name="text"/> fits <paramref name="width"/>, at most <paramref name="size"/>.</summary>
    private static double Fit(PdfDocument document, string text, double size, double width)
    {
        var natural = document.Measure(text, size);
        return natural <= width ? size : Math.Max(8, size * width / natural);
    }

    private static void DrawSeal(PdfPage page, double cx, double cy, string department, string purpose)
    {
        const double radius = 50;
        var red = PdfColor.SealRed;
        page.Circle(cx, cy, radius, 2.6, red);

        // Five-pointed star in the centre.
        var star = new List<(double, double)>();
        for (var i = 0; i < 10; i++)
        {
            var r = i % 2 == 0 ? 15.0 : 6.0;
            var angle = (Math.PI / 2) + (i * Math.PI / 5);
            star.Add((cx + (r * Math.Cos(angle)), cy + 2 + (r * Math.Sin(angle))));
        }

        page.FillPolygon(star, red);

        // The department's name along the upper arc, each character upright to the rim.
        var characters = department.EnumerateRunes().Select(r => r.ToString()).ToList();
        var size = characters.Count <= 10 ? 11.5 : Math.Max(7, 11.5 * 10 / characters.Count);
        var baseline = radius - 5 - size;
        var span = Math.Min(250 * Math.PI / 180, characters.Count * size * 1.15 / baseline);
        for (var i = 0; i < characters.Count; i++)
        {
            var theta = characters.Count == 1 ? Math.PI / 2 : (Math.PI / 2) + (span / 2) - (i * span / (characters.Count - 1));
            var phi = theta - (Math.PI / 2);
            var width = page.Measure(characters[i], size);
            var x = cx + (baseline * Math.Cos(theta)) - (width / 2 * Math.Cos(phi));
            var y = cy + (baseline * Math.Sin(theta)) - (width / 2 * Math.Sin(phi));
            page.TextRotated(characters[i], x, y, size, phi, red, bold: true);
        }

        page.TextCentered(purpose, cx, cy - 27, 8.5, red, bold: true);
    }

    private static void DrawVerification(PdfPage page, VerificationStamp stamp)
    {
        const double box = 88;
        const double top = FooterTop - 12;
        page.Line(Left, FooterTop, Right, FooterTop, 0.5, PdfColor.Gray);
        using (var generator = new QRCodeGenerator())
        using (var code = generator.CreateQrCode(stamp.VerifyUrl, QRCodeGenerator.ECCLevel.M))
        {
            var matrix = code.ModuleMatrix;
            var module = box / matrix.Count;
            page.FillRectangles(Modules(matrix).Select(m => (Left + (m.Column * module), top - ((m.Row + 1) * module), m.Length * module, module)));
        }

        var x = Left + box + 14;
        var y = top - 14;
        page.Text("电子文书核验", x, y, 11, bold: true);
        page.Text($"文书编号：{stamp.DocumentId}", x, y - 18, 9.5);
        page.Text($"内容摘要：{stamp.ContentDigest}（SHA-256）", x, y - 34, 9.5);
        const string label = "核验地址：";
        const double urlSize = 8.5;
        var indent = page.Measure(label, urlSize);
        var urlLines = new List<string>();
        var line = new StringBuilder();
        foreach (var rune in stamp.VerifyUrl.EnumerateRunes())
        {
            if (line.Length > 0 && page.Measure(line.ToString() + rune, urlSize) > Right - x - indent)
            {
                urlLines.Add(line.ToString());
                line.Clear();
            }

            line.Append(rune.ToString());
        }

        urlLines.Add(line.ToString());
        page.Text(label + urlLines[0], x, y - 50, urlSize);
        var urlY = y - 50;
        foreach (var more in urlLines.Skip(1).Take(2))
        {
            urlY -= 10.5;
            page.Text(more, x + indent, urlY, urlSize);
        }

        page.Text("扫描二维码或在政务公开平台输入文书编号，可核验本文书的电子印章（SM2/SM3）", x, urlY - 16, 7.5, PdfColor.Gray);
        page.Text("及内容是否被改动；文件的 SHA-256 由核验结果给出。", x, urlY - 26, 7.5, PdfColor.Gray);
    }

    /// <summary>Dark modules merged into horizontal runs (fewer rectangles, smaller files).</summary>
    private static IEnumerable<(int Row, int Column, int Length)> Modules(List<BitArray> matrix)
    {
        for (var row = 0; row < matrix.Count; row++)
        {
            var bits = matrix[row];
            var column = 0;
            while (column < bits.Length)
            {
                if (!bits[column])
                {
                    column++;
                    continue;
                }

                var start = column;
                while (column < bits.Length && bits[column])
                {
                    column++;
                }

                yield return (row, start, column - start);
            }
        }
    }

    /// <summary>A cursor down the pages: sets each block in the type area and starts a new page when one is full.</summary>
    private sealed class Layout
    {
        private readonly PdfDocument _document;

        public Layout(PdfDocument document)
        {
            _document = document;
            Page = document.AddPage();
        }

        public PdfPage Page { get; private set; }

        public double Y { get; set; }

        public void Space(double points) => Y -= points;

        public void NewPage()
        {
            Page = _document.AddPage();
            Y = PageTop;
        }

        public void Paragraph(string text, ParagraphStyle style)
        {
            var (size, leading, color) = style == ParagraphStyle.Note ? (NoteSize, NoteSize * 1.6, PdfColor.Gray) : (BodySize, BodyLeading, PdfColor.Black);
            var indent = style == ParagraphStyle.Body ? 2 * _document.Advance(new Rune('　'), size) : 0;
            var lines = Lines(text, size, TextWidth, indent);
            for (var i = 0; i < lines.Count; i++)
            {
                var line = lines[i];

                // No last line left alone at the top of a page (widow): take the one before it along.
                if (i == lines.Count - 2 && Y - (2 * leading) < Bottom && Y - leading >= Bottom)
                {
                    NewPage();
                }

                Room(leading);
                Y -= leading;
                var x = Left + (line.First ? indent : 0);
                var gaps = line.Text.EnumerateRunes().Count() - 1;
                var room = Right - x - Page.Measure(line.Text, size);

                // Justified unless that would space the characters out conspicuously (a long code pulled to the next line).
                if (line.Justified && gaps > 0 && room / gaps <= size * MaxJustifySpacing)
                {
                    Page.TextJustified(line.Text, x, Y, size, Right - x, color);
                }
                else
                {
                    Page.Text(line.Text, x, Y, size, color);
                }
            }
        }

        public void Fields(DocumentFields block)
        {
            if (block.Fields.Count == 0)
            {
                return;
            }

            Space(6);
            var widest = block.Fields.Max(f => _document.Measure(f.Label, FieldSize));
            var labelWidth = Math.Clamp(widest + (2 * FieldPadding) + 2, 84, TextWidth * 0.36);
            var valueWidth = TextWidth - labelWidth;
            foreach (var field in block.Fields)
            {
                var labels = Lines(field.Label, FieldSize, labelWidth - (2 * FieldPadding), 0);
                var values = Lines(field.Value, FieldSize, valueWidth - (2 * FieldPadding), 0).ToList();
                var first = true;
                while (first || values.Count > 0)
                {
                    // A row taller than a page runs on: as many value lines as fit, the rest on the next page.
                    var fit = (int)Math.Floor((Y - Bottom - (2 * FieldPadding)) / FieldLeading);
                    var needed = Math.Max(values.Count, first ? labels.Count : 0);
                    if (fit < Math.Min(needed, MaxLinesPerPage(FieldLeading)) || fit < 1)
                    {
                        NewPage();
                        continue;
                    }

                    var take = Math.Min(values.Count, fit);
                    var rowLines = Math.Max(take, first ? labels.Count : 0);
                    var height = Math.Max(Math.Max(26, block.MinRowHeight), (rowLines * FieldLeading) + (2 * FieldPadding) - 4);
                    var top = Y;
                    Page.Rectangle(Left, top - height, labelWidth, height, 0.6);
                    Page.Rectangle(Left + labelWidth, top - height, valueWidth, height, 0.6);
                    if (first)
                    {
                        var labelTop = top - ((height - (labels.Count * FieldLeading)) / 2);
                        for (var i = 0; i < labels.Count; i++)
                        {
                            Page.Text(labels[i].Text, Left + FieldPadding, labelTop - ((i + 1) * FieldLeading) + 4.5, FieldSize);
                        }
                    }

                    for (var i = 0; i < take; i++)
                    {
                        Page.Text(values[i].Text, Left + labelWidth + FieldPadding, top - FieldPadding - ((i + 1) * FieldLeading) + 4.5, FieldSize);
                    }

                    values.RemoveRange(0, take);
                    Y -= height;
                    first = false;
                }
            }

            Space(6);
        }

        public void Table(DocumentTable table)
        {
            var total = table.Columns.Sum(c => Math.Max(0.1, c.Weight));
            var widths = table.Columns.Select(c => TextWidth * Math.Max(0.1, c.Weight) / total).ToArray();
            var header = table.Columns.Select(c => c.Header).ToArray();
            var headerHeight = RowHeight(header, widths);
            Space(8);
            var firstRow = table.Rows.Count > 0 ? RowHeight(table.Rows[0], widths) : 0;
            var captionHeight = string.IsNullOrWhiteSpace(table.Caption) ? 0 : 22;
            Room(captionHeight + headerHeight + firstRow);
            if (captionHeight > 0)
            {
                Y -= 16;
                Page.TextCentered(table.Caption!, PdfPage.A4Width / 2, Y, 12, bold: true);
                Y -= 6;
            }

            Row(header, widths, table.Columns, headerHeight, shaded: true);
            foreach (var row in table.Rows)
            {
                var height = RowHeight(row, widths);
                if (Y - height < Bottom)
                {
                    NewPage();
                    Row(header, widths, table.Columns, headerHeight, shaded: true);
                }

                Row(row, widths, table.Columns, height, shaded: false);
            }

            Space(8);
        }

        public void BarChart(DocumentBarChart chart)
        {
            const double size = 10.5;
            const double barHeight = 11;
            var caption = DocumentTexts.ChartCaption(chart.Caption, chart.Unit);
            var labelWidth = Math.Min(TextWidth * 0.34, chart.Bars.Select(b => _document.Measure(b.Label, size)).DefaultIfEmpty(0).Max() + 8);
            var valueRoom = chart.Bars.Select(b => _document.Measure(DocumentTexts.Number(b.Value), size)).DefaultIfEmpty(0).Max() + 8;
            var barStart = Left + labelWidth + 4;
            var barRoom = Right - barStart - valueRoom;
            var max = chart.Bars.Select(b => b.Value).DefaultIfEmpty(0).Max();
            Space(8);
            var heights = chart.Bars.Select(b => Math.Max(20, (Lines(b.Label, size, labelWidth - 4, 0).Count * size * 1.4) + 6)).ToList();
            var whole = (caption.Length > 0 ? 24 : 0) + heights.Sum();

            // On one page when it fits on one; otherwise it runs on, bar by bar.
            Room(whole <= PageTop - Bottom ? whole : (caption.Length > 0 ? 24 : 0) + heights.DefaultIfEmpty(0).First());
            if (caption.Length > 0)
            {
                Y -= 16;
                Page.TextCentered(caption, PdfPage.A4Width / 2, Y, 12, bold: true);
                Y -= 8;
            }

            for (var b = 0; b < chart.Bars.Count; b++)
            {
                var bar = chart.Bars[b];
                var labels = Lines(bar.Label, size, labelWidth - 4, 0);
                var height = heights[b];
                Room(height);
                var top = Y;
                var middle = top - (height / 2);
                for (var i = 0; i < labels.Count; i++)
                {
                    var lineY = middle + ((labels.Count * size * 1.4) / 2) - ((i + 1) * size * 1.4) + 3;
                    Page.TextRight(labels[i].Text, Left + labelWidth, lineY, size);
                }

                var length = max > 0 ? barRoom * bar.Value / max : 0;
                if (length > 0)
                {
                    Page.FillRectangle(barStart, middle - (barHeight / 2), length, barHeight, PdfColor.ChartBar);
                }

                Page.Text(DocumentTexts.Number(bar.Value), barStart + length + 4, middle - (size * 0.35), size);
                Page.Line(barStart, top, barStart, top - height, 0.6, PdfColor.Gray);
                Y -= height;
            }

            Space(8);
        }

        private static int MaxLinesPerPage(double leading) => (int)Math.Floor((PageTop - Bottom - (2 * FieldPadding)) / leading);

        private void Room(double height)
        {
            if (Y - height < Bottom)
            {
                NewPage();
            }
        }

        private double RowHeight(IReadOnlyList<string> cells, double[] widths) =>
            Math.Max(22, (cells.Select((cell, i) => Lines(cell, TableSize, widths[i] - 8, 0).Count).DefaultIfEmpty(1).Max() * TableLeading) + 8);

        private void Row(IReadOnlyList<string> cells, double[] widths, IReadOnlyList<DocumentTableColumn> columns, double height, bool shaded)
        {
            var x = Left;
            for (var i = 0; i < widths.Length; i++)
            {
                if (shaded)
                {
                    Page.FillRectangle(x, Y - height, widths[i], height, PdfColor.HeaderShade);
                }

                Page.Rectangle(x, Y - height, widths[i], height, 0.5);
                var lines = Lines(i < cells.Count ? cells[i] : string.Empty, TableSize, widths[i] - 8, 0);
                var textTop = Y - ((height - (lines.Count * TableLeading)) / 2);
                for (var j = 0; j < lines.Count; j++)
                {
                    var baseline = textTop - ((j + 1) * TableLeading) + 4;
                    var align = shaded ? TextAlign.Center : columns[i].Align;
                    switch (align)
                    {
                        case TextAlign.Center:
                            Page.TextCentered(lines[j].Text, x + (widths[i] / 2), baseline, TableSize, bold: shaded);
                            break;
                        case TextAlign.End:
                            Page.TextRight(lines[j].Text, x + widths[i] - 4, baseline, TableSize);
                            break;
                        default:
                            Page.Text(lines[j].Text, x + 4, baseline, TableSize);
                            break;
                    }
                }

                x += widths[i];
            }

            Y -= height;
        }

        private IReadOnlyList<TextLine> Lines(string text, double size, double width, double indent)
        {
            var lines = LineBreaker.Break(text, width, indent, r => _document.Advance(r, size));
            return lines.Count == 0 ? [new TextLine(string.Empty, false, true)] : lines;
        }
    }
}
