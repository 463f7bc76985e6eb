using System.Globalization;
using System.Security;
using System.Text;
using PowerFunctions.Domain.Catalog;

namespace PowerFunctions.App.Features.Catalog;

/// <summary>
/// Draws an item's flowchart (运行流程图) as an SVG a citizen can read: the item's name and limits on
/// top, one box per stage (name, responsible post, limit) laid out top to bottom by distance from
/// the start, arrows between them (loops back drawn on the right), where to complain at the bottom.
/// </summary>
public static class FlowchartSvg
{
    private const int BoxWidth = 210;
    private const int BoxHeight = 74;
    private const int GapX = 36;
    private const int GapY = 52;
    private const int HeaderTop = 34;
    private const int Margin = 40;
    private const string Font = "'Noto Sans CJK SC','Source Han Sans SC','Microsoft YaHei','PingFang SC','SimHei',sans-serif";

    public static string Render(PowerItem item)
    {
        var chart = item.Flowchart;
        var levels = chart.Levels();
        var widest = levels.Count == 0 ? 1 : levels.Max(l => l.Count);
        var width = Math.Max(640, (widest * (BoxWidth + GapX)) - GapX + (2 * Margin) + 60);
        var titleLines = Wrap($"{item.Name}（运行流程图）", (width - 40) / 19);
        var top = HeaderTop + (titleLines.Count * 26) + 54;
        var height = top + (levels.Count * (BoxHeight + GapY)) + 70;
        var unit = item.PromisedLimit.Unit == LimitUnit.Working ? "个工作日" : "个自然日";

        var positions = new Dictionary<string, (double X, double Y)>(StringComparer.Ordinal);
        for (var row = 0; row < levels.Count; row++)
        {
            var level = levels[row];
            var rowWidth = (level.Count * (BoxWidth + GapX)) - GapX;
            var x0 = (width - 60 - rowWidth) / 2.0;
            for (var i = 0; i < level.Count; i++)
            {
                positions.TryAdd(level[i].Id, (x0 + (i * (BoxWidth + GapX)), top + (row * (BoxHeight + GapY))));
            }
        }

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" font-family=\"{Font}\" role=\"img\" aria-label=\"{Escape(item.Name)} 运行流程图\">\n");
        svg.Append("<title>").Append(Escape(item.Name)).Append(" 运行流程图</title>\n");
        svg.Append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"8\" markerHeight=\"8\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#455a64\"/></marker></defs>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"0\" y=\"0\" width=\"{width}\" height=\"{height}\" fill=\"#ffffff\"/>\n");
        var y = HeaderTop;
        foreach (var line in titleLines)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{width / 2}\" y=\"{y}\" text-anchor=\"middle\" font-size=\"18\" font-weight=\"bold\" fill=\"#1a237e\">{Escape(line)}</text>\n");
            y += 26;
        }

        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{width / 2}\" y=\"{y}\" text-anchor=\"middle\" font-size=\"13\" fill=\"#37474f\">实施主体：{Escape(item.Department.Name)}　版本：第{item.Version}版</text>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{width / 2}\" y=\"{y + 20}\" text-anchor=\"middle\" font-size=\"13\" fill=\"#37474f\">法定时限：{Escape(item.LegalLimit.ToChinese())}　承诺时限：{Escape(item.PromisedLimit.ToChinese())}</text>\n");

        foreach (var stage in chart.Stages)
        {
            if (!positions.TryGetValue(stage.Id, out var from))
            {
                continue;
            }

            foreach (var next in stage.Next)
            {
                if (!positions.TryGetValue(next, out var to))
                {
                    continue;
                }

                if (to.Y > from.Y)
                {
                    svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{from.X + (BoxWidth / 2.0):0.#}\" y1=\"{from.Y + BoxHeight:0.#}\" x2=\"{to.X + (BoxWidth / 2.0):0.#}\" y2=\"{to.Y - 2:0.#}\" stroke=\"#455a64\" stroke-width=\"1.6\" marker-end=\"url(#arrow)\"/>\n");
                }
                else
                {
                    var x1 = from.X + BoxWidth;
                    var y1 = from.Y + (BoxHeight / 2.0);
                    var x2 = to.X + BoxWidth;
                    var y2 = to.Y + (BoxHeight / 2.0);
                    var bend = Math.Max(x1, x2) + 44;
                    svg.Append(CultureInfo.InvariantCulture, $"<path d=\"M{x1:0.#},{y1:0.#} C{bend:0.#},{y1:0.#} {bend:0.#},{y2:0.#} {x2 + 2:0.#},{y2:0.#}\" fill=\"none\" stroke=\"#455a64\" stroke-width=\"1.4\" stroke-dasharray=\"5,3\" marker-end=\"url(#arrow)\"/>\n");
                }
            }
        }

        foreach (var stage in chart.Stages)
        {
            if (!positions.TryGetValue(stage.Id, out var at))
            {
                continue;
            }

            var isStart = string.Equals(stage.Id, chart.Start, StringComparison.Ordinal);
            var isEnd = stage.Next.Count == 0;
            var fill = isStart ? "#e8f5e9" : isEnd ? "#eceff1" : "#e3f2fd";
            var stroke = isStart ? "#2e7d32" : isEnd ? "#546e7a" : "#1565c0";
            var cx = at.X + (BoxWidth / 2.0);
            svg.Append(CultureInfo.InvariantCulture, $"<g id=\"stage-{Escape(stage.Id)}\">");
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{at.X:0.#}\" y=\"{at.Y:0.#}\" width=\"{BoxWidth}\" height=\"{BoxHeight}\" rx=\"{(isStart || isEnd ? 18 : 6)}\" fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"1.8\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{cx:0.#}\" y=\"{at.Y + 26:0.#}\" text-anchor=\"middle\" font-size=\"16\" font-weight=\"bold\" fill=\"#212121\">{Escape(Clip(stage.Name, 12))}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{cx:0.#}\" y=\"{at.Y + 47:0.#}\" text-anchor=\"middle\" font-size=\"12\" fill=\"#424242\">承办岗位：{Escape(Clip(stage.Post, 10))}</text>");
            var limit = stage.LimitDays > 0 ? $"时限：{stage.LimitDays}{unit}" : isEnd ? "办结" : "时限：即时";
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{cx:0.#}\" y=\"{at.Y + 65:0.#}\" text-anchor=\"middle\" font-size=\"12\" fill=\"#c62828\">{Escape(limit)}</text>");
            svg.Append("</g>\n");
        }

        var complaint = item.ComplaintChannels.Count > 0
            ? string.Join("；", item.ComplaintChannels.Select(c => $"{c.Name} {c.Contact}"))
            : "12345政务服务便民热线";
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{width / 2}\" y=\"{height - 30}\" text-anchor=\"middle\" font-size=\"12\" fill=\"#37474f\">投诉举报：{Escape(Clip(complaint, ((width - 40) / 12) - 5))}</text>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{width / 2}\" y=\"{height - 12}\" text-anchor=\"middle\" font-size=\"11\" fill=\"#78909c\">依法不计入时限的程序（听证、检验、检测、专家评审等）所需时间另行书面告知</text>\n");
        svg.Append("</svg>\n");
        return svg.ToString();
    }

    /// <summary>Splits text into lines of at most <paramref name="perLine"/> characters (CJK text has no spaces to break at).</summary>
    private static List<string> Wrap(string text, int perLine)
    {
        var lines = new List<string>();
        for (var i = 0; i < text.Length; i += perLine)
        {
            lines.Add(text.Substring(i, Math.Min(perLine, text.Length - i)));
        }

        return lines;
    }

    private static string Clip(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");

    private static string Escape(string text) => SecurityElement.Escape(text) ?? string.Empty;
}
