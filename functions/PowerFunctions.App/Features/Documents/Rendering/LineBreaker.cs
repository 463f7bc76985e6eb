using System.Text;

namespace PowerFunctions.App.Features.Documents.Rendering;

/// <summary>
/// Breaks Chinese text into lines of a given width by the line-breaking rules of Chinese typesetting
/// (禁则, GB/T 15834-2011 标点符号用法 §5 and common practice): a line may break between any two
/// Chinese characters, never inside a run of Latin letters and digits (unless the run is longer than a
/// line) nor inside —— or ……; no line starts with a closing or pause mark (<see cref="NoLineStart"/>)
/// and none ends with an opening mark (<see cref="NoLineEnd"/>). Where a break would break a rule, the
/// last character of the line is pulled down to the next one (推出), as typesetters do, and the
/// shortened line is justified; only where nothing is left to pull (a column narrower than a run of
/// marks) does the mark hang past the edge (悬挂) instead.
/// </summary>
public static class LineBreaker
{
    /// <summary>Marks that may not start a line: pause and end marks, closing quotes and brackets, —— …… ·, and their ASCII kin.</summary>
    public const string NoLineStart = "、，。．；：？！’”）》」』〕】〗〉…—～·％‰℃,.;:?!)]}%";

    /// <summary>Marks that may not end a line: opening quotes and brackets, currency signs.</summary>
    public const string NoLineEnd = "（《「『〔【〖〈‘“([{￥$£";

    /// <summary>
    /// The lines of <paramref name="text"/> in <paramref name="width"/> points; '\n' starts a new paragraph.
    /// The first line of each paragraph is indented by <paramref name="firstIndent"/> (and marked
    /// <see cref="TextLine.First"/>); <paramref name="advance"/> measures a character. Every line but the
    /// last of a paragraph is marked to be justified.
    /// </summary>
    public static IReadOnlyList<TextLine> Break(string text, double width, double firstIndent, Func<Rune, double> advance)
    {
        var lines = new List<TextLine>();
        foreach (var paragraph in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            BreakParagraph(paragraph, width, firstIndent, advance, lines);
        }

        return lines;
    }

    /// <summary>True when <paramref name="line"/> starts or ends where the rules forbid.</summary>
    public static bool Violates(string line)
    {
        var trimmed = line.Trim();
        return trimmed.Length > 0 && (NoLineStart.Contains(trimmed[0], StringComparison.Ordinal) || NoLineEnd.Contains(trimmed[^1], StringComparison.Ordinal));
    }

    private static void BreakParagraph(string text, double width, double indent, Func<Rune, double> advance, List<TextLine> lines)
    {
        var units = Units(text, width, advance);
        var current = new List<Unit>();
        var used = 0.0;
        var available = width - indent;
        var firstOfParagraph = true;
        foreach (var unit in units)
        {
            if (current.Count > 0 && used + unit.Width > available + 0.01)
            {
                if (unit.IsSpace)
                {
                    // A space at the break point disappears.
                    Emit(current, justified: true);
                    continue;
                }

                var next = new List<Unit> { unit };
                while (current.Count > 1 && (StartsBadly(next[0]) || EndsBadly(current[^1]) || current[^1].IsSpace))
                {
                    next.Insert(0, current[^1]);
                    current.RemoveAt(current.Count - 1);
                }

                if (StartsBadly(next[0]) || EndsBadly(current[^1]))
                {
                    // Nothing left to pull (a line narrower than a run of marks): hang the unit past the edge instead.
                    current.AddRange(next);
                    used = current.Sum(u => u.Width);
                    continue;
                }

                Emit(current, justified: true);
                current.AddRange(next.SkipWhile(u => u.IsSpace));
                used = current.Sum(u => u.Width);
                continue;
            }

            if (current.Count == 0 && unit.IsSpace && !firstOfParagraph)
            {
                continue;
            }

            current.Add(unit);
            used += unit.Width;
        }

        Emit(current, justified: false);

        void Emit(List<Unit> line, bool justified)
        {
            while (line.Count > 0 && line[^1].IsSpace)
            {
                line.RemoveAt(line.Count - 1);
            }

            lines.Add(new TextLine(string.Concat(line.Select(u => u.Text)), justified && line.Count > 1, firstOfParagraph));
            firstOfParagraph = false;
            line.Clear();
            used = 0;
            available = width;
        }
    }

    private static bool StartsBadly(Unit unit) => NoLineStart.Contains(unit.Text[0], StringComparison.Ordinal);

    private static bool EndsBadly(Unit unit) => NoLineEnd.Contains(unit.Text[^1], StringComparison.Ordinal);

    /// <summary>
    /// The unbreakable pieces: a run of ASCII letters, digits and inner punctuation (a code, a number,
    /// an address) unless wider than a line, a space, —— or ……, or one character.
    /// </summary>
    private static List<Unit> Units(string text, double width, Func<Rune, double> advance)
    {
        var units = new List<Unit>();
        var runes = text.EnumerateRunes().Where(r => !Rune.IsControl(r)).ToList();
        var i = 0;
        while (i < runes.Count)
        {
            var rune = runes[i];
            if (rune.Value == ' ')
            {
                units.Add(new Unit(" ", advance(rune), IsSpace: true));
                i++;
            }
            else if (IsWordCharacter(rune))
            {
                var start = i;
                while (i < runes.Count && IsWordCharacter(runes[i]))
                {
                    i++;
                }

                var word = runes.GetRange(start, i - start);
                var wordWidth = word.Sum(advance);
                if (wordWidth <= width)
                {
                    units.Add(new Unit(string.Concat(word.Select(r => r.ToString())), wordWidth, IsSpace: false));
                }
                else
                {
                    units.AddRange(word.Select(r => new Unit(r.ToString(), advance(r), IsSpace: false)));
                }
            }
            else if ((rune.Value is '—' or '…') && i + 1 < runes.Count && runes[i + 1] == rune)
            {
                units.Add(new Unit(rune.ToString() + rune, 2 * advance(rune), IsSpace: false));
                i += 2;
            }
            else
            {
                units.Add(new Unit(rune.ToString(), advance(rune), IsSpace: false));
                i++;
            }
        }

        return units;
    }

    /// <summary>ASCII that belongs to a word: letters, digits and the marks inside codes, numbers and addresses.</summary>
    private static bool IsWordCharacter(Rune rune) =>
        rune.Value < 0x80 && (char.IsAsciiLetterOrDigit((char)rune.Value) || "-_./:@#%&=+?~',;!)]}([{\"*".Contains((char)rune.Value, StringComparison.Ordinal));

    private sealed record Unit(string Text, double Width, bool IsSpace);
}
