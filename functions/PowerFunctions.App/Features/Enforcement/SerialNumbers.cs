using System.Globalization;
using Azure;
using PowerFunctions.Storage;

namespace PowerFunctions.App.Features.Enforcement;

/// <summary>
/// Numbers of enforcement records, <c>{prefix}-{yyyyMMdd}-{NNNN}</c> (China date): a penalty case
/// <c>D04-CF-20260918-0001</c> (处罚), a guidance register entry <c>D04-ZD-20260918-0001</c> (指导). One
/// counter row per prefix and day in table <c>enforcementcounters</c>, advanced by one under its ETag:
/// these records are made by hand, a few a day, so no block reservation is needed and no number is skipped.
/// The prefixes differ from licensing case numbers (<c>D04-20260918-000001</c>), so documents, alerts and
/// case files keyed by number never collide.
/// </summary>
public sealed class SerialNumbers(IStorageAccount storage)
{
    private readonly ITableClient _table = storage.GetTableClient(EnforcementTables.Counters);

    public async Task<string> NextAsync(string prefix, DateOnly on, CancellationToken cancellationToken)
    {
        var day = on.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        while (true)
        {
            var row = await _table.GetEntityAsync(prefix, day, cancellationToken).ConfigureAwait(false);
            var next = row?.GetInt64("Next") ?? 1;
            var updated = new TableEntity(prefix, day) { ["Next"] = next + 1 };
            try
            {
                if (row is null)
                {
                    await _table.AddEntityAsync(updated, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await _table.UpdateEntityAsync(updated, row.ETag, cancellationToken).ConfigureAwait(false);
                }

                return string.Create(CultureInfo.InvariantCulture, $"{prefix}-{day}-{next:D4}");
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
                // another request took this number: read again
            }
        }
    }
}
