using System.Text;
using PowerFunctions.App.Features.Documents.Rendering;

namespace PowerFunctions.App.Tests.Documents;

public sealed class LineBreakerTests
{
    /// <summary>Every character one unit wide, ASCII half: widths count characters.</summary>
    private static double Advance(Rune rune) => rune.Value < 0x80 ? 0.5 : 1;

    [Theory]
    [Trait("Source", "GB/T 15834-2011 标点符号用法")]
    [InlineData("一二三四五，六七八", 5, "一二三四|五，六七八")]           // ， would start line 2: 五 is pulled down with it
    [InlineData("一二三四。”五六", 5, "一二三|四。”五六")]              // 。” both closing: pull until the line starts with a character
    [InlineData("一二三四《五六》七", 5, "一二三四|《五六》七")]          // 《 at a line end: pushed to the next line
    [InlineData("一二三四“五六”七", 5, "一二三四|“五六”七")]
    [InlineData("一二三四五、六、七", 5, "一二三四|五、六、七")]
    [InlineData("一二三（四）五六", 4, "一二三|（四）五|六")]
    [InlineData("一二三——四五六七", 4, "一二|三——四|五六七")]          // —— is not split and does not start a line
    [InlineData("一二三……四五六七", 4, "一二|三……四|五六七")]
    [InlineData("编号ABC123456号", 5, "编号|ABC123456|号")]              // a code is not split
    [InlineData("一二三四五六七八", 4, "一二三四|五六七八")]
    public void Break_ForbiddenStartsAndEnds_PulledOrPushedAsTypesettersDo(string text, double width, string expected)
    {
        var lines = LineBreaker.Break(text, width, 0, Advance);

        Assert.Equal(expected, string.Join('|', lines.Select(l => l.Text)));
        Assert.DoesNotContain(lines, l => LineBreaker.Violates(l.Text));
    }

    [Fact]
    public void Break_IndentNewlinesAndJustification_Marked()
    {
        var lines = LineBreaker.Break("一二三四五六七八九十\n甲乙丙", 4, 2, Advance);

        Assert.Equal(["一二", "三四五六", "七八九十", "甲乙", "丙"], lines.Select(l => l.Text));   // each paragraph indented
        Assert.Equal([true, false, false, true, false], lines.Select(l => l.First));
        Assert.Equal([true, true, false, true, false], lines.Select(l => l.Justified));
    }

    [Fact]
    public void Break_LongCodeWiderThanALine_SplitByCharacter()
    {
        var lines = LineBreaker.Break("https://powerfunctions.gov.cn/api/documents/x", 8, 0, Advance);

        Assert.All(lines, l => Assert.True(l.Text.Length <= 16));
        Assert.Equal("https://powerfunctions.gov.cn/api/documents/x", string.Concat(lines.Select(l => l.Text)));
    }

    [Fact]
    public void Break_PunctuationHeavyTextAtEveryWidth_NoViolationNothingLost()
    {
        const string text = "你（单位）于2026年9月18日提出的“食品经营许可证核发”申请，经审查：申请材料齐全、符合法定形式。根据《中华人民共和国行政许可法》第三十二条第一款第（五）项的规定，本机关决定予以受理！是否需要补正？否。「注」『二』〔三〕【四】……——完。";
        for (var width = 3; width <= 40; width++)
        {
            var lines = LineBreaker.Break(text, width, 2, Advance);

            Assert.Equal(text.Replace(" ", string.Empty, StringComparison.Ordinal), string.Concat(lines.Select(l => l.Text)).Replace(" ", string.Empty, StringComparison.Ordinal));
            var bad = lines.Select(l => l.Text).Where(LineBreaker.Violates).ToList();
            Assert.True(bad.Count == 0, $"width {width}: {string.Join(" | ", bad)}");
            if (width >= 8)
            {
                // Wide enough to pull: no line runs past the edge.
                Assert.All(lines.Skip(1), l => Assert.True(l.Text.EnumerateRunes().Sum(Advance) <= width, $"width {width}: '{l.Text}' too long"));
            }
        }
    }
}
