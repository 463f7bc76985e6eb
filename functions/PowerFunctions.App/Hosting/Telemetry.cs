using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace PowerFunctions.App.Hosting;

/// <summary>
/// The app's traces and metrics: one <see cref="ActivitySource"/> and one <see cref="Meter"/>, both
/// named <see cref="Name"/>. Exported over OTLP only when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set;
/// otherwise nothing listens and recording costs next to nothing.
/// </summary>
public sealed class Telemetry : IDisposable
{
    public const string Name = "PowerFunctions.App";

    private readonly Counter<long> _httpRequests;
    private readonly Histogram<double> _httpDuration;
    private readonly Counter<long> _timerFires;
    private readonly Counter<long> _queueDeliveries;
    private readonly Histogram<double> _invocationDuration;

    public Telemetry()
    {
        Source = new ActivitySource(Name);
        Meter = new Meter(Name);
        _httpRequests = Meter.CreateCounter<long>("powerfunctions.http.requests", "{request}", "HTTP calls answered, by function and status");
        _httpDuration = Meter.CreateHistogram<double>("powerfunctions.http.duration", "ms", "Time to answer an HTTP call");
        _timerFires = Meter.CreateCounter<long>("powerfunctions.timer.fires", "{fire}", "Timer function invocations, by function and outcome");
        _queueDeliveries = Meter.CreateCounter<long>("powerfunctions.queue.deliveries", "{delivery}", "Queue message deliveries, by function and outcome (ok, failed, poisoned)");
        _invocationDuration = Meter.CreateHistogram<double>("powerfunctions.invocation.duration", "ms", "Time of a timer or queue invocation");
    }

    public ActivitySource Source { get; }

    public Meter Meter { get; }

    public void HttpAnswered(string function, string method, int status, double milliseconds)
    {
        var tags = new TagList { { "function", function }, { "http.request.method", method }, { "http.response.status_code", status } };
        _httpRequests.Add(1, tags);
        _httpDuration.Record(milliseconds, tags);
    }

    public void TimerFired(string function, string outcome, double milliseconds)
    {
        var tags = new TagList { { "function", function }, { "outcome", outcome } };
        _timerFires.Add(1, tags);
        _invocationDuration.Record(milliseconds, tags);
    }

    public void QueueDelivered(string function, string outcome, double milliseconds)
    {
        var tags = new TagList { { "function", function }, { "outcome", outcome } };
        _queueDeliveries.Add(1, tags);
        _invocationDuration.Record(milliseconds, tags);
    }

    public void Dispose()
    {
        Source.Dispose();
        Meter.Dispose();
    }
}
