namespace PowerFunctions.App.Hosting;

/// <summary>
/// Whether the app is serving: the HTTP requests in flight, how many have started, and when the last one
/// ended, on a real clock (<see cref="TimeProvider.System"/> in the app, never the manual business clock).
/// The <see cref="HttpPipeline"/> wraps every function call in <see cref="Begin"/>; the
/// <see cref="IdleTrimmer"/> reads it.
/// </summary>
public sealed class RequestTracker
{
    private readonly TimeProvider _clock;
    private readonly IDisposable _end;
    private long _inFlight;
    private long _started;
    private long _lastEnded;

    public RequestTracker(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        _clock = clock;
        _lastEnded = clock.GetTimestamp();
        _end = new Ender(this);
    }

    /// <summary>Requests being served now.</summary>
    public long InFlight => Interlocked.Read(ref _inFlight);

    /// <summary>Requests started since the app started (a change means the app was not idle).</summary>
    public long Started => Interlocked.Read(ref _started);

    /// <summary>How long no request has been in flight; zero while one is.</summary>
    public TimeSpan IdleFor => InFlight > 0 ? TimeSpan.Zero : _clock.GetElapsedTime(Interlocked.Read(ref _lastEnded));

    /// <summary>Marks a request as started; dispose the answer once when it has been answered.</summary>
    public IDisposable Begin()
    {
        Interlocked.Increment(ref _started);
        Interlocked.Increment(ref _inFlight);
        return _end;
    }

    private void End()
    {
        Interlocked.Exchange(ref _lastEnded, _clock.GetTimestamp());
        Interlocked.Decrement(ref _inFlight);
    }

    private sealed class Ender(RequestTracker tracker) : IDisposable
    {
        public void Dispose() => tracker.End();
    }
}
