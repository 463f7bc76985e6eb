using System.Net;
using System.Text;
using System.Text.Json;
using PowerFunctions.App.Config;
using PowerFunctions.App.Hosting;

namespace PowerFunctions.App.Tests.Complaints;

/// <summary>
/// A ticket's clocks as durable timers: yellow and red supervision alerts <c>complaint-{kind}</c> raised once each
/// (the alert store keeps one per level), resolved when met; a new holiday schedule re-dates the open tickets
/// (<c>deadline-moved</c>); the answer limits per category from <c>Complaints:*</c>, checked at start.
/// </summary>
public sealed class ComplaintClockTests : IAsyncLifetime
{
    private ComplaintApp _app = null!;

    public async Task InitializeAsync() => _app = await ComplaintApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    [Trait("Source", "municipal 电子监察 rules (public); local 12345 rules (派单)")]
    public async Task Dispatch_NotAssignedInTime_YellowThenRedOnceEachResolvedWhenAssigned()
    {
        var ticketNo = (await _app.FileOkAsync(ComplaintApp.Complaint("consultation", department: null))).GetProperty("ticketNo").GetString()!;

        await _app.SweepAsync(); // due Sun 9/20 (a make-up working day): yellow from Fri 9/18
        var yellow = Assert.Single(await AlertsAsync("level=yellow"));
        Assert.Equal((ticketNo, "complaint-dispatch", "hotline", "2026-09-20"), (yellow.GetProperty("caseNo").GetString(), yellow.GetProperty("deadlineKind").GetString(), yellow.GetProperty("department").GetString(), yellow.GetProperty("due").GetString()));

        await _app.SetClockAsync(9, 21);
        await _app.SweepAsync();
        await _app.SweepAsync();
        var red = Assert.Single(await AlertsAsync("level=red"));
        Assert.Equal((ticketNo, "complaint-dispatch"), (red.GetProperty("caseNo").GetString(), red.GetProperty("deadlineKind").GetString()));
        Assert.Empty(await AlertsAsync("level=yellow")); // superseded by red

        await _app.OkAsync(_app.Hotline, ticketNo, "assign", new { department = "D01" });
        await _app.SweepAsync();

        // A red alert is a recorded violation (seed 003 预警纠错): met late, it records when and stays open for an answer.
        Assert.Single(await AlertsAsync(string.Empty), a => a.GetProperty("deadlineKind").GetString() == "complaint-dispatch" && a.TryGetProperty("resolvedAt", out _));
        var resolved = Assert.Single(await AlertsAsync("status=resolved&level=red"));
        Assert.Equal("complaint-dispatch", resolved.GetProperty("deadlineKind").GetString());
    }

    [Fact]
    [Trait("Source", "municipal 电子监察 rules (public); local 12345 rules (咨询、求助 3 个工作日)")]
    public async Task Answer_Missed_RedAlertForTheDepartmentRaisedOnce_NextRoundItsOwn()
    {
        var ticketNo = (await _app.FileOkAsync(ComplaintApp.Complaint("consultation"))).GetProperty("ticketNo").GetString()!;

        await _app.SetClockAsync(9, 23);
        await _app.SweepAsync();
        await _app.SweepAsync();

        var red = (await AlertsAsync("level=red")).Where(a => a.GetProperty("caseNo").GetString() == ticketNo).ToList();
        Assert.Equal(["complaint-answer", "complaint-explanation"], red.Select(a => a.GetProperty("deadlineKind").GetString()).Order());
        Assert.All(red, a => Assert.Equal("D01", a.GetProperty("department").GetString()));

        await _app.OkAsync(_app.HandlerD01, ticketNo, "answer", new { answer = "请按指南准备材料。" });
        await _app.OkAsync(_app.Hotline, ticketNo, "follow-up", new { satisfied = false, note = "未解决" });
        await _app.OkAsync(_app.Supervisor, ticketNo, "reopen", new { reason = "回访不满意" });
        await _app.SetClockAsync(10, 9);
        await _app.SweepAsync();

        Assert.Contains(await AlertsAsync("level=red"), a => a.GetProperty("deadlineKind").GetString() == "complaint-answer-2");
    }

    [Fact]
    [Trait("Source", "GLOSSARY: a year's schedule loaded recomputes the open deadlines; 民法典 第二百零一条")]
    public async Task Calendar_NewSchedule_OpenTicketsReDatedWithDeadlineMoved()
    {
        var ticketNo = (await _app.FileOkAsync(ComplaintApp.Complaint("consultation"))).GetProperty("ticketNo").GetString()!;
        Assert.Equal("2026-09-22", ComplaintApp.Deadline(await _app.TicketAsync(ticketNo), "answer").GetProperty("due").GetString());

        // The same year without the 9/20 make-up working day.
        const string schedule = """{"holidays":[{"name":"中秋节","from":"2026-09-25","to":"2026-09-27"},{"name":"国庆节","from":"2026-10-01","to":"2026-10-07"}],"makeupWorkdays":["2026-10-10"]}""";
        var put = await _app.Admin.PutAsync("/api/calendar/2026", new StringContent(schedule, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.True((await ComplaintApp.Json(put)).GetProperty("recomputed").GetInt32() >= 1);
        var ticket = await _app.TicketAsync(ticketNo);
        Assert.Equal("2026-09-23", ComplaintApp.Deadline(ticket, "answer").GetProperty("due").GetString());
        var moved = ticket.GetProperty("events").EnumerateArray().Last();
        Assert.Equal(("deadline-moved", "system"), (moved.GetProperty("type").GetString(), moved.GetProperty("actor").GetString()));
        var listed = Assert.Single((await _app.GetJsonAsync(_app.HandlerD01, "/api/complaints")).GetProperty("items").EnumerateArray());
        Assert.Equal("2026-09-21", listed.GetProperty("nextDeadline").GetProperty("due").GetString()); // the explanation (3 calendar days) did not move
    }

    [Theory]
    [Trait("Source", "local 12345 rules; 信访工作条例 (2022): local limits may be stricter, never looser")]
    [InlineData("Complaints:Limits:complaint:Days", "90", "Complaints:Limits:complaint")]
    [InlineData("Complaints:Limits:report:ExtensionDays", "31", "Complaints:Limits:report")]
    [InlineData("Complaints:Limits:consultation:Days", "0", "Complaints:Limits:consultation")]
    [InlineData("Complaints:Limits:consultation:Days", "three", "Complaints:Limits:consultation:Days")]
    [InlineData("Complaints:Limits:praise:Days", "3", "Complaints:Limits:praise")]
    [InlineData("Complaints:Limits:help:Hours", "3", "Complaints:Limits:help:Hours")]
    [InlineData("Complaints:DispatchWorkingDays", "9", "Complaints:DispatchWorkingDays")]
    [InlineData("Open311:ApiKeys", "short", "Open311:ApiKeys")]
    [InlineData("Open311:ApiKeys", "@Microsoft.KeyVault(VaultName=pf;SecretName=open311-api-keys)", "Open311:ApiKeys")]
    [InlineData("ServiceBus:Namespace", "not a namespace", "ServiceBus:Namespace")]
    public void Build_BadComplaintSetting_RefusedNamingIt(string name, string value, string named)
    {
        var e = Assert.Throws<ConfigurationException>(() => PowerFunctionsHost.Build(
            ["--environment=Development", "--urls=http://127.0.0.1:0", "--Storage:DataPath=" + Path.Combine(Path.GetTempPath(), "pf-cfg-" + Guid.NewGuid().ToString("N")), $"--{name}={value}"]));

        Assert.Contains(named, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Source", "local 12345 rules (answer limits per category, configurable)")]
    public async Task Limits_FromConfiguration_FrozenIntoTicketsReceivedUnderThem()
    {
        await using var strict = await ComplaintApp.StartAsync(new Dictionary<string, string?>
        {
            ["Complaints:Limits:consultation:Days"] = "2",
            ["Complaints:Limits:complaint:Days"] = "30",
        });

        var consultation = await strict.FileOkAsync(ComplaintApp.Complaint("consultation"));
        var complaint = (await strict.FileOkAsync(ComplaintApp.Complaint())).GetProperty("ticketNo").GetString()!;
        var accepted = await strict.OkAsync(strict.HandlerD01, complaint, "accept");

        Assert.Equal("2026-09-21", ComplaintApp.Deadline(consultation, "answer").GetProperty("due").GetString()); // 9/20, 9/21
        Assert.Equal("2026-10-19", ComplaintApp.Deadline(accepted, "answer").GetProperty("due").GetString()); // 30 days from 9/18: Sat 10/18 rolled to Mon
    }

    private async Task<IReadOnlyList<JsonElement>> AlertsAsync(string query)
    {
        var alerts = await _app.GetJsonAsync(_app.Supervisor, "/api/supervision/alerts?" + query);
        return [.. alerts.EnumerateArray().Where(a => a.GetProperty("deadlineKind").GetString()!.StartsWith("complaint-", StringComparison.Ordinal))];
    }
}
