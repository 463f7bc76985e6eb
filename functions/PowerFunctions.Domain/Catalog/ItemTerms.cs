namespace PowerFunctions.Domain.Catalog;

/// <summary>
/// The part of a published power item that governs a case, frozen into the case when it is received:
/// a case runs under the item version it was applied for, whatever the catalog says later.
/// </summary>
public sealed record ItemTerms
{
    public required string ItemCode { get; init; }

    public required int ItemVersion { get; init; }

    public required string ItemName { get; init; }

    public required string DepartmentCode { get; init; }

    public required string DepartmentName { get; init; }

    /// <summary>API code of the kind: licensing, penalty, levy, …</summary>
    public required string Kind { get; init; }

    /// <summary>即办件 (decided on the spot) or 承诺件 (within the promised limit).</summary>
    public required bool Immediate { get; init; }

    /// <summary>Working days to decide, as promised (≤ the legal limit).</summary>
    public required int PromisedWorkingDays { get; init; }

    /// <summary>Statutory working days to decide (行政许可法 第四十二条: 20; joint handling 45).</summary>
    public required int LegalWorkingDays { get; init; }

    /// <summary>The unit of <see cref="PromisedWorkingDays"/> and <see cref="LegalWorkingDays"/>: working days for every licensing item; calendar days only where a law counts so.</summary>
    public LimitUnit LimitUnit { get; init; } = LimitUnit.Working;

    /// <summary>The item's own limit for each stage (working days; 0 = none), checked by <see cref="Supervision.StageRules"/>.</summary>
    public StageLimits StageLimits { get; init; } = StageLimits.None;

    /// <summary>Substantive review by A角 and B角; otherwise formal review by one reviewer.</summary>
    public required bool Substantive { get; init; }

    /// <summary>Approvals are posted publicly for 7 cd; false for confidential items.</summary>
    public required bool Publicised { get; init; }

    /// <summary>涉密: kept out of the public catalog and every public list (seed 001 §四(一)3; <see cref="CatalogVisibility"/>).</summary>
    public bool Confidential { get; init; }

    /// <summary>An expert review must precede the decision.</summary>
    public required bool ExpertReview { get; init; }

    /// <summary>The field of the expert register the experts of this item are drawn from.</summary>
    public string? ExpertField { get; init; }

    /// <summary>A collective decision (处务会/案审会) must precede the decision.</summary>
    public required bool CollectiveDecision { get; init; }

    /// <summary>A signed site-inspection record must precede the decision (seed 000 §5(二)6).</summary>
    public bool SiteInspection { get; init; }

    /// <summary>接办分离: reviewers must differ from the acceptor.</summary>
    public required bool SeparateAcceptance { get; init; }

    /// <summary>Joint handling (联合审批): the lead and the departments giving opinions; null for one department alone (行政许可法 第二十六条, 第四十二条第二款).</summary>
    public JointHandling? JointHandling { get; init; }

    /// <summary>Codes of the materials an application must include.</summary>
    public required IReadOnlyList<MaterialTerm> Materials { get; init; }
}

/// <summary>One material an item asks for.</summary>
public sealed record MaterialTerm(string Code, string Name, bool Required);
