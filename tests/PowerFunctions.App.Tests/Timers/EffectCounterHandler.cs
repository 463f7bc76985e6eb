using System.Collections.Concurrent;
using Azure;
using PowerFunctions.App.Features.Timers;
using PowerFunctions.Storage;

namespace PowerFunctions.App.Tests.Timers;

/// <summary>
/// A test handler with a stored, idempotent, generation-checked effect, the shape every real handler
/// has: one counter row per (target, key) holding the count and the generation last applied; a timer
/// whose generation is already applied, or older than the target's current one, does nothing.
/// </summary>
internal sealed class EffectCounterHandler(IStorageAccount storage, string kind = EffectCounterHandler.DefaultKind) : ITimerHandler
{
    public const string DefaultKind = "test-count";
    public const string TableName = "testeffects";

    private readonly ITableClient _table = storage.GetTableClient(TableName);

    public string Kind => kind;

    /// <summary>Calls per timer (target|key|generation): at least once, maybe more.</summary>
    public ConcurrentDictionary<string, int> Calls { get; } = new(StringComparer.Ordinal);

    /// <summary>Targets whose current generation moved on: timers of older generations are stale.</summary>
    public ConcurrentDictionary<string, long> CurrentGeneration { get; } = new(StringComparer.Ordinal);

    /// <summary>Throw this many times before succeeding (for retry tests).</summary>
    public int FailuresLeft { get; set; }

    public async Task<bool> FireAsync(DurableTimer timer, CancellationToken cancellationToken)
    {
        Calls.AddOrUpdate($"{timer.TargetId}|{timer.Key}|{timer.Generation}", 1, (_, n) => n + 1);
        if (FailuresLeft > 0)
        {
            FailuresLeft--;
            throw new InvalidOperationException("handler failed on purpose");
        }

        if (CurrentGeneration.TryGetValue(timer.TargetId, out var current) && current != timer.Generation)
        {
            return false;
        }

        var row = await _table.GetEntityAsync(timer.TargetId, timer.Key, cancellationToken);
        if (row is not null && row.GetInt64("Generation") >= timer.Generation)
        {
            return false; // applied already: a repeated firing
        }

        var next = new TableEntity(timer.TargetId, timer.Key)
        {
            ["Count"] = (row?.GetInt64("Count") ?? 0) + 1,
            ["Generation"] = timer.Generation,
        };
        try
        {
            if (row is null)
            {
                await _table.AddEntityAsync(next, cancellationToken);
            }
            else
            {
                await _table.UpdateEntityAsync(next, row.ETag, cancellationToken);
            }
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            return false; // a concurrent firing applied it
        }

        return true;
    }

    /// <summary>The stored count of (target, key), 0 when never applied.</summary>
    public async Task<long> CountAsync(string targetId, string key = "k") =>
        (await _table.GetEntityAsync(targetId, key))?.GetInt64("Count") ?? 0;
}
