using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PowerFunctions.App.Hosting;
using PowerFunctions.App.Tests.Support;
using PowerFunctions.Storage;

namespace PowerFunctions.App.Tests.Hosting;

/// <summary>The standalone runners: timers on their schedule in real time, queues polled with retries and a poison queue.</summary>
public sealed class RunnerTests
{
    private static readonly Dictionary<string, string?> FastRunners = new()
    {
        ["Runners:Enabled"] = "true",
        ["Queues:MaxDequeueCount"] = "3",
        ["Queues:RetryDelay"] = "00:00:00",
        ["Queues:VisibilityTimeout"] = "00:00:05",
        ["Queues:MaxPollingInterval"] = "00:00:00.100",
    };

    [Fact]
    public async Task TimerRunner_EverySecondSchedule_FiresWithTheInjectedClock()
    {
        var probe = new Probe();
        await using var app = await TestApp.StartAsync(FastRunners, overrideServices: s => s.AddSingleton(probe).AddFunctionModule<TestFunctions>());

        await probe.WaitAsync(() => probe.Ticks.Count >= 2, TimeSpan.FromSeconds(10));

        var tick = probe.Ticks.First();
        Assert.Equal(0, tick.ScheduledAt.Millisecond);
        Assert.False(string.IsNullOrEmpty(tick.CorrelationId));

        // Real time between ticks; the handler's TimeProvider is the manual clock, which did not move.
        Assert.All(probe.ClockSeen, now => Assert.Equal(TestApp.DefaultStart, now));
    }

    [Fact]
    public async Task QueueRunner_HandlerSucceeds_MessageDeleted()
    {
        var probe = new Probe();
        await using var app = await TestApp.StartAsync(FastRunners, overrideServices: s => s.AddSingleton(probe).AddFunctionModule<TestFunctions>());
        var queue = app.Get<IStorageAccount>().GetQueueClient(TestFunctions.OkQueue);
        await queue.CreateIfNotExistsAsync();

        await queue.SendMessageAsync("hello");

        await probe.WaitAsync(() => probe.Messages.Contains("hello"), TimeSpan.FromSeconds(10));
        await probe.WaitAsync(async () => await queue.GetApproximateCountAsync() == 0, TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task QueueRunner_HandlerAlwaysFails_PoisonedAfterMaxDequeueCountWithReason()
    {
        var probe = new Probe();
        await using var app = await TestApp.StartAsync(FastRunners, overrideServices: s => s.AddSingleton(probe).AddFunctionModule<TestFunctions>());
        var storage = app.Get<IStorageAccount>();
        var queue = storage.GetQueueClient(TestFunctions.FailingQueue);
        var poison = storage.GetQueueClient(TestFunctions.FailingQueue + "-poison");
        await queue.CreateIfNotExistsAsync();
        await poison.CreateIfNotExistsAsync();

        await queue.SendMessageAsync("doomed");

        await probe.WaitAsync(async () => (await poison.PeekMessagesAsync(1)).Count == 1, TimeSpan.FromSeconds(15));
        var record = JsonDocument.Parse((await poison.PeekMessagesAsync(1))[0].MessageText).RootElement;
        Assert.Equal("doomed", record.GetProperty("messageText").GetString());
        Assert.Equal(3, record.GetProperty("dequeueCount").GetInt64());
        Assert.Contains("boom", record.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(TestFunctions.FailingQueue, record.GetProperty("queue").GetString());
        Assert.Equal(3, probe.Failures.Count(f => f == "doomed"));
        await probe.WaitAsync(async () => await queue.GetApproximateCountAsync() == 0, TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task QueueRunner_PoisonMessageException_PoisonedAtOnce()
    {
        var probe = new Probe();
        await using var app = await TestApp.StartAsync(FastRunners, overrideServices: s => s.AddSingleton(probe));
        var storage = app.Get<IStorageAccount>();
        var queue = storage.GetQueueClient("complaints");
        var poison = storage.GetQueueClient("complaints-poison");
        await queue.CreateIfNotExistsAsync();
        await poison.CreateIfNotExistsAsync();

        await queue.SendMessageAsync("{not a ticket");

        await probe.WaitAsync(async () => (await poison.PeekMessagesAsync(1)).Count == 1, TimeSpan.FromSeconds(10));
        var record = JsonDocument.Parse((await poison.PeekMessagesAsync(1))[0].MessageText).RootElement;
        Assert.Equal(1, record.GetProperty("dequeueCount").GetInt64());
        Assert.Equal("ComplaintIntake", record.GetProperty("function").GetString());
    }

    [Fact]
    public async Task QueueRunner_ComplaintOnStorageQueue_RecordedAndListed()
    {
        await using var app = await TestApp.StartAsync(FastRunners);
        var queue = app.Get<IStorageAccount>().GetQueueClient("complaints");
        await queue.CreateIfNotExistsAsync();

        await queue.SendMessageAsync(Envelopes.Complaint("T-RUN-1"));

        var supervisor = app.ClientFor("supervisor");
        await new Probe().WaitAsync(
            async () => (await supervisor.GetFromJsonAsync<JsonElement>("/api/complaints")).EnumerateArray().Any(c => c.GetProperty("ticketId").GetString() == "T-RUN-1"),
            TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Runners_Disabled_NotRegistered()
    {
        await using var app = await TestApp.StartAsync();

        Assert.Null(app.Services.GetService<TimerRunner>());
        Assert.Null(app.Services.GetService<QueueRunner>());
    }

    [Fact]
    public async Task Runners_UnderCustomHandler_NotRegisteredEvenWhenEnabled()
    {
        await using var app = await TestApp.StartCustomHandlerAsync(new Dictionary<string, string?> { ["Runners:Enabled"] = "true" });

        Assert.Null(app.Services.GetService<TimerRunner>());
        Assert.Null(app.Services.GetService<QueueRunner>());
    }

    /// <summary>What the test functions saw.</summary>
    public sealed class Probe
    {
        public ConcurrentQueue<TimerCall> Ticks { get; } = new();

        public ConcurrentQueue<DateTimeOffset> ClockSeen { get; } = new();

        public ConcurrentQueue<string> Messages { get; } = new();

        public ConcurrentQueue<string> Failures { get; } = new();

        public Task WaitAsync(Func<bool> condition, TimeSpan timeout) => WaitAsync(() => Task.FromResult(condition()), timeout);

        public async Task WaitAsync(Func<Task<bool>> condition, TimeSpan timeout)
        {
            var deadline = DateTime.UtcNow + timeout;
            while (!await condition())
            {
                Assert.True(DateTime.UtcNow < deadline, "condition not met in time");
                await Task.Delay(50);
            }
        }
    }

    /// <summary>A timer every second, a queue that always succeeds and one that always fails.</summary>
    public sealed class TestFunctions(Probe probe, TimeProvider clock) : IFunctionModule
    {
        public const string OkQueue = "test-ok";
        public const string FailingQueue = "test-failing";

        public IEnumerable<FunctionDeclaration> Declare()
        {
            yield return Function.Timer("TestEverySecond", "* * * * * *", (call, _) =>
            {
                probe.Ticks.Enqueue(call);
                probe.ClockSeen.Enqueue(clock.GetUtcNow());
                return Task.CompletedTask;
            });
            yield return Function.StorageQueue("TestOk", OkQueue, (call, _) =>
            {
                probe.Messages.Enqueue(call.MessageText);
                return Task.CompletedTask;
            });
            yield return Function.StorageQueue("TestFailing", FailingQueue, (call, _) =>
            {
                probe.Failures.Enqueue(call.MessageText);
                throw new InvalidOperationException("boom");
            });
        }
    }
}
