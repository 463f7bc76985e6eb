using System.Globalization;
using PowerFunctions.Domain.Cases;
using PowerFunctions.Domain.Common;
using PowerFunctions.Storage;

namespace PowerFunctions.App.Features.Results;

/// <summary>
/// Table <c>results</c>: the published results (seed 002 第十三条), applicant masked. Written by the
/// result-publication timer before it records the publication on the case (an upsert, so a repeated
/// firing writes the same row).
/// </summary>
public sealed class ResultRegistry(IStorageAccount storage)
{
    public const string TableName = "results";

    private const string Partition = "published";

    private readonly ITableClient _table = storage.GetTableClient(TableName);

    public async Task PublishAsync(Case c, DateOnly publishedOn, CancellationToken cancellationToken)
    {
        var decision = c.Decision ?? throw new InvalidOperationException($"case {c.CaseNo} has no decision");
        var row = new TableEntity(Partition, c.CaseNo)
        {
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

    /// <summary>Every published result, newest first; optionally of one item.</summary>
    public async Task<IReadOnlyList<PublishedResult>> ListAsync(string? itemCode, CancellationToken cancellationToken)
    {
        var list = new List<PublishedResult>();
        string? token = null;
        do
        {
            var page = await _table.QueryAsync(new TableQuery { PartitionKey = Partition, ContinuationToken = token }, cancellationToken).ConfigureAwait(false);
            foreach (var row in page.Entities)
            {
                var code = row.GetString("ItemCode") ?? string.Empty;
                if (itemCode is null || code == itemCode)
                {
                    list.Add(new PublishedResult(row.RowKey, code, row.GetString("ItemName") ?? string.Empty, row.GetString("Department") ?? string.Empty, row.GetString("Applicant") ?? string.Empty, row.GetString("Decision") ?? string.Empty, row.GetString("DecidedOn") ?? string.Empty, row.GetString("PublishedOn") ?? string.Empty));
                }
            }

            token = page.ContinuationToken;
        }
        while (token is not null);

        return list.OrderByDescending(r => r.PublishedOn, StringComparer.Ordinal).ThenBy(r => r.CaseNo, StringComparer.Ordinal).ToList();
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
