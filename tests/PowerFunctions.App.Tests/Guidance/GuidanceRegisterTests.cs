using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using PowerFunctions.App.Tests.Enforcement;

namespace PowerFunctions.App.Tests.Guidance;

/// <summary>
/// The guidance register over real HTTP (seed 003, 行政指导方案): registered with its follow-up clock,
/// the clock's yellow and red alerts through the sweep, the follow-up with the target's answer (either
/// answer resolves the clock alike), the quarterly report, and bad input refused with nothing stored.
/// Each test has its own app, so the manual clock only moves forward.
/// </summary>
public sealed class GuidanceRegisterTests : IAsyncLifetime
{
    private EnforcementApp _app = null!;

    public async Task InitializeAsync() => _app = await EnforcementApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    [Trait("Source", "seed 003 (行政指导方案: 登记、回访复查); municipal 电子监察 rules")]
    public async Task FollowUpClock_YellowThenRed_LateFollowUpStaysRedAlertsResolved()
    {
        var id = await RegisterAsync("advice", 5);
        var registered = await GetAsync(id);
        Assert.Matches(@"^D04-ZD-20260918-\d{4}$", id);
        Assert.Equal("2026-09-24", registered.GetProperty("followUp").GetProperty("due").GetString()); // 9/20 was a make-up working day

        await _app.SetClockAsync(9, 23, 9);
        await _app.SweepAsync();
        var yellow = Assert.Single(await _app.AlertsAsync(id));
        Assert.Equal(("guidance-follow-up", "yellow", "D04"), (yellow.GetProperty("deadlineKind").GetString(), yellow.GetProperty("level").GetString(), yellow.GetProperty("department").GetString()));

        await _app.SetClockAsync(9, 25, 9);
        await _app.SweepAsync();
        Assert.Contains(await _app.AlertsAsync(id), a => a.GetProperty("level").GetString() == "red");

        await _app.SetClockAsync(9, 28, 9);
        var followed = await EnforcementApp.Json(await EnforcementApp.PostAsync(_app.OfficerA, $"/api/guidance/{id}/follow-up", new { result = "refused", note = "企业表示暂不采纳" }));
        await _app.SweepAsync();

        Assert.Equal("red", followed.GetProperty("followUp").GetProperty("status").GetString()); // followed up late
        Assert.Equal("refused", followed.GetProperty("followUps").EnumerateArray().Single().GetProperty("result").GetString());
        // The red records the late follow-up and stays for an answer; the yellow was closed when the red superseded it.
        var alerts = await _app.AlertsAsync(id);
        Assert.Equal(JsonValueKind.String, alerts.Single(a => a.GetProperty("level").GetString() == "red").GetProperty("resolvedAt").ValueKind);
        Assert.Equal("superseded", alerts.Single(a => a.GetProperty("level").GetString() == "yellow").GetProperty("closure").GetString());
    }

    [Fact]
    [Trait("Source", "seed 003 (行政指导方案: 自愿，拒绝不产生不利后果)")]
    public async Task FollowUp_AcceptedOrRefused_ResolvesTheClockAlike()
    {
        var accepted = await RegisterAsync("prompt", 10);
        var refused = await RegisterAsync("prompt", 10);
        await _app.SetClockAsync(9, 22);

        var a = await EnforcementApp.Json(await EnforcementApp.PostAsync(_app.OfficerA, $"/api/guidance/{accepted}/follow-up", new { result = "accepted" }));
        var r = await EnforcementApp.Json(await EnforcementApp.PostAsync(_app.OfficerA, $"/api/guidance/{refused}/follow-up", new { result = "refused" }));

        Assert.Equal("met", a.GetProperty("followUp").GetProperty("status").GetString());
        Assert.Equal("met", r.GetProperty("followUp").GetProperty("status").GetString());
        Assert.Equal(a.GetProperty("followUp").GetProperty("resolvedOn").GetString(), r.GetProperty("followUp").GetProperty("resolvedOn").GetString());
    }

    [Fact]
    [Trait("Source", "seed 003 (行政指导方案: 季报表)")]
    public async Task QuarterlyReport_CountsGivenFollowedUpAndAnswers()
    {
        var late = await RegisterAsync("advice", 5);
        var onTime = await RegisterAsync("warning", 5);
        await RegisterAsync("prompt", 60);
        await _app.SetClockAsync(9, 24);
        await EnforcementApp.PostAsync(_app.OfficerA, $"/api/guidance/{onTime}/follow-up", new { result = "accepted" });
        await _app.SetClockAsync(9, 28);
        await EnforcementApp.PostAsync(_app.OfficerA, $"/api/guidance/{late}/follow-up", new { result = "refused" });
        await _app.SetClockAsync(10, 9);

        var report = await EnforcementApp.Json(await _app.Supervisor.GetAsync("/api/guidance/reports/2026-Q3?asOf=2026-09-30"));

        var d04 = report.GetProperty("departments").EnumerateArray().Single();
        Assert.Equal("D04", d04.GetProperty("department").GetString());
        Assert.Equal((3, 1, 1, 1), (d04.GetProperty("given").GetInt32(), d04.GetProperty("byMeasure").GetProperty("advice").GetInt32(), d04.GetProperty("byMeasure").GetProperty("prompt").GetInt32(), d04.GetProperty("byMeasure").GetProperty("warning").GetInt32()));
        Assert.Equal((2, 1, 1, 0), (d04.GetProperty("followUpsDue").GetInt32(), d04.GetProperty("followedUpOnTime").GetInt32(), d04.GetProperty("followedUpLate").GetInt32(), d04.GetProperty("followUpsOverdue").GetInt32()));
        Assert.Equal((1, 1, 1), (d04.GetProperty("accepted").GetInt32(), d04.GetProperty("refused").GetInt32(), d04.GetProperty("notAnswered").GetInt32()));
        Assert.Equal(("2026-07-01", "2026-09-30"), (report.GetProperty("from").GetString(), report.GetProperty("to").GetString()));
        await EnforcementApp.AssertProblemAsync(await _app.Supervisor.GetAsync("/api/guidance/reports/2026-Q5"), HttpStatusCode.BadRequest, "request.invalid_parameter");
    }

    [Theory]
    [InlineData("{\"department\":\"D04\",\"target\":\"某公司\",\"measure\":\"scold\",\"content\":\"x\",\"basis\":\"y\",\"followUpWorkingDays\":5}", "measure")]
    [InlineData("{\"department\":\"D04\",\"target\":\"某公司\",\"measure\":\"advice\",\"content\":\"x\",\"basis\":\"y\",\"followUpWorkingDays\":0}", "followUpWorkingDays")]
    [InlineData("{\"department\":\"D04\",\"target\":\" \",\"measure\":\"advice\",\"content\":\"\",\"basis\":\"y\",\"followUpWorkingDays\":5}", "content")]
    public async Task Register_BadBody_422NamingTheFieldNothingStored(string body, string field)
    {
        var response = await _app.OfficerA.PostAsync("/api/guidance", new StringContent(body, Encoding.UTF8, "application/json"));

        var problem = await EnforcementApp.AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, "guidance.validation_failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
        Assert.Empty((await EnforcementApp.Json(await _app.OfficerA.GetAsync("/api/guidance"))).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task FollowUp_AnotherDepartmentOrBadResult_RefusedNothingRecorded()
    {
        var id = await RegisterAsync("advice", 5);

        await EnforcementApp.AssertProblemAsync(await EnforcementApp.PostAsync(_app.OtherDepartment, $"/api/guidance/{id}/follow-up", new { result = "accepted" }), HttpStatusCode.Forbidden, "auth.forbidden");
        var bad = await EnforcementApp.AssertProblemAsync(await EnforcementApp.PostAsync(_app.OfficerA, $"/api/guidance/{id}/follow-up", new { result = "maybe" }), HttpStatusCode.UnprocessableEntity, "guidance.validation_failed");
        Assert.True(bad.GetProperty("errors").TryGetProperty("result", out _));
        await EnforcementApp.AssertProblemAsync(await EnforcementApp.PostAsync(_app.OfficerA, "/api/guidance/D04-ZD-20260918-9999/follow-up", new { result = "accepted" }), HttpStatusCode.NotFound, "guidance.not_found");

        Assert.Empty((await GetAsync(id)).GetProperty("followUps").EnumerateArray());
    }

    private async Task<string> RegisterAsync(string measure, int days)
    {
        var response = await _app.OfficerA.PostAsJsonAsync("/api/guidance", new
        {
            department = "D04",
            target = "郑州某某机械有限公司",
            measure,
            content = "建议完善从业人员安全生产教育培训档案，做到一人一档",
            basis = "《中华人民共和国安全生产法》第二十八条",
            followUpWorkingDays = days,
        });
        var json = await EnforcementApp.Json(response);
        Assert.True(response.StatusCode == HttpStatusCode.Created, json.ToString());
        return json.GetProperty("id").GetString()!;
    }

    private async Task<JsonElement> GetAsync(string id) => await EnforcementApp.Json(await _app.OfficerA.GetAsync($"/api/guidance/{id}"));
}
