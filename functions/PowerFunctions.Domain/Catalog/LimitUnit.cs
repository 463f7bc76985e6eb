namespace PowerFunctions.Domain.Catalog;

/// <summary>How a limit counts: 工作日 (行政许可法 第八十二条) or 自然日.</summary>
public enum LimitUnit
{
    Working,
    Calendar,
}
