using System.Collections.Concurrent;
using System.Globalization;
using Azure;
using PowerFunctions.Storage;

namespace PowerFunctions.App.Features.Cases;

/// <summary>
/// Human-readable, unique case numbers <c>{department}-{yyyyMMdd}-{NNNNNN}</c> (receipt date in
/// China). Numbers come from a counter row per department and day (table <c>casecounters</c>) that
/// each instance advances by a block of <see cref="BlockSize"/> under its ETag; the block is then
/// handed out from memory. Once half a block is used, the next block is reserved in the background, so
/// submissions do not queue behind the counter's read and write (only when a block runs out before the
/// next one is there does a caller wait for it). So the submit path rarely touches the counter,
/// instances never collide, and a restart only leaves a gap (at most two blocks).
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
                // The block reserved ahead, or (first use, or that reservation failed) one reserved now.
                var ahead = block.Ahead;
                block.Ahead = null;
                (block.Next, block.End) = ahead is not null
                    ? await ahead.ConfigureAwait(false)
                    : await ReserveAsync(departmentCode, day, cancellationToken).ConfigureAwait(false);
            }

            var n = block.Next++;
            if (block.Ahead is null && block.End - block.Next <= BlockSize / 2)
            {
                // Not the caller's: a cancelled request must not cancel the reservation others will use.
                block.Ahead = ReserveAsync(departmentCode, day, CancellationToken.None);
            }

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

        /// <summary>The next block, being reserved (or reserved) while this one is used.</summary>
        public Task<(long Next, long End)>? Ahead { get; set; }
    }
}
