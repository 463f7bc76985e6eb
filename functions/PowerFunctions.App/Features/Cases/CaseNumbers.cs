using System.Collections.Concurrent;
using System.Globalization;
using Azure;
using PowerFunctions.Storage;

namespace PowerFunctions.App.Features.Cases;

/// <summary>
/// Human-readable, unique case numbers <c>{department}-{yyyyMMdd}-{NNNNNN}</c> (receipt date in
/// China). Numbers come from a counter row per department and day (table <c>casecounters</c>) that
/// each instance advances by a block of <see cref="BlockSize"/> under its ETag; the block is then
/// handed out from memory. So the submit path touches the counter once per block, instances never
/// collide, and a restart only leaves a gap.
/// </summary>
public sealed class CaseNumbers(IStorageAccount storage)
{
    public const int BlockSize = 100;

    private readonly ITableClient _table = storage.GetTableClient(CaseTables.Counters);
    private readonly ConcurrentDictionary<string, Block> _blocks = new(StringComparer.Ordinal);

    public async Task<string> NextAsync(string departmentCode, DateOnly receiptOn, CancellationToken cancellationToken)
    {
        var day = receiptOn.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var block = _blocks.GetOrAdd($"{departmentCode}|{day}", _ => new Block());
        await block.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (block.Next >= block.End)
            {
                (block.Next, block.End) = await ReserveAsync(departmentCode, day, cancellationToken).ConfigureAwait(false);
            }

            var n = block.Next++;
            return string.Create(CultureInfo.InvariantCulture, $"{departmentCode}-{day}-{n:D6}");
        }
        finally
        {
            block.Gate.Release();
        }
    }

    private async Task<(long Next, long End)> ReserveAsync(string departmentCode, string day, CancellationToken cancellationToken)
    {
        while (true)
        {
            var row = await _table.GetEntityAsync(departmentCode, day, cancellationToken).ConfigureAwait(false);
            try
            {
                if (row is null)
                {
                    await _table.AddEntityAsync(new TableEntity(departmentCode, day) { ["Next"] = 1L + BlockSize }, cancellationToken).ConfigureAwait(false);
                    return (1, 1 + BlockSize);
                }

                var next = row.GetInt64("Next") ?? 1;
                await _table.UpdateEntityAsync(new TableEntity(departmentCode, day) { ["Next"] = next + BlockSize }, row.ETag, cancellationToken).ConfigureAwait(false);
                return (next, next + BlockSize);
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
                // another instance took a block first: read again
            }
        }
    }

    private sealed class Block
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public long Next { get; set; }

        public long End { get; set; }
    }
}
