using System.Text.Json;
using PowerFunctions.App.Config;
using PowerFunctions.App.Hosting;
using PowerFunctions.App.Tests.Support;
using PowerFunctions.Storage;

namespace PowerFunctions.App.Tests.Hosting;

/// <summary>
/// Under the Functions host a queue message given up on is sealed into <c>&lt;queue&gt;-poison</c> by the app (as the
/// standalone runner does), not moved there raw by the host: <see cref="PoisonQueue.RunUnderHostAsync"/>, the part of
/// <see cref="FunctionsHostMiddleware"/> that decides, driven here with the real ApplicationIntake function.
/// </summary>
public sealed class FunctionsHostPoisonTests
{
    private const string IdNumber = "110105199003074513";
    private const string Phone = "13698765432";
    private static readonly string Refused = $$$"""{"idempotencyKey":"host-poison-1","itemCode":"XK-D99-0000","applicant":{"name":"毒丸","idType":"身份证","idNumber":"{{{IdNumber}}}","phone":"{{{Phone}}}"}}""";

    [Fact]
    [Trait("Source", "个人信息保护法 第五十一条 (加密)")]
    public async Task RefusedApplication_SealedIntoThePoisonQueue_AndTheDeliveryCompletes()
    {
        await using var app = await TestApp.StartAsync();
        var (poisonQueue, intake) = Parts(app);

        // Completes (no throw): the host deletes the message instead of copying it raw to applications-poison.
        await poisonQueue.RunUnderHostAsync(intake, "m-1", 1, Refused, () => Deliver(app, intake, Refused, "m-1", 1), CancellationToken.None);

        var text = Assert.Single(await PoisonTextsAsync(app));
        Assert.DoesNotContain(IdNumber, text, StringComparison.Ordinal);
        Assert.DoesNotContain(Phone, text, StringComparison.Ordinal);
        var record = JsonSerializer.Deserialize<PoisonRecord>(text)!;
        Assert.Equal(("applications", "ApplicationIntake", "m-1", 1L), (record.Queue, record.Function, record.MessageId, record.DequeueCount));
        Assert.Contains("XK-D99-0000", record.Reason, StringComparison.Ordinal);
        Assert.Equal(Refused, app.Get<PoisonSeal>().Open(record));
    }

    [Fact]
    public async Task TransientFailureBeforeTheLastDelivery_Rethrown_NothingSealed()
    {
        await using var app = await TestApp.StartAsync();
        var (poisonQueue, intake) = Parts(app);

        await Assert.ThrowsAsync<IOException>(() => poisonQueue.RunUnderHostAsync(intake, "m-2", 4, Refused, () => throw new IOException("storage away"), CancellationToken.None));

        Assert.Empty(await PoisonTextsAsync(app));
    }

    [Fact]
    public async Task FailureOnTheLastDelivery_Sealed_WithTheLastError()
    {
        await using var app = await TestApp.StartAsync();
        var (poisonQueue, intake) = Parts(app);
        var last = app.Get<QueueOptions>().MaxDequeueCount;

        await poisonQueue.RunUnderHostAsync(intake, "m-3", last, Refused, () => throw new IOException("storage away"), CancellationToken.None);

        var record = JsonSerializer.Deserialize<PoisonRecord>(Assert.Single(await PoisonTextsAsync(app)))!;
        Assert.Equal(last, record.DequeueCount);
        Assert.Contains($"failed {last} deliveries", record.Reason, StringComparison.Ordinal);
        Assert.Contains("IOException: storage away", record.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoMessageTextInTheBindingData_Rethrown_ForTheHostToHandle()
    {
        await using var app = await TestApp.StartAsync();
        var (poisonQueue, intake) = Parts(app);

        await Assert.ThrowsAsync<PoisonMessageException>(() => poisonQueue.RunUnderHostAsync(intake, "m-4", 1, null, () => throw new PoisonMessageException("never"), CancellationToken.None));

        Assert.Empty(await PoisonTextsAsync(app));
    }

    /// <summary>The host must not give up before the app does, or it moves the message raw.</summary>
    [Fact]
    public void HostJson_MaxDequeueCount_IsNotBelowTheApps()
    {
        using var host = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoRoot.Path, "host.json")));
        var hostMax = host.RootElement.GetProperty("extensions").GetProperty("queues").GetProperty("maxDequeueCount").GetInt32();

        Assert.True(hostMax >= new QueueOptions().MaxDequeueCount, $"host.json maxDequeueCount {hostMax} is below Queues:MaxDequeueCount {new QueueOptions().MaxDequeueCount}");
    }

    private static (PoisonQueue Poison, QueueFunction Intake) Parts(TestApp app) =>
        (app.Get<PoisonQueue>(), app.Get<FunctionIndex>().Queues.Single(q => q.Name == "ApplicationIntake"));

    private static Task Deliver(TestApp app, QueueFunction function, string text, string messageId, long dequeueCount) =>
        app.Get<FunctionInvoker>().InvokeQueueAsync(function, app.Services, text, messageId, dequeueCount, "corr-1", CancellationToken.None);

    private static async Task<IReadOnlyList<string>> PoisonTextsAsync(TestApp app)
    {
        var poison = app.Get<IStorageAccount>().GetQueueClient("applications" + PoisonQueue.Suffix);
        await poison.CreateIfNotExistsAsync();
        return [.. (await poison.PeekMessagesAsync(32)).Select(m => m.MessageText)];
    }
}
