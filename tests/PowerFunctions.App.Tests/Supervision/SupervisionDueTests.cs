using System.Net;
using System.Text.Json;
using PowerFunctions.App.Features.Timers;
using PowerFunctions.App.Tests.Support;

namespace PowerFunctions.App.Tests.Supervision;

/// <summary><c>GET /api/supervision/due?from=&amp;to=</c>: what falls due in a window, read from the timer index.</summary>
public sealed class SupervisionDueTests : IAsyncLifetime
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    private TestApp _app = null!;

    public async Task InitializeAsync() => _app = await TestApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Due_Window_ListsTimersDueInItsChinaDatesInDueOrder()
    {
        await _app.Get<ITimerScheduler>().ScheduleAsync(
        [
            new DurableTimer("deemed-acceptance", "C1", "correction-notice", new DateTimeOffset(2026, 9, 21, 0, 0, 0, China), 3),
            new DurableTimer("alert", "C2", "decision.red", new DateTimeOffset(2026, 9, 27, 23, 59, 0, China), 5),
            new DurableTimer("alert", "C3", "decision.yellow", new DateTimeOffset(2026, 9, 20, 23, 59, 59, China), 1),
            new DurableTimer("alert", "C4", "decision.red", new DateTimeOffset(2026, 9, 28, 0, 0, 0, China), 1),
        ], default);

        var json = await GetAsync("/api/supervision/due?from=2026-09-21&to=2026-09-27", HttpStatusCode.OK);

        Assert.Equal(["C1", "C2"], json.EnumerateArray().Select(t => t.GetProperty("target").GetString()));
        var first = json[0];
        Assert.Equal("deemed-acceptance", first.GetProperty("kind").GetString());
        Assert.Equal("correction-notice", first.GetProperty("key").GetString());
        Assert.Equal("2026-09-21T00:00:00+08:00", first.GetProperty("due").GetString());
    }

    [Theory]
    [InlineData("/api/supervision/due?to=2026-09-27", "from")]
    [InlineData("/api/supervision/due?from=2026-09-21", "to")]
    [InlineData("/api/supervision/due?from=2026-9-21&to=2026-09-27", "from")]
    [InlineData("/api/supervision/due?from=2026-09-21&to=2026-09-20", "to")]
    [InlineData("/api/supervision/due?from=2026-09-01&to=2026-10-02", "to")]
    public async Task Due_BadWindow_Answers400Problem(string url, string parameter)
    {
        var json = await GetAsync(url, HttpStatusCode.BadRequest);

        Assert.Equal("request.invalid_parameter", json.GetProperty("code").GetString());
        Assert.True(json.GetProperty("errors").TryGetProperty(parameter, out _));
    }

    [Fact]
    public async Task Due_NotSupervisor_Forbidden()
    {
        var response = await _app.ClientFor("acceptor").GetAsync("/api/supervision/due?from=2026-09-21&to=2026-09-27");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private async Task<JsonElement> GetAsync(string url, HttpStatusCode expected)
    {
        var response = await _app.ClientFor("supervisor").GetAsync(url);
        Assert.Equal(expected, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.Clone();
    }
}
