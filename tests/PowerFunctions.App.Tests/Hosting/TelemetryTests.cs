using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using PowerFunctions.App.Hosting;
using PowerFunctions.App.Tests.Support;

namespace PowerFunctions.App.Tests.Hosting;

/// <summary>Traces and metrics: recorded per invocation; exported over OTLP only when an endpoint is configured.</summary>
public sealed class TelemetryTests
{
    [Fact]
    public async Task Http_Request_CountedAndTracedWithCorrelationId()
    {
        await using var app = await TestApp.StartAsync();
        var meter = app.Get<Telemetry>().Meter;
        var counted = new ConcurrentBag<(string Instrument, long Value, string? Function)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (ReferenceEquals(instrument.Meter, meter))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
            counted.Add((instrument.Name, value, tags.ToArray().FirstOrDefault(t => t.Key == "function").Value as string)));
        listener.Start();
        var spans = new ConcurrentBag<Activity>();
        using var activities = new ActivityListener
        {
            ShouldListenTo = s => s.Name == Telemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Add,
        };
        ActivitySource.AddActivityListener(activities);

        var request = new HttpRequestMessage(HttpMethod.Get, "/api/health");
        request.Headers.Add("X-Correlation-Id", "corr-123");
        var response = await app.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("corr-123", response.Headers.GetValues("X-Correlation-Id").Single());

        // The pipeline records the call once its answer is written (the duration includes writing), so the
        // client may read the answer a moment before the span ends and the counter is added.
        await new RunnerTests.Probe().WaitAsync(
            () => counted.Any(c => c.Instrument == "powerfunctions.http.requests" && c.Function == "Health")
                && spans.Any(s => s.OperationName == "Health" && (string?)s.GetTagItem("correlation.id") == "corr-123"),
            TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task TimerAndQueue_Invocations_CountedWithOutcomeAndTracedWithCorrelationId()
    {
        await using var app = await TestApp.StartAsync();
        var meter = app.Get<Telemetry>().Meter;
        var counted = new ConcurrentBag<(string Instrument, string? Outcome)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (ReferenceEquals(instrument.Meter, meter))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, _, tags, _) =>
            counted.Add((instrument.Name, tags.ToArray().FirstOrDefault(t => t.Key == "outcome").Value as string)));
        listener.Start();
        var spans = new ConcurrentBag<Activity>();
        using var activities = new ActivityListener
        {
            ShouldListenTo = s => s.Name == Telemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Add,
        };
        ActivitySource.AddActivityListener(activities);

        await app.RunTimerAsync("DeadlineSweep");
        await Assert.ThrowsAsync<PoisonMessageException>(() => app.DeliverAsync("ApplicationIntake", "{}"));

        Assert.Contains(counted, c => c.Instrument == "powerfunctions.timer.fires" && c.Outcome == "ok");
        Assert.Contains(counted, c => c.Instrument == "powerfunctions.queue.deliveries" && c.Outcome == "failed");
        Assert.Contains(spans, s => s.OperationName == "DeadlineSweep" && (string?)s.GetTagItem("correlation.id") == "test-DeadlineSweep");
        Assert.Contains(spans, s => s.OperationName == "ApplicationIntake" && (string?)s.GetTagItem("messaging.destination.name") == "applications");
    }

    [Fact]
    public async Task Http_NoCorrelationIdSent_ANewOneOnTheAnswerEvenForUnknownRoutes()
    {
        await using var app = await TestApp.StartAsync();

        var known = await app.Client.GetAsync("/api/health");
        var unknown = await app.Client.GetAsync("/api/no-such-route");
        var bad = new HttpRequestMessage(HttpMethod.Get, "/api/health");
        bad.Headers.TryAddWithoutValidation("X-Correlation-Id", "not allowed: spaces and <tags>");
        var refused = await app.Client.SendAsync(bad);

        Assert.Matches("^[0-9a-f]{32}$", known.Headers.GetValues("X-Correlation-Id").Single());
        Assert.Matches("^[0-9a-f]{32}$", unknown.Headers.GetValues("X-Correlation-Id").Single());
        Assert.Matches("^[0-9a-f]{32}$", refused.Headers.GetValues("X-Correlation-Id").Single());
    }

    [Fact]
    public async Task Otlp_NotConfigured_NothingExported()
    {
        await using var app = await TestApp.StartAsync();

        Assert.Null(app.Services.GetService<TracerProvider>());
        Assert.Null(app.Services.GetService<MeterProvider>());
    }

    [Fact]
    public async Task Otlp_EndpointConfigured_TracesAndMetricsExported()
    {
        await using var app = await TestApp.StartAsync(new Dictionary<string, string?> { ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://127.0.0.1:9" });

        Assert.NotNull(app.Services.GetService<TracerProvider>());
        Assert.NotNull(app.Services.GetService<MeterProvider>());
        Assert.Equal(HttpStatusCode.OK, (await app.Client.GetAsync("/api/health")).StatusCode);
    }
}
