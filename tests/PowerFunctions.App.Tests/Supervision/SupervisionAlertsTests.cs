using System.Net;
using System.Text.Json;
using PowerFunctions.App.Features.Supervision;
using PowerFunctions.App.Tests.Support;
using PowerFunctions.Domain.Supervision;

namespace PowerFunctions.App.Tests.Supervision;

/// <summary><c>GET /api/supervision/alerts</c> over real HTTP, with alerts raised through <see cref="IAlertSink"/> as the timer handlers raise them.</summary>
[Trait("Source", AlertRecordRules.Source)]
public sealed class SupervisionAlertsTests : IAsyncLifetime
{
    private static readonly DateTimeOffset At = TestApp.DefaultStart;

    private TestApp _app = null!;

    public async Task InitializeAsync() => _app = await TestApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private IAlertSink Sink => _app.Get<IAlertSink>();

    private static AlertRaised Alert(string caseNo, string level, string department = "D01", string kind = "decision", int dueDay = 21) =>
        new(caseNo, department, "ITEM-" + department, kind, level == "red" ? AlertLevel.Red : AlertLevel.Yellow, new DateOnly(2026, 9, dueDay), At);

    [Fact]
    public async Task Alerts_RaisedByEverySweep_ListedOnceWithExactShape()
    {
        for (var sweep = 0; sweep < 3; sweep++)
        {
            await Sink.RaiseAsync(Alert("C1", "yellow") with { RaisedAt = At.AddMinutes(sweep) }, default);
        }

        var json = await GetAsync("/api/supervision/alerts?level=yellow");

        var alert = Assert.Single(json.EnumerateArray());
        Assert.Equal(
            ["caseNo", "department", "itemCode", "deadlineKind", "level", "due", "id", "kind"],
            alert.EnumerateObject().Select(p => p.Name).Take(8));
        Assert.Equal("decision", alert.GetProperty("kind").GetString());
        Assert.Equal("open", alert.GetProperty("status").GetString());
        Assert.Equal("C1", alert.GetProperty("caseNo").GetString());
        Assert.Equal("D01", alert.GetProperty("department").GetString());
        Assert.Equal("ITEM-D01", alert.GetProperty("itemCode").GetString());
        Assert.Equal("decision", alert.GetProperty("deadlineKind").GetString());
        Assert.Equal("yellow", alert.GetProperty("level").GetString());
        Assert.Equal("2026-09-21", alert.GetProperty("due").GetString());
        Assert.Equal(At, alert.GetProperty("raisedAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task Alerts_ByLevelAndDepartment_FiltersByPartitionAndPrefix()
    {
        await Sink.RaiseAsync(Alert("C1", "yellow", "D01"), default);
        await Sink.RaiseAsync(Alert("C2", "red", "D01", dueDay: 17), default);
        await Sink.RaiseAsync(Alert("C3", "red", "D02", dueDay: 16), default);
        await Sink.RaiseAsync(Alert("C4", "red", "D010"), default);

        Assert.Equal(["C3", "C2", "C4"], CaseNos(await GetAsync("/api/supervision/alerts?level=red")));
        Assert.Equal(["C2"], CaseNos(await GetAsync("/api/supervision/alerts?level=red&department=D01")));
        Assert.Equal(["C1"], CaseNos(await GetAsync("/api/supervision/alerts?level=yellow&department=D01")));
        Assert.Equal(["C3", "C2", "C1", "C4"], CaseNos(await GetAsync("/api/supervision/alerts")));
    }

    [Fact]
    public async Task Alerts_RedAfterYellow_RedSupersedesYellowInListings()
    {
        await Sink.RaiseAsync(Alert("C1", "yellow"), default);
        await Sink.RaiseAsync(Alert("C1", "red") with { RaisedAt = At.AddDays(1) }, default);

        Assert.Empty((await GetAsync("/api/supervision/alerts?level=yellow")).EnumerateArray());
        Assert.Equal(["C1"], CaseNos(await GetAsync("/api/supervision/alerts?level=red")));
        Assert.Equal(["C1"], CaseNos(await GetAsync("/api/supervision/alerts?level=yellow&status=superseded")));
    }

    [Fact]
    public async Task Alerts_DeadlineMetInTime_YellowClosedAndKeptAsHistory()
    {
        await Sink.RaiseAsync(Alert("C1", "yellow"), default);
        await Sink.RaiseAsync(Alert("C1", "yellow", kind: "delivery"), default);

        await Sink.ResolveAsync("C1", "decision", At.AddDays(2), default);
        await Sink.ResolveAsync("C1", "decision", At.AddDays(5), default);

        var open = await GetAsync("/api/supervision/alerts?level=yellow");
        Assert.Equal(["delivery"], open.EnumerateArray().Select(a => a.GetProperty("deadlineKind").GetString()));
        var resolved = Assert.Single((await GetAsync("/api/supervision/alerts?level=yellow&status=resolved")).EnumerateArray());
        Assert.Equal(At.AddDays(2), resolved.GetProperty("resolvedAt").GetDateTimeOffset());
        Assert.Equal(2, (await GetAsync("/api/supervision/alerts?status=all")).GetArrayLength());
    }

    [Fact]
    public async Task Alerts_RaisedAgainAfterResolution_StaysOneResolvedRecord()
    {
        await Sink.RaiseAsync(Alert("C1", "yellow"), default);
        await Sink.ResolveAsync("C1", "decision", At.AddHours(1), default);

        await Sink.RaiseAsync(Alert("C1", "yellow"), default);

        Assert.Empty((await GetAsync("/api/supervision/alerts?level=yellow")).EnumerateArray());
        Assert.Single((await GetAsync("/api/supervision/alerts?status=all")).EnumerateArray());
    }

    [Fact]
    public async Task Alerts_SupervisorOfAnotherDepartment_SeesAllDepartments()
    {
        await Sink.RaiseAsync(Alert("C1", "red", "D01"), default);
        await Sink.RaiseAsync(Alert("C2", "red", "D02"), default);

        var json = await GetAsync("/api/supervision/alerts?level=red", _app.ClientFor("supervisor", "D09"));

        Assert.Equal(["C1", "C2"], CaseNos(json));
    }

    [Theory]
    [InlineData("/api/supervision/alerts?level=orange", "level")]
    [InlineData("/api/supervision/alerts?level=RED", "level")]
    [InlineData("/api/supervision/alerts?level=", "level")]
    [InlineData("/api/supervision/alerts?status=late", "status")]
    [InlineData("/api/supervision/alerts?department=D%2F1", "department")]
    public async Task Alerts_BadParameter_Answers400Problem(string url, string parameter)
    {
        var response = await _app.ClientFor("supervisor").GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("request.invalid_parameter", json.RootElement.GetProperty("code").GetString());
        Assert.Equal("请求参数无效", json.RootElement.GetProperty("title").GetString());
        Assert.True(json.RootElement.GetProperty("errors").TryGetProperty(parameter, out _));
    }

    [Theory]
    [InlineData(null, "", HttpStatusCode.Unauthorized)]
    [InlineData("acceptor", "", HttpStatusCode.Forbidden)]
    [InlineData("acceptor", "D02", HttpStatusCode.Forbidden)]
    [InlineData("acceptor", "D01", HttpStatusCode.OK)]
    [InlineData("admin", "", HttpStatusCode.Forbidden)]
    [InlineData("supervisor", "", HttpStatusCode.OK)]
    public async Task Alerts_ByRole_SupervisorsOrTheDepartmentsOwnStaff(string? roles, string department, HttpStatusCode expected)
    {
        var client = roles is null ? _app.Client : _app.ClientFor(roles, department);

        var response = await client.GetAsync("/api/supervision/alerts?level=red&department=D01");

        Assert.Equal(expected, response.StatusCode);
    }

    private static List<string?> CaseNos(JsonElement json) => [.. json.EnumerateArray().Select(a => a.GetProperty("caseNo").GetString())];

    private async Task<JsonElement> GetAsync(string url, HttpClient? client = null)
    {
        var response = await (client ?? _app.ClientFor("supervisor")).GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.Clone();
    }
}
