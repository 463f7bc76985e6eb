using System.Diagnostics;
using PowerFunctions.App.Config;
using PowerFunctions.Storage;
using PowerFunctions.Storage.Embedded;

namespace PowerFunctions.App.Hosting;

/// <summary>
/// Gives memory back once the app is idle. A burst of load leaves a process holding what it no longer
/// needs: SQLite read sessions with their page caches (one per concurrent read at the peak), the GC's
/// grown generations, and the C library's per-thread allocation arenas. When no HTTP request has been
/// served for <see cref="IdleTrimOptions.Delay"/> (see <see cref="RequestTracker"/>), the trimmer, once
/// per idle spell:
/// <list type="number">
/// <item>closes the pooled SQLite sessions but one and shrinks that one's cache (embedded store only);</item>
/// <item>runs one aggressive, compacting full GC, which also decommits the GC's free memory;</item>
/// <item>asks glibc to return its free heap pages to the system (<c>malloc_trim</c>; skipped where there is no glibc).</item>
/// </list>
/// Requests in flight or served within the delay postpone it; it never runs under load. Its clock is a
/// real one (<see cref="TimeProvider.System"/>), never the app's manual business clock; tests inject a fake.
/// </summary>
public sealed class IdleTrimmer(RequestTracker requests, IStorageAccount storage, IdleTrimOptions options, ILogger<IdleTrimmer> logger, TimeProvider clock) : BackgroundService
{
    private const int KeptSessions = 1;
    private const double Mb = 1024 * 1024;

    private long _trims;
    private long _waits;

    /// <summary>Trims done since start.</summary>
    public long Trims => Interlocked.Read(ref _trims);

    /// <summary>The last trim's result, or null before the first.</summary>
    public IdleTrimResult? Last { get; private set; }

    /// <summary>Times the loop started waiting on its clock (tests wait on it before they move a fake clock).</summary>
    internal long Waits => Interlocked.Read(ref _waits);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        long trimmedAfter = -1; // the request count at the last trim: one trim per idle spell
        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = options.Delay - requests.IdleFor;
            if (wait <= TimeSpan.Zero)
            {
                var started = requests.Started;
                if (started != trimmedAfter)
                {
                    trimmedAfter = started;
                    try
                    {
                        Trim();
                    }
                    catch (Exception e) when (e is not OutOfMemoryException)
                    {
                        logger.LogWarning(e, "Idle trim failed; the app goes on and tries again after its next idle spell");
                    }
                }

                wait = options.Delay;
            }

            try
            {
                var waiting = Task.Delay(wait, clock, stoppingToken);
                Interlocked.Increment(ref _waits);
                await waiting.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One trim (see the class doc); logged with what it gave back.</summary>
    internal IdleTrimResult Trim()
    {
        var (workingSetBefore, committedBefore, _) = Usage();
        var sessionsClosed = storage is EmbeddedStorageAccount embedded ? embedded.ReleaseIdleMemory(KeptSessions) : 0;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        NativeHeap.Trim();
        var (workingSetAfter, committedAfter, heapAfter) = Usage();
        var result = new IdleTrimResult(workingSetBefore, workingSetAfter, committedBefore, committedAfter, heapAfter, sessionsClosed);
        Last = result;
        Interlocked.Increment(ref _trims);
        logger.LogInformation(
            "Idle for {Delay}: gave memory back, working set {WorkingSetBefore:0} -> {WorkingSetAfter:0} MB, GC committed {CommittedBefore:0} -> {CommittedAfter:0} MB (heap {Heap:0} MB), {Sessions} SQLite sessions closed",
            options.Delay, workingSetBefore, workingSetAfter, committedBefore, committedAfter, heapAfter, sessionsClosed);
        return result;
    }

    private static (double WorkingSet, double Committed, double Heap) Usage()
    {
        using var process = Process.GetCurrentProcess();
        var gc = GC.GetGCMemoryInfo();
        return (process.WorkingSet64 / Mb, gc.TotalCommittedBytes / Mb, gc.HeapSizeBytes / Mb);
    }
}
