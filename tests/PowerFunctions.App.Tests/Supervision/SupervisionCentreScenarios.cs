using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PowerFunctions.App.Features.Supervision;
using PowerFunctions.App.Tests.Cases;
using PowerFunctions.App.Tests.Support;
using PowerFunctions.Domain.Supervision;
using PowerFunctions.Domain.Supervision.Accountability;
using PowerFunctions.Domain.Supervision.Reports;

namespace PowerFunctions.App.Tests.Supervision;

/// <summary>
/// The supervision centre's routes over real HTTP (API.md "Supervision centre"), on the store the subclass starts: a month
/// of cases through the manual clock with its report checked against hand-computed numbers, the alert lifecycle
/// (acknowledge, close, escalate into a 整改通知书), rectification, accountability and spot checks, bad input.
/// </summary>
public abstract class SupervisionCentreScenarios
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    protected abstract Task<CaseApp> StartAppAsync();

    /// <summary>
    /// November 2026 for D01 (item XK-PLAIN, 10 working days; no holiday in November):
    /// case A received and decided 9 Nov (on time); case B received and accepted 2 Nov, decision due 16 Nov, yellow raised by
    /// the sweep of 13 Nov, red by the sweep of 17 Nov, decided 17 Nov (late); case C received 27 Nov; a 整改通知书 issued
    /// 20 Nov, reported 24 Nov, still not accepted on 30 Nov. By hand: received 3, decided 2, onTime 1, rate 0.5, overdue 1,
    /// alertsRed 1, alertsYellow 1, rectificationsOpen 1; T = 0.5, C = 1, S = 1, A = 1 − (1 + 1/4)/3 = 7/12, R = 1:
    /// score = 25 + 15 + 15 + 20·7/12 − 5 = 61.666… → 61.7. Every other department is 100 and ranks 1, so D01 is last.
    /// </summary>
    [Fact]
    [Trait("Source", ReportScore.Formula)]
    public async Task MonthReport_LateCaseAlertsAndOpenRectification_MatchesHandComputedNumbers()
    {
        await using var app = await StartAppAsync();
        await app.SetClockAsync(11, 2);
        var caseB = await app.NewCaseAsync();
        await app.OkAsync(app.Acceptor, caseB, "accept");
        await ReviewAsync(app, caseB);

        await app.SetClockAsync(11, 9);
        var caseA = await app.NewCaseAsync();
        await app.OkAsync(app.Acceptor, caseA, "accept");
        await ReviewAsync(app, caseA);
        await app.OkAsync(app.Decider, caseA, "decide", new { outcome = "approve", reasons = "符合条件" });

        await app.SetClockAsync(11, 13, 10);
        await app.SweepAsync();
        await app.SetClockAsync(11, 17, 10);
        await app.SweepAsync();
        await app.OkAsync(app.Decider, caseB, "decide", new { outcome = "approve", reasons = "符合条件" });

        var alerts = await GetJsonAsync(app.Supervisor, "/api/supervision/alerts?department=D01&status=all");
        Assert.Equal(
            ["decision/red", "decision/yellow"],
            alerts.EnumerateArray().Select(a => $"{a.GetProperty("kind").GetString()}/{a.GetProperty("level").GetString()}").Order(StringComparer.Ordinal));

        await app.SetClockAsync(11, 20);
        var issued = await PostJsonAsync(app.Supervisor, "/api/supervision/rectifications", new { department = "D01", caseNo = caseB, finding = "决定超期", requirement = "说明原因并整改", workingDays = 5 }, HttpStatusCode.Created);
        var rectificationId = issued.GetProperty("id").GetString()!;
        Assert.Equal("2026-11-27", issued.GetProperty("due").GetString());
        Assert.False(string.IsNullOrEmpty(issued.GetProperty("documentId").GetString()));
        await app.SetClockAsync(11, 24);
        await PostJsonAsync(app.Acceptor, $"/api/supervision/rectifications/{rectificationId}/report", new { measures = "已建立超期预警提醒" }, HttpStatusCode.OK);

        await app.SetClockAsync(11, 27);
        await app.NewCaseAsync();

        await app.SetClockAsync(12, 1);
        var report = await GetJsonAsync(app.Supervisor, "/api/supervision/reports/2026-11");
        Assert.Equal("2026-11", report.GetProperty("period").GetString());
        Assert.Equal("2026-11-01", report.GetProperty("from").GetString());
        Assert.Equal("2026-11-30", report.GetProperty("to").GetString());
        Assert.True(report.GetProperty("final").GetBoolean());
        var departments = report.GetProperty("departments").EnumerateArray().ToList();
        var d01 = departments.Single(d => d.GetProperty("code").GetString() == "D01");
        Assert.Equal(
            new Dictionary<string, decimal>
            {
                ["received"] = 3, ["decided"] = 2, ["onTime"] = 1, ["onTimeRate"] = 0.5m, ["overdue"] = 1, ["alertsRed"] = 1, ["alertsYellow"] = 1,
                ["complaints"] = 0, ["complaintsOnTime"] = 0, ["ratingsGood"] = 0, ["ratingsBad"] = 0, ["rectificationsOpen"] = 1, ["score"] = 61.7m,
                ["rank"] = departments.Count,
            },
            d01.EnumerateObject().Where(p => p.Name is not ("code" or "name")).ToDictionary(p => p.Name, p => p.Value.GetDecimal()));
        Assert.All(departments.Where(d => d.GetProperty("code").GetString() != "D01"), d =>
        {
            Assert.Equal(100m, d.GetProperty("score").GetDecimal());
            Assert.Equal(1, d.GetProperty("rank").GetInt32());
        });

        // The month is closed: accepting the notice in December does not change November's stored numbers.
        await app.SetClockAsync(12, 2);
        await PostJsonAsync(app.Supervisor, $"/api/supervision/rectifications/{rectificationId}/accept", new { }, HttpStatusCode.OK);
        var again = await GetJsonAsync(app.Supervisor, "/api/supervision/reports/2026-11");
        Assert.Equal(report.GetRawText(), again.GetRawText());

        var csv = await app.Supervisor.GetAsync("/api/supervision/reports/2026-11?format=csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(',', ReportCsv.Columns), lines[0]);
        Assert.Contains(lines, l => l.StartsWith("D01,", StringComparison.Ordinal) && l.EndsWith(",3,2,1,0.5000,1,1,1,0,0,0,0,1,61.7," + departments.Count, StringComparison.Ordinal));

        var open = await GetJsonAsync(app.App.Client, "/api/public/reports/2026-11");
        Assert.Equal(61.7m, open.GetProperty("departments").EnumerateArray().Single(d => d.GetProperty("code").GetString() == "D01").GetProperty("score").GetDecimal());
    }

    [Fact]
    public async Task Reports_OpenPeriod_NotFinalAndBadPeriodOrRole_Refused()
    {
        await using var app = await StartAppAsync();
        await app.SetClockAsync(11, 2);
        var week = await GetJsonAsync(app.Supervisor, "/api/supervision/reports/2026-W45");
        Assert.False(week.GetProperty("final").GetBoolean());
        Assert.Equal("2026-11-02", week.GetProperty("from").GetString());

        foreach (var bad in new[] { "2026-13", "2026-W54", "26-Q1", "2026-Q5", "1999" })
        {
            var problem = await ProblemAsync(await app.Supervisor.GetAsync($"/api/supervision/reports/{bad}"), HttpStatusCode.UnprocessableEntity);
            Assert.Equal("report.invalid_period", problem.GetProperty("code").GetString());
        }

        await ProblemAsync(await app.Supervisor.GetAsync("/api/supervision/reports/2026-11?format=xml"), HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.Acceptor.GetAsync("/api/supervision/reports/2026-11")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.App.Client.GetAsync("/api/supervision/reports/2026-11")).StatusCode);
    }

    [Fact]
    [Trait("Source", "seed 003 (预警纠错); municipal 电子监察 rules (public)")]
    public async Task Alert_AcknowledgedByDepartmentThenClosedBySupervisor_KeepsHistory()
    {
        await using var app = await StartAppAsync();
        await app.App.Get<IAlertSink>().RaiseAsync(new AlertRaised("C-1", "D01", "XK-PLAIN", "decision", AlertLevel.Red, new DateOnly(2026, 9, 17), TestApp.DefaultStart), default);
        var id = (await GetJsonAsync(app.Supervisor, "/api/supervision/alerts?level=red")).EnumerateArray().Single().GetProperty("id").GetString()!;

        await ProblemAsync(await app.Supervisor.PostAsJsonAsync($"/api/supervision/alerts/{id}/close", new { note = "先关" }), HttpStatusCode.Conflict);
        await ProblemAsync(await app.OtherAcceptor.PostAsJsonAsync($"/api/supervision/alerts/{id}/acknowledge", new { note = "不是我们的" }), HttpStatusCode.Forbidden);
        var acknowledged = await PostJsonAsync(app.Acceptor, $"/api/supervision/alerts/{id}/acknowledge", new { note = "已督促承办人当日作出决定" }, HttpStatusCode.OK);
        Assert.Equal("acknowledged", acknowledged.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await app.Acceptor.PostAsJsonAsync($"/api/supervision/alerts/{id}/close", new { })).StatusCode);
        var closed = await PostJsonAsync(app.Supervisor, $"/api/supervision/alerts/{id}/close", new { note = "情况属实" }, HttpStatusCode.OK);

        Assert.Equal("closed", closed.GetProperty("status").GetString());
        Assert.Equal(["raised", "acknowledged", "closed"], closed.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("action").GetString()));
        Assert.Empty((await GetJsonAsync(app.Supervisor, "/api/supervision/alerts")).EnumerateArray());
        Assert.Single((await GetJsonAsync(app.Acceptor, "/api/supervision/alerts?status=closed")).EnumerateArray());
        await ProblemAsync(await app.Supervisor.PostAsJsonAsync("/api/supervision/alerts/nope/close", new { }), HttpStatusCode.BadRequest);
    }

    [Fact]
    [Trait("Source", "seed 002, seed 004 (整改通知书)")]
    public async Task Alert_Escalated_IssuesOneSealedNoticeAndClosesTheAlert()
    {
        await using var app = await StartAppAsync();
        await app.App.Get<IAlertSink>().RaiseAsync(new AlertRaised("C-2", "D01", "XK-PLAIN", "decision", AlertLevel.Red, new DateOnly(2026, 9, 17), TestApp.DefaultStart), default);
        var id = (await GetJsonAsync(app.Supervisor, "/api/supervision/alerts")).EnumerateArray().Single().GetProperty("id").GetString()!;

        var first = await PostJsonAsync(app.Supervisor, $"/api/supervision/alerts/{id}/escalate", new { requirement = "五个工作日内说明超期原因", workingDays = 5 }, HttpStatusCode.Created);
        var second = await PostJsonAsync(app.Supervisor, $"/api/supervision/alerts/{id}/escalate", new { requirement = "五个工作日内说明超期原因", workingDays = 5 }, HttpStatusCode.Created);

        var rectification = first.GetProperty("rectification");
        Assert.Equal(rectification.GetProperty("id").GetString(), second.GetProperty("rectification").GetProperty("id").GetString());
        Assert.Equal("closed", first.GetProperty("alert").GetProperty("status").GetString());
        Assert.Equal(id, rectification.GetProperty("alertId").GetString());
        Assert.Single((await GetJsonAsync(app.Supervisor, "/api/supervision/rectifications?department=D01")).EnumerateArray());
        Assert.Single(app.Documents.Requests.Values, d => d.Type == PowerFunctions.App.Features.Documents.DocumentType.RectificationNotice);
    }

    [Fact]
    [Trait("Source", "seed 002, seed 004 (整改通知书)")]
    public async Task Rectification_ReportedThenSentBackThenAccepted_ByTheRightPeople()
    {
        await using var app = await StartAppAsync();
        var issued = await PostJsonAsync(app.Supervisor, "/api/supervision/rectifications", new { department = "D01", finding = "窗口未公示办理时限", requirement = "公示并报告", workingDays = 3 }, HttpStatusCode.Created);
        var id = issued.GetProperty("id").GetString()!;

        await ProblemAsync(await app.OtherAcceptor.PostAsJsonAsync($"/api/supervision/rectifications/{id}/report", new { measures = "x" }), HttpStatusCode.Forbidden);
        await ProblemAsync(await app.Acceptor.PostAsJsonAsync($"/api/supervision/rectifications/{id}/report", new { measures = "" }), HttpStatusCode.UnprocessableEntity);
        await PostJsonAsync(app.Acceptor, $"/api/supervision/rectifications/{id}/report", new { measures = "已在窗口公示" }, HttpStatusCode.OK);
        var sentBack = await PostJsonAsync(app.Supervisor, $"/api/supervision/rectifications/{id}/reject", new { reason = "未附照片" }, HttpStatusCode.OK);
        Assert.Equal("sent-back", sentBack.GetProperty("status").GetString());
        await PostJsonAsync(app.Acceptor, $"/api/supervision/rectifications/{id}/report", new { measures = "补充公示照片" }, HttpStatusCode.OK);
        var accepted = await PostJsonAsync(app.Supervisor, $"/api/supervision/rectifications/{id}/accept", new { }, HttpStatusCode.OK);

        Assert.Equal("accepted", accepted.GetProperty("status").GetString());
        Assert.Empty((await GetJsonAsync(app.Supervisor, "/api/supervision/rectifications?department=D01&status=open")).EnumerateArray());
    }

    [Theory]
    [InlineData("{\"department\":\"D01\",\"finding\":\"f\",\"requirement\":\"r\",\"workingDays\":0}")]
    [InlineData("{\"department\":\"D 1\",\"finding\":\"f\",\"requirement\":\"r\",\"workingDays\":5}")]
    [InlineData("{\"department\":\"D01\",\"requirement\":\"r\",\"workingDays\":5}")]
    [InlineData("{\"department\":\"D01\",\"caseNo\":\"NO-SUCH-CASE\",\"finding\":\"f\",\"requirement\":\"r\",\"workingDays\":5}")]
    public async Task Rectification_BadInput_RefusedAndNothingIssued(string body)
    {
        await using var app = await StartAppAsync();

        var response = await app.Supervisor.PostAsync("/api/supervision/rectifications", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.True(response.StatusCode == HttpStatusCode.UnprocessableEntity, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Empty((await GetJsonAsync(app.Supervisor, "/api/supervision/rectifications?department=D01")).EnumerateArray());
        Assert.Empty(app.Documents.Requests);
    }

    [Fact]
    [Trait("Source", AccountabilityRules.Source)]
    public async Task Accountability_RecordedAndCorrected_ListedPerDepartmentAndYearNeverDeleted()
    {
        await using var app = await StartAppAsync();
        var first = await PostJsonAsync(app.Supervisor, "/api/supervision/accountability", new { department = "D01", subject = new { name = "王某", post = "科员" }, measure = "criticism", reason = "两次逾期未整改", basis = "《行政机关公务员处分条例》" }, HttpStatusCode.Created);
        var id = first.GetProperty("id").GetString()!;
        var correction = await PostJsonAsync(app.Supervisor, "/api/supervision/accountability", new { corrects = id, measure = "admonishment", correctionReason = "情节较轻" }, HttpStatusCode.Created);

        var listed = await GetJsonAsync(app.Supervisor, "/api/supervision/accountability?department=D01&year=2026");
        Assert.Equal([id, correction.GetProperty("id").GetString()], listed.EnumerateArray().Select(r => r.GetProperty("id").GetString()));
        Assert.Equal(correction.GetProperty("id").GetString(), listed[0].GetProperty("correctedBy").GetString());
        Assert.Equal("admonishment", listed[1].GetProperty("measure").GetString());
        Assert.Equal("王某", listed[1].GetProperty("subject").GetProperty("name").GetString());
        Assert.Empty((await GetJsonAsync(app.Supervisor, "/api/supervision/accountability?department=D01&year=2025")).EnumerateArray());
        Assert.Single((await GetJsonAsync(app.Acceptor, "/api/supervision/accountability?year=2026")).EnumerateArray(), r => r.GetProperty("id").GetString() == id);

        await ProblemAsync(await app.Supervisor.PostAsJsonAsync("/api/supervision/accountability", new { corrects = id, measure = "referral", correctionReason = "again" }), HttpStatusCode.Conflict);
        await ProblemAsync(await app.Supervisor.PostAsJsonAsync("/api/supervision/accountability", new { department = "D01", measure = "firing", reason = "x", basis = "y" }), HttpStatusCode.UnprocessableEntity);
        await ProblemAsync(await app.Supervisor.PostAsJsonAsync("/api/supervision/accountability", new { department = "D01", measure = "criticism", reason = "x", rectificationId = "ZG-D01-20260918-999" }), HttpStatusCode.BadRequest);
        await ProblemAsync(await app.Acceptor.PostAsJsonAsync("/api/supervision/accountability", new { department = "D01", measure = "criticism", reason = "x", basis = "y" }), HttpStatusCode.Forbidden);
        Assert.Equal(2, (await GetJsonAsync(app.Supervisor, "/api/supervision/accountability?department=D01&year=2026")).GetArrayLength());
    }

    [Fact]
    [Trait("Source", "seed 003 (风险等级)")]
    public async Task SpotCheck_DrawnWithSeed_SameSeedSameCasesAndFindingsBecomeANotice()
    {
        await using var app = await StartAppAsync();
        var index = app.App.Get<ClosedCaseIndex>();
        for (var i = 1; i <= 12; i++)
        {
            await index.AddAsync($"C-{i:00}", i % 2 == 0 ? "D01" : "D02", "XK-PLAIN", new DateOnly(2026, 10, i), default);
        }

        var first = await PostJsonAsync(app.Supervisor, "/api/supervision/spot-checks", new { period = "2026-10", sampleSize = 4, seed = 20261101 }, HttpStatusCode.Created);
        var second = await PostJsonAsync(app.Supervisor, "/api/supervision/spot-checks", new { period = "2026-10", sampleSize = 4, seed = 20261101 }, HttpStatusCode.Created);

        Assert.Equal(20261101, first.GetProperty("seed").GetInt64());
        Assert.Equal(12, first.GetProperty("populationSize").GetInt32());
        var cases = first.GetProperty("cases").EnumerateArray().Select(c => c.GetProperty("caseNo").GetString()).ToList();
        Assert.Equal(4, cases.Count);
        Assert.Equal(cases, second.GetProperty("cases").EnumerateArray().Select(c => c.GetProperty("caseNo").GetString()));
        Assert.NotEqual(first.GetProperty("id").GetString(), second.GetProperty("id").GetString());

        var id = first.GetProperty("id").GetString()!;
        var drawn = first.GetProperty("cases")[0];
        var recorded = await PostJsonAsync(app.Supervisor, $"/api/supervision/spot-checks/{id}/results", new { caseNo = drawn.GetProperty("caseNo").GetString(), conforming = false, findings = "告知书未载明救济途径", requirement = "补正告知书", workingDays = 5 }, HttpStatusCode.OK);
        var result = recorded.GetProperty("cases").EnumerateArray().Single(c => c.GetProperty("caseNo").GetString() == drawn.GetProperty("caseNo").GetString());
        Assert.Equal("findings", result.GetProperty("outcome").GetString());
        Assert.StartsWith("ZG-" + drawn.GetProperty("department").GetString(), result.GetProperty("rectificationId").GetString(), StringComparison.Ordinal);
        await ProblemAsync(await app.Supervisor.PostAsJsonAsync($"/api/supervision/spot-checks/{id}/results", new { caseNo = "C-99", conforming = true }), HttpStatusCode.NotFound);

        await ProblemAsync(await app.Supervisor.PostAsJsonAsync("/api/supervision/spot-checks", new { period = "2026-10", sampleSize = 0 }), HttpStatusCode.BadRequest);
        await ProblemAsync(await app.Supervisor.PostAsJsonAsync("/api/supervision/spot-checks", new { period = "October", sampleSize = 3 }), HttpStatusCode.UnprocessableEntity);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.Acceptor.PostAsJsonAsync("/api/supervision/spot-checks", new { period = "2026-10", sampleSize = 3 })).StatusCode);
    }

    private static async Task ReviewAsync(CaseApp app, string caseNo)
    {
        await app.OkAsync(app.ReviewerA, caseNo, "review", new { role = "A", opinion = "同意", recommendation = "approve" });
        await app.OkAsync(app.ReviewerB, caseNo, "review", new { role = "B", opinion = "同意", recommendation = "approve" });
    }

    private static async Task<JsonElement> GetJsonAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static async Task<JsonElement> PostJsonAsync(HttpClient client, string url, object body, HttpStatusCode expected)
    {
        var response = await client.PostAsJsonAsync(url, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"POST {url}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode} {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
