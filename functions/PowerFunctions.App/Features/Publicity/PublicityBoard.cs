using System.Globalization;
using Azure;
using PowerFunctions.Domain.Calendar;
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
        if (c.Decision?.PublicFrom is not { } from)
        {
            return;
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

    /// <summary>The approvals under publicity on <paramref name="today"/>.</summary>
    public async Task<IReadOnlyList<PublicityEntry>> ListAsync(DateOnly today, CancellationToken cancellationToken)
    {
        var list = new List<PublicityEntry>();
        string? token = null;
        var day = Date(today);
        do
        {
            var page = await _table.QueryAsync(new TableQuery { PartitionKey = Partition, ContinuationToken = token }, cancellationToken).ConfigureAwait(false);
            foreach (var row in page.Entities)
            {
                var from = row.GetString("PublicFrom") ?? string.Empty;
                var until = row.GetString("PublicUntil") ?? string.Empty;
                if (string.CompareOrdinal(from, day) <= 0 && string.CompareOrdinal(day, until) <= 0)
                {
                    list.Add(new PublicityEntry(row.RowKey, row.GetString("ItemName") ?? string.Empty, row.GetString("Applicant") ?? string.Empty, row.GetString("Decision") ?? string.Empty, from, until));
                }
            }

            token = page.ContinuationToken;
        }
        while (token is not null);

        return list;
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
