using PowerFunctions.Domain.Catalog;

namespace PowerFunctions.Domain.Enforcement;

/// <summary>A penalty: its type (行政处罚法 第九条) and, for a monetary type, the amount in yuan (0 otherwise).</summary>
public sealed record Penalty(PenaltyType Type, decimal Amount)
{
    /// <summary>In Chinese, e.g. 罚款 30,000.00 元 / 警告.</summary>
    public string ToChinese() => PenaltyTypes.HasAmount(Type)
        ? $"{PenaltyTypes.ChineseName(Type)}人民币{Amount.ToString("#,0.00", System.Globalization.CultureInfo.InvariantCulture)}元"
        : PenaltyTypes.ChineseName(Type);
}
