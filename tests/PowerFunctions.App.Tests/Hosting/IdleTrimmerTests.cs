using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using PowerFunctions.App.Config;
using PowerFunctions.App.Hosting;
using PowerFunctions.App.Tests.Support;
using PowerFunctions.Storage.Embedded;

namespace PowerFunctions.App.Tests.Hosting;

/// <summary>
/// The idle trimmer gives memory back only once the app has served no request for its delay, once per
/// idle spell, never while a request is in flight; its clock is injected (a fake here). Wired into the
/// app, the pipeline counts every request and <c>IdleTrim:Enabled=false</c> leaves it out.
/// </summary>
public sealed class IdleTrimmerTests : IDisposable
{
    private static readonly TimeSpan Delay = TimeSpan.FromSeconds(30);

    private readonly string _dataPath = Path.Combine(Path.GetTempPath(), "pf-idle-" + Guid.NewGuid().ToString("N")[..12]);
    private readonly FakeTimeProvider _clock = new();
    private readonly RequestTracker _requests;
    private readonly EmbeddedStorageAccount _storage;
    private readonly IdleTrimmer _trimmer;

    public IdleTrimmerTests()
    {
        _requests = new RequestTracker(_clock);
        _storage = new EmbeddedStorageAccount(_dataPath);
        _trimmer = new IdleTrimmer(_requests, _storage, new IdleTrimOptions { Delay = Delay }, NullLogger<IdleTrimmer>.Instance, _clock);
    }

    public void Dispose()
    {
        _trimmer.Dispose();
        _storage.Dispose();
        try
        {
            Directory.Delete(_dataPath, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [Fact]
    public async Task IdleTrimmer_RequestInFlightPastTheDelay_DoesNotTrimUntilTheDelayAfterItEnded()
    {
        var serving = _requests.Begin();
        await StartAsync();

        for (var i = 0; i < 4; i++)
        {
            await StepAsync(Delay); // two minutes under load
        }

        Assert.Equal(0, _trimmer.Trims);

        serving.Dispose();
        _clock.Advance(Delay - TimeSpan.FromSeconds(1));
        await Task.Delay(100);
        Assert.Equal(0, _trimmer.Trims); // idle 29 s: not yet

        await StepAsync(TimeSpan.FromSeconds(1));
        Assert.Equal(1, _trimmer.Trims);
        Assert.NotNull(_trimmer.Last);
        await _trimmer.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task IdleTrimmer_LongIdle_TrimsOncePerIdleSpellAndAgainAfterTheNextRequest()
    {
        await StartAsync();
        await StepAsync(Delay);
        Assert.Equal(1, _trimmer.Trims); // idle since start: the start-up's garbage goes too

        for (var i = 0; i < 3; i++)
        {
            await StepAsync(Delay);
        }

        Assert.Equal(1, _trimmer.Trims);

        _requests.Begin().Dispose();
        await StepAsync(Delay);
        Assert.Equal(2, _trimmer.Trims);
        await _trimmer.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Trim_EmbeddedStore_ClosesSurplusSessionsAndTheStoreStillWorks()
    {
        var table = _storage.GetTableClient("Idle");
        await table.CreateIfNotExistsAsync();
        await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Task.Run(() => table.GetEntityAsync("p", i.ToString(System.Globalization.CultureInfo.InvariantCulture)))));

        var result = _trimmer.Trim();

        Assert.True(result.SessionsClosed >= 0);
        Assert.True(result.WorkingSetAfterMb > 0);
        Assert.Equal(0, _storage.ReleaseIdleMemory(keepSessions: 1)); // nothing left beyond the one kept
        Assert.Null(await table.GetEntityAsync("p", "0"));
    }

    [Fact]
    public async Task App_Requests_AreCountedByThePipeline()
    {
        await using var app = await TestApp.StartAsync(new Dictionary<string, string?> { ["IdleTrim:Enabled"] = "true", ["IdleTrim:Delay"] = "00:10:00" });
        var requests = app.Get<RequestTracker>();
        var before = requests.Started;

        using var response = await app.Client.GetAsync("/api/catalog/items");

        Assert.True(response.IsSuccessStatusCode);
        Assert.Equal(before + 1, requests.Started);
        Assert.Equal(0, requests.InFlight);
        Assert.Contains(app.Get<IEnumerable<IHostedService>>(), s => s is IdleTrimmer);
    }

    [Fact]
    public async Task App_IdleTrimDisabled_HasNoTrimmer()
    {
        await using var app = await TestApp.StartAsync(new Dictionary<string, string?> { ["IdleTrim:Enabled"] = "false" });

        Assert.DoesNotContain(app.Get<IEnumerable<IHostedService>>(), s => s is IdleTrimmer);
    }

    /// <summary>Starts the trimmer and waits until its loop waits on the fake clock.</summary>
    private async Task StartAsync()
    {
        await _trimmer.StartAsync(CancellationToken.None);
        await UntilAsync(() => _trimmer.Waits > 0);
    }

    /// <summary>Moves the fake clock and waits until the trimmer's loop has woken, looked (trimming or not) and waits again.</summary>
    private async Task StepAsync(TimeSpan by)
    {
        var waits = _trimmer.Waits;
        _clock.Advance(by);
        await UntilAsync(() => _trimmer.Waits > waits);
    }

    private static async Task UntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the trimmer's loop did not get there in 10 s");
            await Task.Delay(10);
        }
    }
}
