using System.Collections.Concurrent;
using System.Globalization;
using Azure;
using PowerFunctions.Storage;

namespace PowerFunctions.App.Features.Supervision;

/// <summary>
/// Table <c>supervision</c>: the departments the centre has seen (partition <c>departments</c>, one row per code, added
/// create-only the first time an alert, counter or rectification names one, so lists and reports visit every department
/// without scanning), and the sequences of record numbers (partition <c>seq</c>, one row per prefix and day, advanced
/// under its ETag: never a number twice, a failed write leaves a gap).
/// </summary>
public sealed class SupervisionRegistry(IStorageAccount storage)
{
    public const string TableName = "supervision";

    private const string DepartmentsPartition = "departments";
    private const string SequencePartition = "seq";
    private const int MaxRetries = 50;

    private readonly ITableClient _table = storage.GetTableClient(TableName);
    private readonly ConcurrentDictionary<string, bool> _known = new(StringComparer.Ordinal);

    /// <summary>Records that <paramref name="department"/> exists (once per process after the first write).</summary>
    public async Task NoteDepartmentAsync(string department, CancellationToken cancellationToken)
    {
        if (_known.ContainsKey(department))
        {
            return;
        }

        try
        {
            await _table.AddEntityAsync(new TableEntity(DepartmentsPartition, department), cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (StorageErrors.IsConflict(e))
        {
            // known already
        }

        _known.TryAdd(department, true);
    }

    /// <summary>Every department code seen, in order.</summary>
    public async Task<IReadOnlyList<string>> DepartmentsAsync(CancellationToken cancellationToken)
    {
        var codes = new List<string>();
        var query = TableQuery.Partition(DepartmentsPartition);
        while (true)
        {
            var page = await _table.QueryAsync(query, cancellationToken).ConfigureAwait(false);
            codes.AddRange(page.Entities.Select(e => e.RowKey));
            if (page.ContinuationToken is null)
            {
                return codes;
            }

            query = query with { ContinuationToken = page.ContinuationToken };
        }
    }

    /// <summary>The next number of sequence <paramref name="name"/> (1, 2, …).</summary>
    public async Task<int> NextAsync(string name, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxRetries; attempt++)
        {
            var row = await _table.GetEntityAsync(SequencePartition, name, cancellationToken).ConfigureAwait(false);
            var next = (int)(row?.GetInt64("Last") ?? 0) + 1;
            var entity = new TableEntity(SequencePartition, name) { ["Last"] = (long)next };
            try
            {
                if (row is null)
                {
                    await _table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await _table.UpdateEntityAsync(entity, row.ETag, cancellationToken).ConfigureAwait(false);
                }

                return next;
            }
            catch (RequestFailedException e) when (StorageErrors.IsConflict(e) || StorageErrors.IsPreconditionFailed(e))
            {
                // another writer took this number: read again
            }
        }

        throw new InvalidOperationException($"sequence {name} kept changing; gave up");
    }

    /// <summary>The sequence name of one prefix, scope and day, e.g. <c>ZG|D01|20260918</c>.</summary>
    public static string Sequence(string prefix, string scope, DateOnly day) =>
        string.Create(CultureInfo.InvariantCulture, $"{prefix}|{scope}|{day:yyyyMMdd}");
}
