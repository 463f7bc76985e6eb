using System.Collections;
using System.Globalization;
using System.Text;
using PowerFunctions.App.Features.Documents.Pdf;
using PowerFunctions.Domain.Common;
using QRCoder;

namespace PowerFunctions.App.Features.Documents.Rendering;

/// <summary>
/// Lays out one official document on A4: red letterhead with the department, title, document
/// number, addressee, body, labelled fields, legal basis, remedies where due, the signature block
/// with the seal mark, and a verification box (QR code of the verify URL, document id, content
/// digest). Deterministic: the same request gives the same bytes.
/// </summary>
public sealed class DocumentRenderer(TrueTypeFont font)
{
    private const double Left = 72;
    private const double Right = PdfPage.A4Width - 72;
    private const double TextWidth = Right - Left;
    private const double BodySize = 13;
    private const double LineHeight = 23;
    private const double FooterTop = 150;
    private const double SignatureHeight = 120;

    /// <summary>The document number, e.g. <c>D01〔2026〕受字第000123号</c>: department, year, type, case serial.</summary>
    public static string DocumentNumber(DocumentRequest request)
    {
        var year = ChinaTime.DateOf(request.IssuedAt).Year;
        var digits = new string(request.CaseNo.Reverse().TakeWhile(char.IsAsciiDigit).Reverse().ToArray());
        var serial = digits.Length == 0
            ? (Math.Abs((long)StableHash(request.CaseNo)) % 1_000_000).ToString("D6", CultureInfo.InvariantCulture)
            : digits.Length >= 6 ? digits[^6..] : digits.PadLeft(6, '0');
        var suffix = string.Empty;
        var lastDash = request.DocumentId.LastIndexOf('-');
        if (lastDash >= 0 && int.TryParse(request.DocumentId[(lastDash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var ordinal) && ordinal > 1)
        {
            suffix = "-" + ordinal.ToString(CultureInfo.InvariantCulture);
        }

        return $"{request.DepartmentCode}〔{year}〕{DocumentTexts.NumberWord(request.Type)}字第{serial}{suffix}号";
    }

    /// <summary>The characters of the request the font cannot print (they would show as boxes).</summary>
    public IReadOnlyList<string> Unprintable(DocumentRequest request)
    {
        var text = new StringBuilder()
            .Append(request.ApplicantName).Append(request.DepartmentName).Append(request.ItemName).Append(request.CaseNo)
            .Append(request.LegalBasis);
        foreach (var field in request.Fields)
        {
            text.Append(field.Label).Append(field.Value);
        }

        foreach (var paragraph in request.Paragraphs)
        {
            text.Append(paragraph);
        }

        return new PdfDocument(font).Missing(text.ToString());
    }

    public byte[] Render(DocumentRequest request, string verifyUrl, string contentDigest)
    {
        var title = DocumentTexts.Title(request.Type);
        var basis = string.IsNullOrWhiteSpace(request.LegalBasis) ? DocumentTexts.DefaultBasis(request.Type) : request.LegalBasis.Trim();
        var number = DocumentNumber(request);
        var issuedOn = ChinaTime.DateOf(request.IssuedAt);
        var document = new PdfDocument(font)
        {
            Info = new PdfInfo
            {
                Title = title,
                Subject = request.DocumentId,
                Author = request.DepartmentName,
                Keywords = $"{request.CaseNo} {number}",
                CreationDate = ChinaTime.InChina(request.IssuedAt),
                Custom = new Dictionary<string, string>
                {
                    ["PFDocumentId"] = request.DocumentId,
                    ["PFCaseNo"] = request.CaseNo,
                    ["PFDocumentType"] = request.Type.ToString(),
                },
            },
        };

        var layout = new Layout(document);
        var page = layout.Page;
        page.TextCentered(request.DepartmentName, PdfPage.A4Width / 2, 772, 22, PdfColor.SealRed, bold: true);
        page.Line(Left, 756, Right, 756, 2, PdfColor.SealRed);
        page.Line(Left, 752, Right, 752, 0.6, PdfColor.SealRed);
        page.TextCentered(title, PdfPage.A4Width / 2, 712, 24, bold: true);
        page.TextCentered(number, PdfPage.A4Width / 2, 686, 12);
        layout.Y = 650;

        layout.Line($"{request.ApplicantName}：", BodySize);
        if (DocumentTexts.Opening(request.Type, request.ItemName, basis) is { } opening)
        {
            layout.Paragraph(opening);
        }

        var numbered = request.Type is DocumentType.RefusalNotice or DocumentType.CorrectionNotice or DocumentType.DenialDecision or DocumentType.RectificationNotice;
        for (var i = 0; i < request.Paragraphs.Count; i++)
        {
            var prefix = numbered && request.Paragraphs.Count > 1 ? $"{ChineseOrdinal(i + 1)}、" : string.Empty;
            layout.Paragraph(prefix + request.Paragraphs[i].Trim());
        }

        if (DocumentTexts.Closing(request.Type) is { } closing)
        {
            layout.Paragraph(closing);
        }

        var fields = new List<DocumentField>();
        if (DocumentTexts.ListsCaseFields(request.Type))
        {
            fields.Add(new("案件编号", request.CaseNo));
            fields.Add(new("申请事项", request.ItemName));
            fields.Add(new(request.Type == DocumentType.RectificationNotice ? "整改对象" : "申请人", request.ApplicantName));
        }

        fields.AddRange(request.Fields);
        if (request.Type == DocumentType.DeliveryReceipt)
        {
            fields.Add(new DocumentField("受送达人签名", string.Empty));
            fields.Add(new DocumentField("签收日期", "        年    月    日"));
        }

        layout.Space(6);
        layout.Table(fields);
        layout.Space(8);
        layout.Paragraph($"法律依据：{basis}", indent: false, size: 11.5);
        if (DocumentTexts.StatesRemedies(request.Type))
        {
            layout.Paragraph("救济途径：" + DocumentTexts.Remedies, indent: false, size: 11.5);
            layout.Paragraph($"（{DocumentTexts.RemediesBasis}）", indent: false, size: 10, color: PdfColor.Gray);
        }

        // Signature block and seal: on this page if they fit above the verification box.
        layout.EnsureRoom(SignatureHeight);
        var signY = layout.Y - 52;
        page = layout.Page;
        var date = DocumentTexts.ChineseDate(issuedOn);
        var signCenter = Right - 90;
        page.TextCentered(request.DepartmentName, signCenter, signY, BodySize);
        page.TextCentered(date, signCenter, signY - LineHeight, BodySize);
        DrawSeal(page, signCenter, signY - 8, request.DepartmentName, DocumentTexts.SealPurpose(request.Type));

        DrawVerification(page, request.DocumentId, contentDigest, verifyUrl);
        for (var i = 0; i < document.Pages.Count; i++)
        {
            document.Pages[i].TextCentered($"第 {i + 1} 页 共 {document.Pages.Count} 页", PdfPage.A4Width / 2, 18, 9, PdfColor.Gray);
        }

        return document.Save();
    }

    /// <summary>A short digest of what the document says (not of the file, which cannot hold its own hash).</summary>
    public static string ContentDigest(DocumentRequest request)
    {
        var canonical = new StringBuilder()
            .Append(request.DocumentId).Append('\n').Append(request.Type).Append('\n').Append(request.CaseNo).Append('\n')
            .Append(request.DepartmentCode).Append('\n').Append(request.DepartmentName).Append('\n')
            .Append(request.ApplicantName).Append('\n').Append(request.ItemName).Append('\n')
            .Append(request.IssuedAt.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture)).Append('\n')
            .Append(request.LegalBasis).Append('\n');
        foreach (var field in request.Fields)
        {
            canonical.Append(field.Label).Append('=').Append(field.Value).Append('\n');
        }

        foreach (var paragraph in request.Paragraphs)
        {
            canonical.Append(paragraph).Append('\n');
        }

        var hash = System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString()));
        var hex = Convert.ToHexString(hash, 0, 8);
        return $"{hex[..4]}-{hex[4..8]}-{hex[8..12]}-{hex[12..16]}";
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

    private static void DrawVerification(PdfPage page, string documentId, string contentDigest, string verifyUrl)
    {
        const double box = 88;
        const double top = FooterTop - 12;
        page.Line(Left, FooterTop, Right, FooterTop, 0.5, PdfColor.Gray);
        using (var generator = new QRCodeGenerator())
        using (var code = generator.CreateQrCode(verifyUrl, QRCodeGenerator.ECCLevel.M))
        {
            var matrix = code.ModuleMatrix;
            var modules = matrix.Count;
            var module = box / modules;
            page.FillRectangles(Modules(matrix).Select(m => (Left + (m.Column * module), top - ((m.Row + 1) * module), m.Length * module, module)));
        }

        var x = Left + box + 14;
        var y = top - 14;
        page.Text("电子文书核验", x, y, 11, bold: true);
        page.Text($"文书编号：{documentId}", x, y - 18, 9.5);
        page.Text($"内容摘要：{contentDigest}（SHA-256）", x, y - 34, 9.5);
        var label = "核验地址：";
        var room = Right - x - page.Measure(label, 8);
        var perLine = Math.Max(10, (int)(room / (8 * PdfDocument.CourierAdvance)));
        page.Text(label + verifyUrl[..Math.Min(perLine, verifyUrl.Length)], x, y - 50, 8);
        if (verifyUrl.Length > perLine)
        {
            page.Text(verifyUrl[perLine..], x + page.Measure(label, 8), y - 61, 8);
        }

        page.Text("扫描二维码或在政务公开平台输入文书编号，可核验本文书的电子印章（SM2/SM3）", x, y - 77, 7.5, PdfColor.Gray);
        page.Text("及内容是否被改动；文件的 SHA-256 由核验结果给出。", x, y - 87, 7.5, PdfColor.Gray);
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

    private static string ChineseOrdinal(int n)
    {
        string[] digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
        return n switch
        {
            < 10 => digits[n],
            10 => "十",
            < 20 => "十" + digits[n % 10],
            < 100 => digits[n / 10] + "十" + (n % 10 == 0 ? string.Empty : digits[n % 10]),
            _ => n.ToString(CultureInfo.InvariantCulture),
        };
    }

    private static int StableHash(string text)
    {
        var hash = System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(text));
        return BitConverter.ToInt32(hash, 0) & int.MaxValue;
    }

    /// <summary>A cursor down the pages: wraps text to the text width and starts a new page when full.</summary>
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

        public void EnsureRoom(double height)
        {
            if (Y - height < FooterTop + 10)
            {
                NewPage();
            }
        }

        public void Line(string text, double size, PdfColor? color = null)
        {
            EnsureRoom(LineHeight);
            Y -= LineHeight;
            Page.Text(text, Left, Y, size, color);
        }

        public void Paragraph(string text, bool indent = true, double size = BodySize, PdfColor? color = null)
        {
            var first = true;
            foreach (var line in Wrap(text, size, indent ? Page.Measure("　　", size) : 0))
            {
                EnsureRoom(size * 1.75);
                Y -= size * 1.75;
                var x = Left + (first && indent ? Page.Measure("　　", size) : 0);
                Page.Text(line, x, Y, size, color);
                first = false;
            }
        }

        public void Table(IReadOnlyList<DocumentField> fields)
        {
            const double labelWidth = 112;
            const double size = 11.5;
            const double padding = 7;
            foreach (var field in fields)
            {
                var lines = Wrap(field.Value, size, 0, TextWidth - labelWidth - (2 * padding));
                if (lines.Count == 0)
                {
                    lines.Add(string.Empty);
                }

                var height = Math.Max(26, (lines.Count * size * 1.6) + 10);
                EnsureRoom(height);
                var top = Y;
                Page.Rectangle(Left, top - height, labelWidth, height, 0.6);
                Page.Rectangle(Left + labelWidth, top - height, TextWidth - labelWidth, height, 0.6);
                Page.Text(field.Label, Left + padding, top - (height / 2) - (size * 0.35), size);
                var y = top - 8 - size;
                foreach (var line in lines)
                {
                    Page.Text(line, Left + labelWidth + padding, y, size);
                    y -= size * 1.6;
                }

                Y -= height;
            }
        }

        private void NewPage()
        {
            Page = _document.AddPage();
            Y = PdfPage.A4Height - 80;
        }

        private List<string> Wrap(string text, double size, double firstIndent, double width = TextWidth)
        {
            var lines = new List<string>();
            var line = new StringBuilder();
            var lineWidth = 0.0;
            var available = width - firstIndent;
            foreach (var rune in text.EnumerateRunes())
            {
                if (rune.Value == '\n')
                {
                    lines.Add(line.ToString());
                    line.Clear();
                    lineWidth = 0;
                    available = width;
                    continue;
                }

                var character = rune.ToString();
                var characterWidth = Page.Measure(character, size);
                if (line.Length > 0 && lineWidth + characterWidth > available)
                {
                    lines.Add(line.ToString());
                    line.Clear();
                    lineWidth = 0;
                    available = width;
                }

                line.Append(character);
                lineWidth += characterWidth;
            }

            if (line.Length > 0)
            {
                lines.Add(line.ToString());
            }

            return lines;
        }
    }
}
