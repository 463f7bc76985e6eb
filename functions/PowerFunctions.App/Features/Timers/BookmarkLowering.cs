using PowerFunctions.Storage;

namespace PowerFunctions.App.Features.Timers;

/// <summary>
/// Coalesces this process's bookmark writes (<see cref="TimerBookmark.LowerAsync"/>). Every submission
/// touches the bookmark (its acceptance clock is due soon), and each touch is an ETag-checked write of one
/// row: with 32 concurrent submissions, only one of each round of writes wins, and under load a writer
/// could lose a hundred rounds in a row and fail its request. Here the callers that arrive while a write is
/// under way wait for the next one, which lowers the bookmark to the earliest of their buckets and touches
/// it if any of them asked to: one writer per process instead of one per request.
/// <para>
/// Why it is still correct: each caller asks only after its rows were written, and the write that answers
/// it starts after it asked, so that write reads the bookmark after the rows existed, lowers it to at most
/// the caller's bucket and, when asked, changes its ETag (a sweep that read it before fails its move).
/// </para>
/// </summary>
public sealed class BookmarkLowering(ITableClient table)
{
    private readonly object _gate = new();
    private Pending? _next;
    private bool _writing;

    /// <summary>Lowers (and, with <paramref name="touch"/>, rewrites) the bookmark to at most <paramref name="bucket"/>, together with the callers waiting beside this one.</summary>
    public Task LowerAsync(string bucket, bool touch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bucket);
        Pending joined;
        var start = false;
        lock (_gate)
        {
            _next ??= new Pending();
            _next.Add(bucket, touch);
            joined = _next;
            if (!_writing)
            {
                _writing = true;
                start = true;
            }
        }

        if (start)
        {
            _ = Task.Run(WriteAllAsync, CancellationToken.None);
        }

        return joined.Done.Task.WaitAsync(cancellationToken);
    }

    private async Task WriteAllAsync()
    {
        while (true)
        {
            Pending batch;
            lock (_gate)
            {
                if (_next is null)
                {
                    _writing = false;
                    return;
                }

                batch = _next;
                _next = null;
            }

            try
            {
                await TimerBookmark.LowerAsync(table, batch.Bucket!, batch.Touch, CancellationToken.None).ConfigureAwait(false);
                batch.Done.TrySetResult();
            }
            catch (Exception e)
            {
                batch.Done.TrySetException(e);
            }
        }
    }

    private sealed class Pending
    {
        public string? Bucket { get; private set; }

        public bool Touch { get; private set; }

        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Add(string bucket, bool touch)
        {
            if (Bucket is null || string.CompareOrdinal(bucket, Bucket) < 0)
            {
                Bucket = bucket;
            }

            Touch |= touch;
        }
    }
}
