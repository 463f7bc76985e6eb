namespace PowerFunctions.Domain.Catalog;

/// <summary>
/// The kinds of administrative penalty, in the order and groups of 行政处罚法 第九条 (API codes kebab
/// case: <c>warning</c>, <c>fine</c>, <c>revoke-licence</c>, …). The group is the penalty's weight class
/// (<see cref="PenaltyTypes.Group"/>): (一) reputational, (二) monetary, (三) licences, (四) business,
/// (五) liberty. Source: 行政处罚法 第九条.
/// </summary>
public enum PenaltyType
{
    /// <summary>警告 (第九条(一)).</summary>
    Warning,

    /// <summary>通报批评 (第九条(一)).</summary>
    PublicCriticism,

    /// <summary>罚款 (第九条(二)); the amount is the fine.</summary>
    Fine,

    /// <summary>没收违法所得 (第九条(二)); the amount is the value confiscated.</summary>
    ConfiscateGains,

    /// <summary>没收非法财物 (第九条(二)); the amount is the value confiscated.</summary>
    ConfiscateProperty,

    /// <summary>暂扣许可证件 (第九条(三)).</summary>
    SuspendLicence,

    /// <summary>降低资质等级 (第九条(三)).</summary>
    DowngradeQualification,

    /// <summary>吊销许可证件 (第九条(三)).</summary>
    RevokeLicence,

    /// <summary>限制开展生产经营活动 (第九条(四)).</summary>
    RestrictBusiness,

    /// <summary>责令停产停业 (第九条(四)).</summary>
    SuspendProduction,

    /// <summary>责令关闭 (第九条(四)).</summary>
    Close,

    /// <summary>限制从业 (第九条(四)).</summary>
    RestrictPractice,

    /// <summary>行政拘留 (第九条(五)).</summary>
    Detention,
}
