namespace PowerFunctions.Domain.Catalog;

/// <summary>
/// The eleven kinds of administrative power and their API codes.
/// Source: 郑州/河南 权力清单 practice (行政许可、行政处罚、行政征收、行政给付、行政奖励、行政强制、行政确认、行政裁决、行政检查、基本公共服务、其他); GLOSSARY.md.
/// </summary>
public static class PowerKinds
{
    public const string Licensing = "licensing";
    public const string Penalty = "penalty";
    public const string Levy = "levy";
    public const string Benefit = "benefit";
    public const string Reward = "reward";
    public const string Coercion = "coercion";
    public const string Confirmation = "confirmation";
    public const string Adjudication = "adjudication";
    public const string Inspection = "inspection";
    public const string PublicService = "public-service";
    public const string Other = "other";

    /// <summary>Every API code with its Chinese name, in the order of the catalog.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> All { get; } =
    [
        new(Licensing, "行政许可"),
        new(Penalty, "行政处罚"),
        new(Levy, "行政征收"),
        new(Benefit, "行政给付"),
        new(Reward, "行政奖励"),
        new(Coercion, "行政强制"),
        new(Confirmation, "行政确认"),
        new(Adjudication, "行政裁决"),
        new(Inspection, "行政检查"),
        new(PublicService, "基本公共服务"),
        new(Other, "其他"),
    ];

    public static bool IsKnown(string? code) => code is not null && All.Any(k => string.Equals(k.Key, code, StringComparison.Ordinal));

    /// <summary>The Chinese name of a kind, or the code itself when unknown.</summary>
    public static string ChineseName(string code) => All.FirstOrDefault(k => string.Equals(k.Key, code, StringComparison.Ordinal)).Value ?? code;
}
