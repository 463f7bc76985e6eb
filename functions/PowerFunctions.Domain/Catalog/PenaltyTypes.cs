namespace PowerFunctions.Domain.Catalog;

/// <summary>What each <see cref="PenaltyType"/> is: its 第九条 group, whether it has an amount, its Chinese name. Source: 行政处罚法 第九条.</summary>
public static class PenaltyTypes
{
    /// <summary>The group (1–5) of 行政处罚法 第九条 the type belongs to: the higher, the heavier the kind of penalty. Source: 行政处罚法 第九条.</summary>
    public static int Group(PenaltyType type) => type switch
    {
        PenaltyType.Warning or PenaltyType.PublicCriticism => 1,
        PenaltyType.Fine or PenaltyType.ConfiscateGains or PenaltyType.ConfiscateProperty => 2,
        PenaltyType.SuspendLicence or PenaltyType.DowngradeQualification or PenaltyType.RevokeLicence => 3,
        PenaltyType.RestrictBusiness or PenaltyType.SuspendProduction or PenaltyType.Close or PenaltyType.RestrictPractice => 4,
        PenaltyType.Detention => 5,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "unknown penalty type"),
    };

    /// <summary>True for the monetary types (罚款, 没收违法所得, 没收非法财物): their amount is in yuan and above zero; every other type has amount 0.</summary>
    public static bool HasAmount(PenaltyType type) => Group(type) == 2;

    public static string ChineseName(PenaltyType type) => type switch
    {
        PenaltyType.Warning => "警告",
        PenaltyType.PublicCriticism => "通报批评",
        PenaltyType.Fine => "罚款",
        PenaltyType.ConfiscateGains => "没收违法所得",
        PenaltyType.ConfiscateProperty => "没收非法财物",
        PenaltyType.SuspendLicence => "暂扣许可证件",
        PenaltyType.DowngradeQualification => "降低资质等级",
        PenaltyType.RevokeLicence => "吊销许可证件",
        PenaltyType.RestrictBusiness => "限制开展生产经营活动",
        PenaltyType.SuspendProduction => "责令停产停业",
        PenaltyType.Close => "责令关闭",
        PenaltyType.RestrictPractice => "限制从业",
        PenaltyType.Detention => "行政拘留",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "unknown penalty type"),
    };
}
