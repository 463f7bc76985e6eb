using PowerFunctions.Domain.Catalog;
using PowerFunctions.Domain.Common;

namespace PowerFunctions.Domain.Enforcement;

/// <summary>
/// What a penalty case needs of its catalog item, frozen into the case when it is opened: the case runs
/// under the benchmark in force that day, whatever the catalog says later. Only a published penalty item
/// with a discretion benchmark can be enforced (法无授权不可为: seed 001 §四(一)4; 行政处罚法 第三十四条).
/// </summary>
public sealed record PenaltyItemTerms
{
    public required string ItemCode { get; init; }

    public required int ItemVersion { get; init; }

    public required string ItemName { get; init; }

    public required string DepartmentCode { get; init; }

    public required string DepartmentName { get; init; }

    /// <summary>The legal bases printed on the notice and the decision (依据, 行政处罚法 第四十四条, 第五十九条(三)).</summary>
    public required IReadOnlyList<LegalBasis> LegalBases { get; init; }

    public required DiscretionBenchmark Discretion { get; init; }

    /// <summary>The item sends every penalty to a collective decision (案审会).</summary>
    public required bool CollectiveDecision { get; init; }

    /// <summary>
    /// The item lists the hearing among procedures not counted in the limit, as the rules governing it
    /// provide (行政处罚法 第六十条 “法律、法规、规章另有规定的，从其规定”): the 90 days stop from the
    /// request to the hearing.
    /// </summary>
    public required bool HearingTimeExcluded { get; init; }

    /// <summary>The terms of a published penalty item with its benchmark, or 422 <c>enforcement.not_a_penalty_item</c>.</summary>
    public static Result<PenaltyItemTerms> From(PowerItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item.Status != ItemStatus.Published || item.Kind != PowerKinds.Penalty || item.Discretion is null)
        {
            return EnforcementErrors.Refused(EnforcementErrors.NotAPenaltyItem, "该事项不是已发布且公布了裁量基准的行政处罚事项", "itemCode", $"{item.Code} is {item.Status.ToString().ToLowerInvariant()} {item.Kind}{(item.Discretion is null ? " without a discretion benchmark" : string.Empty)}");
        }

        return new PenaltyItemTerms
        {
            ItemCode = item.Code,
            ItemVersion = item.Version,
            ItemName = item.Name,
            DepartmentCode = item.Department.Code,
            DepartmentName = item.Department.Name,
            LegalBases = item.LegalBases,
            Discretion = item.Discretion,
            CollectiveDecision = item.CollectiveDecision,
            HearingTimeExcluded = item.ExcludedProcedures.Contains("hearing", StringComparer.Ordinal),
        };
    }
}
