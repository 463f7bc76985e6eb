using System.Text.RegularExpressions;

namespace PowerFunctions.App.Features.Documents.Rendering;

/// <summary>
/// What a document says, in reading order, free of layout: the renderer turns it into A4 pages
/// (letterhead with the issuer, title, number, addressee, the body blocks, remedies, the signature
/// with the issuer, date and seal mark, then the verification box). A document kind is a function from
/// its request to this (<see cref="DocumentTemplates"/>); nothing about a kind lives in the layout.
/// </summary>
public sealed partial record DocumentContent
{
    /// <summary>The issuing body: the red letterhead and the signature.</summary>
    public required string Issuer { get; init; }

    public required string Title { get; init; }

    /// <summary>The document number (文号), under the title.</summary>
    public string? Number { get; init; }

    /// <summary>Whom it is written to, printed "…：" before the body; none for a form such as 送达回证.</summary>
    public string? Addressee { get; init; }

    public required IReadOnlyList<DocumentBlock> Body { get; init; }

    /// <summary>The remedies the reader has (复议, 诉讼), printed after the body as 救济途径.</summary>
    public string? Remedies { get; init; }

    /// <summary>The legal source of <see cref="Remedies"/>, in small print under them.</summary>
    public string? RemediesBasis { get; init; }

    /// <summary>The date of the act, printed under the issuer's name in the signature.</summary>
    public required DateOnly Date { get; init; }

    /// <summary>The words under the seal's star (e.g. 行政许可专用章); none: no seal mark.</summary>
    public string? SealPurpose { get; init; }

    /// <summary>Every text the document prints, in reading order (the content digest and the font check read this).</summary>
    public IEnumerable<string> Texts()
    {
        yield return Issuer;
        yield return Title;
        if (Number is not null)
        {
            yield return Number;
        }

        if (Addressee is not null)
        {
            yield return Addressee + "：";
        }

        foreach (var block in Body)
        {
            foreach (var text in TextsOf(block))
            {
                yield return text;
            }
        }

        if (Remedies is not null)
        {
            yield return DocumentTexts.RemediesLabel + Remedies;
        }

        if (RemediesBasis is not null)
        {
            yield return RemediesBasis;
        }

        yield return Issuer;
        yield return DocumentTexts.ChineseDate(Date);
        if (SealPurpose is not null)
        {
            yield return SealPurpose;
        }
    }

    /// <summary>
    /// What the document says twice: a field label (or its synonym, e.g. 案件编号/办件编号) or a field
    /// value given under two labels, or the same paragraph twice. Empty for a well-made document.
    /// </summary>
    public IReadOnlyList<string> Repeats()
    {
        var repeats = new List<string>();
        var labels = new HashSet<string>(StringComparer.Ordinal);
        var values = new HashSet<string>(StringComparer.Ordinal);
        var paragraphs = new HashSet<string>(StringComparer.Ordinal);
        foreach (var block in Body)
        {
            switch (block)
            {
                case DocumentFields fields:
                    foreach (var field in fields.Fields)
                    {
                        if (!labels.Add(DocumentTexts.CanonicalLabel(field.Label)))
                        {
                            repeats.Add($"label {field.Label}");
                        }

                        var value = field.Value.Trim();
                        if (IsDistinctive(value) && !values.Add(value))
                        {
                            repeats.Add($"value {value}");
                        }
                    }

                    break;
                case DocumentParagraph paragraph when !paragraphs.Add(paragraph.Text.Trim()):
                    repeats.Add($"paragraph {paragraph.Text}");
                    break;
                case DocumentList list:
                    repeats.AddRange(list.Items.Where(item => !paragraphs.Add(item.Trim())).Select(item => $"paragraph {item}"));
                    break;
            }
        }

        return repeats;
    }

    /// <summary>The texts a block prints, numbers included.</summary>
    internal static IEnumerable<string> TextsOf(DocumentBlock block) => block switch
    {
        DocumentParagraph p => [p.Text],
        DocumentList l => l.Items.Count == 1 ? [l.Items[0]] : l.Items.Select((item, i) => DocumentTexts.ChineseOrdinal(i + 1) + "、" + item),
        DocumentFields f => f.Fields.SelectMany(field => new[] { field.Label, field.Value }),
        DocumentTable t => new[] { t.Caption ?? string.Empty }.Concat(t.Columns.Select(c => c.Header)).Concat(t.Rows.SelectMany(r => r)),
        DocumentBarChart c => new[] { DocumentTexts.ChartCaption(c.Caption, c.Unit) }.Concat(c.Bars.SelectMany(b => new[] { b.Label, DocumentTexts.Number(b.Value) })),
        _ => throw new ArgumentOutOfRangeException(nameof(block), block.GetType().Name, "unknown block"),
    };

    /// <summary>A value worth flagging when it appears under two labels: not a date, not a word or two.</summary>
    internal static bool IsDistinctive(string value) => value.Length >= 4 && !DatePattern().IsMatch(value);

    [GeneratedRegex(@"^\d{4}年\d{1,2}月\d{1,2}日")]
    private static partial Regex DatePattern();
}
