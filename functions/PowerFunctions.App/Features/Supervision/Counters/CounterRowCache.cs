using Azure;
using PowerFunctions.Domain.Supervision.Reports;

namespace PowerFunctions.App.Features.Supervision.Counters;

/// <summary>
/// What this process last wrote to (or read from) each counter row: its values and the ETag they were stored under, so the
/// next write replaces the row under that ETag without reading it first. Bounded: the least recently used row goes when
/// <see cref="Capacity"/> is reached (a forgotten row is read again on its next write). An entry is only a guess about the
/// store: a write under a stale ETag fails with 412 and the writer reads the row again, so a wrong guess costs a round
/// trip, never a count. Thread-safe.
/// </summary>
internal sealed class CounterRowCache(int capacity)
{
    private readonly Dictionary<(string Partition, string Row), LinkedListNode<Entry>> _index = [];
    private readonly LinkedList<Entry> _recent = new();
    private readonly Lock _gate = new();

    public int Capacity { get; } = capacity > 0 ? capacity : throw new ArgumentOutOfRangeException(nameof(capacity));

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _index.Count;
            }
        }
    }

    public bool TryGet(string partition, string row, out DepartmentCounters counts, out ETag etag)
    {
        lock (_gate)
        {
            if (_index.TryGetValue((partition, row), out var node))
            {
                _recent.Remove(node);
                _recent.AddFirst(node);
                (counts, etag) = (node.Value.Counts, node.Value.ETag);
                return true;
            }
        }

        (counts, etag) = (DepartmentCounters.Zero, default);
        return false;
    }

    public void Set(string partition, string row, DepartmentCounters counts, ETag etag)
    {
        lock (_gate)
        {
            if (_index.Remove((partition, row), out var old))
            {
                _recent.Remove(old);
            }

            _index[(partition, row)] = _recent.AddFirst(new Entry(partition, row, counts, etag));
            if (_index.Count > Capacity)
            {
                var last = _recent.Last!;
                _recent.RemoveLast();
                _index.Remove((last.Value.Partition, last.Value.Row));
            }
        }
    }

    public void Forget(string partition, string row)
    {
        lock (_gate)
        {
            if (_index.Remove((partition, row), out var node))
            {
                _recent.Remove(node);
            }
        }
    }

    private sealed record Entry(string Partition, string Row, DepartmentCounters Counts, ETag ETag);
}
