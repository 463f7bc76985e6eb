namespace PowerFunctions.App.Features.Documents.Rendering;

/// <summary>The limits on the tables and charts a request may carry (<see cref="DocumentRequest.Blocks"/>).</summary>
public static class DocumentBlocks
{
    public const int MaxBlocks = 10;
    public const int MaxColumns = 12;
    public const int MaxRows = 500;
    public const int MaxCellLength = 200;
    public const int MaxBars = 100;

    /// <summary>Why <paramref name="blocks"/> cannot be printed (in Chinese), or null when they can.</summary>
    public static string? Check(IReadOnlyList<DocumentBlock> blocks)
    {
        if (blocks.Count > MaxBlocks)
        {
            return $"表格和图表不超过 {MaxBlocks} 个";
        }

        foreach (var block in blocks)
        {
            switch (block)
            {
                case DocumentTable table:
                    if (table.Columns.Count is 0 or > MaxColumns || table.Columns.Any(c => c is null || c.Header is null || c.Header.Length > MaxCellLength || !(c.Weight > 0) || double.IsInfinity(c.Weight)))
                    {
                        return $"表格须有 1-{MaxColumns} 列，列宽权重为正数";
                    }

                    if (table.Rows.Count > MaxRows || table.Rows.Any(r => r is null || r.Count != table.Columns.Count || r.Any(cell => cell is null || cell.Length > MaxCellLength)))
                    {
                        return $"表格不超过 {MaxRows} 行，每行的单元格数等于列数，每格不超过 {MaxCellLength} 个字符";
                    }

                    if (table.Caption is { Length: > 100 })
                    {
                        return "表格标题不超过 100 个字符";
                    }

                    break;
                case DocumentBarChart chart:
                    if (chart.Bars.Count > MaxBars || chart.Bars.Any(b => b is null || b.Label is null || b.Label.Length > 40 || !double.IsFinite(b.Value) || b.Value < 0))
                    {
                        return $"图表不超过 {MaxBars} 项，标签不超过 40 个字符，数值为有限的非负数";
                    }

                    if (chart.Caption is { Length: > 100 } || chart.Unit is { Length: > 20 })
                    {
                        return "图表标题不超过 100 个字符，单位不超过 20 个字符";
                    }

                    break;
                default:
                    return "只能附加表格和图表";
            }
        }

        return null;
    }
}
