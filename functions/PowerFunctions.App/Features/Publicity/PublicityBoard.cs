using System.Globalization;
using Azure;
using PowerFunctions.Domain.Calendar;
using PowerFunctions.Domain.Catalog;
using PowerFunctions.Domain.Cases;
using PowerFunctions.Domain.Common;
using PowerFunctions.Storage;

namespace PowerFunctions.App.Features.Publicity;

/// <summary>
/// Table <c>publicity</c>: one row per approval under publicity (seed 000 §5(二)7), the applicant
/// masked, no id number or phone. Written when the decision posts it (and again by the
/// <c>publicity-start</c> timer), removed when publicity ends.
/// </summary>
public sealed class PublicityBoard(IStorageAccount storage)
{
    public const string TableName = "publicity";

    private const string Partition = "board";

    private readonly ITableClient _table = storage.GetTableClient(TableName);

    public async Task PostAsync(Case c, IWorkingCalendar calendar, CancellationToken cancellationToken)
    {
        if (c.Decision?.PublicFrom is not { } from || !CatalogVisibility.IsPublic(c.Terms))
        {
            return; // 涉密 approvals are never posted (seed 001 §四(一)3; the domain does not post them either)
        }

        var row = new TableEntity(Partition, c.CaseNo)
        {
            ["ItemName"] = c.Terms.ItemName,
            ["ItemCode"] = c.Terms.ItemCode,
            ["Department"] = c.Terms.DepartmentName,
            ["Applicant"] = NameMask.Mask(c.Applicant.Name),
            ["Decision"] = ApiCode<DecisionOutcome>.Of(c.Decision.Outcome),
            ["PublicFrom"] = Date(from),
            ["PublicUntil"] = Date(c.PublicUntil(calendar)),
        };
        await _table.UpsertEntityAsync(row, cancellationToken).ConfigureAwait(false);
    }

    public Task RemoveAsync(string caseNo, CancellationToken cancellationToken) =>
        _table.DeleteEntityAsync(Partition, caseNo, ETag.All, cancellationToken);

    /// <summary>True for a string shaped like a row key of the board (a case number): a continuation token's position.</summary>
    public static bool IsRowKey(string key) => Cases.CaseStore.IsCaseNo(key);

    /// <summary>
    /// The approvals under publicity on <paramref name="today"/>, by case number, from just after
    /// <paramref name="after"/>: one page of at most <paramref name="pageSize"/> rows read, never the whole
    /// board; answers the last row read when more may follow.
    /// </summary>
    public async Task<(IReadOnlyList<PublicityEntry> Items, string? Last)> ListAsync(DateOnly today, string? after, int pageSize, CancellationToken cancellationToken)
    {
        var list = new List<PublicityEntry>(pageSize);
        var day = Date(today);
        var page = await _table.QueryAsync(new TableQuery { PartitionKey = Partition, RowKeyFrom = after, PageSize = pageSize + (after is null ? 0 : 1) }, cancellationToken).ConfigureAwait(false);
        var rows = page.Entities.Where(r => after is null || string.CompareOrdinal(r.RowKey, after) > 0).ToList(); // not the row the last page ended on
        foreach (var row in rows)
        {
            var from = row.GetString("PublicFrom") ?? string.Empty;
            var until = row.GetString("PublicUntil") ?? string.Empty;
            if (string.CompareOrdinal(from, day) <= 0 && string.CompareOrdinal(day, until) <= 0)
            {
                list.Add(new PublicityEntry(row.RowKey, row.GetString("ItemName") ?? string.Empty, row.GetString("Applicant") ?? string.Empty, row.GetString("Decision") ?? string.Empty, from, until));
            }
        }

        return (list, page.ContinuationToken is null || rows.Count == 0 ? null : rows[^1].RowKey);
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
