using System.Globalization;
using PowerFunctions.Storage;

namespace PowerFunctions.App.Features.Supervision;

/// <summary>
/// Table <c>supervisionclosedcases</c>: one row per case that reached a final state, partition <c>{yyyyMM}</c> of the
/// China day it closed, row <c>{department}|{caseNo}</c> with the item code — written (upsert, so repeating is harmless)
/// when the case's final event commits. The spot-check draw reads a period's months from it and the quarterly archive a
/// department's cases of a quarter: neither scans every case.
/// </summary>
public sealed class ClosedCaseIndex(IStorageAccount storage)
{
    public const string TableName = "supervisionclosedcases";

    private readonly ITableClient _table = storage.GetTableClient(TableName);

    public async Task AddAsync(string caseNo, string department, string itemCode, DateOnly closedOn, CancellationToken cancellationToken)
    {
        await _table.UpsertEntityAsync(new TableEntity(Month(closedOn), department + "|" + caseNo)
        {
            ["CaseNo"] = caseNo,
            ["Department"] = department,
            ["ItemCode"] = itemCode,
            ["ClosedOn"] = closedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The cases closed from <paramref name="from"/> to <paramref name="to"/> (inclusive), optionally of one department, by department then case number.</summary>
    public async Task<IReadOnlyList<ClosedCase>> ListAsync(DateOnly from, DateOnly to, string? department, CancellationToken cancellationToken)
    {
        var cases = new List<ClosedCase>();
        for (var month = new DateOnly(from.Year, from.Month, 1); month <= to; month = month.AddMonths(1))
        {
            var query = department is null ? TableQuery.Partition(Month(month)) : TableQuery.RowPrefix(Month(month), department + "|");
            while (true)
            {
                var page = await _table.QueryAsync(query, cancellationToken).ConfigureAwait(false);
                foreach (var e in page.Entities)
                {
                    var closedOn = DateOnly.ParseExact(e.GetString("ClosedOn")!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
                    if (closedOn >= from && closedOn <= to)
                    {
                        cases.Add(new ClosedCase(e.GetString("CaseNo")!, e.GetString("Department")!, e.GetString("ItemCode")!, closedOn));
                    }
                }

                if (page.ContinuationToken is null)
                {
                    break;
                }

                query = query with { ContinuationToken = page.ContinuationToken };
            }
        }

        return [.. cases.OrderBy(c => c.Department, StringComparer.Ordinal).ThenBy(c => c.CaseNo, StringComparer.Ordinal)];
    }

    private static string Month(DateOnly day) => day.ToString("yyyyMM", CultureInfo.InvariantCulture);
}
