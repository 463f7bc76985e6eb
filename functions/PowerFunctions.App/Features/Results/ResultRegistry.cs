using System.Globalization;
using PowerFunctions.Domain.Cases;
using PowerFunctions.Domain.Catalog;
using PowerFunctions.Domain.Common;
using PowerFunctions.Storage;

namespace PowerFunctions.App.Features.Results;

/// <summary>
/// Table <c>results</c>: the published results (seed 002 第十三条), applicant masked, newest first. Each result
/// is a row in partition <c>all</c> and one in <c>item-{itemCode}</c>, keyed <c>{days before 9999-12-31 of the
/// delivery date, 7 digits}-{caseNo}</c> (from the case, so a repeated firing writes the same rows). Written
/// by the result-publication timer before it records the publication on the case (upserts). Results of
/// items not publicised and of 涉密 items are never written (seed 001 §四(一)3).
/// </summary>
public sealed class ResultRegistry(IStorageAccount storage)
{
    public const string TableName = "results";

    public const string AllPartition = "all";

    private readonly ITableClient _table = storage.GetTableClient(TableName);

    public static string ItemPartition(string itemCode) => "item-" + itemCode;

    /// <summary>Newest delivery first, then by case number.</summary>
    public static string RowKey(DateOnly deliveredOn, string caseNo) =>
        (DateOnly.MaxValue.DayNumber - deliveredOn.DayNumber).ToString("D7", CultureInfo.InvariantCulture) + "-" + caseNo;

    /// <summary>True for a string shaped like a row key of this table (a continuation token's position).</summary>
    public static bool IsRowKey(string key) =>
        key.Length > 8 && key[..7].All(char.IsAsciiDigit) && key[7] == '-' && Cases.CaseStore.IsCaseNo(key[8..]);

    public async Task PublishAsync(Case c, DateOnly publishedOn, CancellationToken cancellationToken)
    {
        var decision = c.Decision ?? throw new InvalidOperationException($"case {c.CaseNo} has no decision");
        if (CaseRules.ResultWithheld(c.Terms) || !CatalogVisibility.IsPublic(c.Terms))
        {
            return;
        }

        var key = RowKey(c.Delivery?.DeliveredOn ?? decision.DecidedOn, c.CaseNo);
        foreach (var partition in new[] { AllPartition, ItemPartition(c.Terms.ItemCode) })
        {
            var row = new TableEntity(partition, key)
            {
                ["CaseNo"] = c.CaseNo,
                ["ItemCode"] = c.Terms.ItemCode,
                ["ItemName"] = c.Terms.ItemName,
                ["Department"] = c.Terms.DepartmentName,
                ["Applicant"] = NameMask.Mask(c.Applicant.Name),
                ["Decision"] = ApiCode<DecisionOutcome>.Of(decision.Outcome),
                ["DecidedOn"] = Date(decision.DecidedOn),
                ["PublishedOn"] = Date(publishedOn),
            };
            await _table.UpsertEntityAsync(row, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// One page of published results, newest first, optionally of one item, from just after
    /// <paramref name="after"/>; answers the last row read when more may follow.
    /// </summary>
    public async Task<(IReadOnlyList<PublishedResult> Items, string? Last)> ListAsync(string? itemCode, string? after, int pageSize, CancellationToken cancellationToken)
    {
        var partition = itemCode is null ? AllPartition : ItemPartition(itemCode);
        var page = await _table.QueryAsync(new TableQuery { PartitionKey = partition, RowKeyFrom = after, PageSize = pageSize + (after is null ? 0 : 1) }, cancellationToken).ConfigureAwait(false);
        var rows = page.Entities.Where(r => after is null || string.CompareOrdinal(r.RowKey, after) > 0).Take(pageSize).ToList();
        var list = rows.Select(row => new PublishedResult(
            row.GetString("CaseNo") ?? string.Empty,
            row.GetString("ItemCode") ?? string.Empty,
            row.GetString("ItemName") ?? string.Empty,
            row.GetString("Department") ?? string.Empty,
            row.GetString("Applicant") ?? string.Empty,
            row.GetString("Decision") ?? string.Empty,
            row.GetString("DecidedOn") ?? string.Empty,
            row.GetString("PublishedOn") ?? string.Empty)).ToList();
        return (list, page.ContinuationToken is null || rows.Count == 0 ? null : rows[^1].RowKey);
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
