using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Azure.Functions.Worker;
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
        await using var app = await TestApp.StartAsync(FastRunners, overrideServices: s => s.AddSingleton(probe).AddSingleton(FunctionClasses.Of(typeof(TestFunctions))));

        await probe.WaitAsync(() => probe.Ticks.Count >= 2, TimeSpan.FromSeconds(10));

        var tick = probe.Ticks.First();
        Assert.Equal(0, tick.ScheduleStatus!.Next.Millisecond);
        Assert.True(tick.ScheduleStatus.Next > tick.ScheduleStatus.Last);

        // Real time between ticks; the handler's TimeProvider is the manual clock, which did not move.
        Assert.All(probe.ClockSeen, now => Assert.Equal(TestApp.DefaultStart, now));
    }

    [Fact]
    public async Task QueueRunner_HandlerSucceeds_MessageDeleted()
    {
        var probe = new Probe();
        await using var app = await TestApp.StartAsync(FastRunners, overrideServices: s => s.AddSingleton(probe).AddSingleton(FunctionClasses.Of(typeof(TestFunctions))));
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
        await using var app = await TestApp.StartAsync(FastRunners, overrideServices: s => s.AddSingleton(probe).AddSingleton(FunctionClasses.Of(typeof(TestFunctions))));
        var storage = app.Get<IStorageAccount>();
        var queue = storage.GetQueueClient(TestFunctions.FailingQueue);
        var poison = storage.GetQueueClient(TestFunctions.FailingQueue + "-poison");
        await queue.CreateIfNotExistsAsync();
        await poison.CreateIfNotExistsAsync();

        await queue.SendMessageAsync("doomed");

        await probe.WaitAsync(async () => (await poison.PeekMessagesAsync(1)).Count == 1, TimeSpan.FromSeconds(15));
        var text = (await poison.PeekMessagesAsync(1))[0].MessageText;
        var record = JsonDocument.Parse(text).RootElement;
        Assert.Equal("doomed", app.Get<PoisonSeal>().Open(JsonSerializer.Deserialize<PoisonRecord>(text)!));
        Assert.Equal(3, record.GetProperty("dequeueCount").GetInt64());
        Assert.Contains("boom", record.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(TestFunctions.FailingQueue, record.GetProperty("queue").GetString());
        Assert.Equal(3, probe.Failures.Count(f => f == "doomed"));
        await probe.WaitAsync(async () => await queue.GetApproximateCountAsync() == 0, TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task QueueRunner_PoisonMessageException_PoisonedAtOnce()
    {
        await using var app = await TestApp.StartAsync(FastRunners);
        var storage = app.Get<IStorageAccount>();
        var queue = storage.GetQueueClient("applications");
        var poison = storage.GetQueueClient("applications-poison");
        await queue.CreateIfNotExistsAsync();
        await poison.CreateIfNotExistsAsync();

        await queue.SendMessageAsync("{not an application");

        await new Probe().WaitAsync(async () => (await poison.PeekMessagesAsync(1)).Count == 1, TimeSpan.FromSeconds(10));
        var text = (await poison.PeekMessagesAsync(1))[0].MessageText;
        var record = JsonDocument.Parse(text).RootElement;
        Assert.Equal(1, record.GetProperty("dequeueCount").GetInt64());
        Assert.Equal("ApplicationIntake", record.GetProperty("function").GetString());
        Assert.Equal("{not an application", app.Get<PoisonSeal>().Open(JsonSerializer.Deserialize<PoisonRecord>(text)!));
    }

    [Fact]
    [Trait("Source", "个人信息保护法 第五十一条 (加密)")]
    public async Task QueueRunner_PoisonedApplicationWithIdentityNumberAndPhone_PoisonQueueAndDataFileHoldNeither()
    {
        const string idNumber = "110105199003074513";
        const string phone = "13698765432";
        await using var app = await TestApp.StartAsync(FastRunners);
        var storage = app.Get<IStorageAccount>();
        var queue = storage.GetQueueClient("applications");
        var poison = storage.GetQueueClient("applications-poison");
        await queue.CreateIfNotExistsAsync();
        await poison.CreateIfNotExistsAsync();
        var message = $$$"""{"idempotencyKey":"poison-1","itemCode":"XK-D99-0000","applicant":{"name":"毒丸","idType":"身份证","idNumber":"{{{idNumber}}}","phone":"{{{phone}}}"}}""";

        await queue.SendMessageAsync(message);

        await new Probe().WaitAsync(async () => (await poison.PeekMessagesAsync(1)).Count == 1, TimeSpan.FromSeconds(10));
        var text = (await poison.PeekMessagesAsync(1))[0].MessageText;
        Assert.DoesNotContain(idNumber, text, StringComparison.Ordinal);
        Assert.DoesNotContain(phone, text, StringComparison.Ordinal);
        var record = JsonSerializer.Deserialize<PoisonRecord>(text)!;
        Assert.Contains("XK-D99-0000", record.Reason, StringComparison.Ordinal); // why, in the clear
        Assert.StartsWith("pd1:", record.SealedMessage, StringComparison.Ordinal);
        Assert.Equal(message, app.Get<PoisonSeal>().Open(record)); // an operator holding the keys reads and replays it
        Assert.Null(app.Get<PoisonSeal>().Open(record with { MessageId = "another" })); // bound to its message

        // The original was in the file while in flight: once deleted and checkpointed, no trace of it stays.
        await DataFiles.TruncateLogAsync(app.DataPath);
        await DataFiles.AssertAbsentAsync(app.DataPath, idNumber, phone);
    }

    [Fact]
    public async Task TimerRunner_HotlineTicketOnTheQueue_RecordedWithinTheNextTick()
    {
        await using var app = await TestApp.StartAsync(FastRunners);
        var queue = app.Get<IStorageAccount>().GetQueueClient("hotline-tickets");

        // Plain text written to the queue (no envelope) is read as a message by the embedded adapter.
        await queue.CreateIfNotExistsAsync();
        await queue.SendMessageAsync(Complaints.ComplaintApp.HotlineTicket("HL-RUN-1"));

        var supervisor = app.ClientFor("supervisor");
        await new Probe().WaitAsync(
            async () => (await supervisor.GetFromJsonAsync<JsonElement>("/api/complaints")).GetProperty("items").EnumerateArray().Any(c => c.GetProperty("hotlineTicketId").GetString() == "HL-RUN-1"),
            TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task Runners_Disabled_NotRegistered()
    {
        await using var app = await TestApp.StartAsync();

        Assert.Null(app.Services.GetService<TimerRunner>());
        Assert.Null(app.Services.GetService<QueueRunner>());
    }

    [Theory]
    [InlineData(new[] { "--urls=http://127.0.0.1:0" }, false)]
    [InlineData(new[] { "token", "--sub", "u1" }, false)]
    [InlineData(new[] { "--host", "127.0.0.1", "--port", "50051", "--functions-uri", "http://127.0.0.1:50051/", "--functions-worker-id", "w1" }, true)]
    public void IsFunctionsHost_OnlyWhenTheHostPassesItsUri(string[] args, bool expected)
    {
        Assert.Equal(expected, PowerFunctionsHost.IsFunctionsHost(args));
    }

    /// <summary>What the test functions saw.</summary>
    public sealed class Probe
    {
        public ConcurrentQueue<TimerInfo> Ticks { get; } = new();

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
    public sealed class TestFunctions(Probe probe, TimeProvider clock)
    {
        public const string OkQueue = "test-ok";
        public const string FailingQueue = "test-failing";

        [Function("TestEverySecond")]
        public Task EverySecond([TimerTrigger("* * * * * *")] TimerInfo timer)
        {
            probe.Ticks.Enqueue(timer);
            probe.ClockSeen.Enqueue(clock.GetUtcNow());
            return Task.CompletedTask;
        }

        [Function("TestOk")]
        public Task Ok([QueueTrigger(OkQueue)] string message, CancellationToken cancellationToken)
        {
            probe.Messages.Enqueue(message);
            return Task.CompletedTask;
        }

        [Function("TestFailing")]
        public Task Failing([QueueTrigger(FailingQueue)] string message)
        {
            probe.Failures.Enqueue(message);
            throw new InvalidOperationException("boom");
        }
    }
}
