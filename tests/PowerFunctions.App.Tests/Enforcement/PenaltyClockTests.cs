using System.Net;
using System.Net.Http.Json;

namespace PowerFunctions.App.Tests.Enforcement;

/// <summary>
/// The penalty clocks as durable timers, driven by the manual clock and <c>POST /api/admin/timers/sweep</c>:
/// yellow and red alerts of kind <c>enforcement-{deadline}</c>, the publication job, the late-payment
/// surcharge, and re-dating when a year's schedule is loaded. Each test has its own app: the manual clock
/// only moves forward within one (the timer index's bookmark follows the sweeps).
/// </summary>
public sealed class PenaltyClockTests : IAsyncLifetime
{
    private EnforcementApp App { get; set; } = null!;

    public async Task InitializeAsync() => App = await EnforcementApp.StartAsync();

    public async Task DisposeAsync() => await App.DisposeAsync();

    [Fact]
    [Trait("Source", "行政处罚法 第六十条, 第八十五条; municipal 电子监察 rules")]
    public async Task DecisionClock_NinetyCalendarDays_YellowTheWorkingDayBeforeRedAfter()
    {
        await App.SetClockAsync(9, 18);
        var caseNo = await App.OpenAsync();

        await App.SetClockAsync(12, 15, 23);
        await App.SweepAsync();
        Assert.Empty(await App.AlertsAsync(caseNo));

        await App.SetClockAsync(12, 16, 8); // due 12/17: yellow from the start of 12/16
        await App.SweepAsync();
        var yellow = Assert.Single(await App.AlertsAsync(caseNo));
        Assert.Equal(("enforcement-penalty-decision", "yellow", "2026-12-17"), (yellow.GetProperty("deadlineKind").GetString(), yellow.GetProperty("level").GetString(), yellow.GetProperty("due").GetString()));

        await App.SetClockAsync(12, 18, 8);
        await App.SweepAsync();
        Assert.Contains(await App.AlertsAsync(caseNo), a => a.GetProperty("level").GetString() == "red" && a.GetProperty("deadlineKind").GetString() == "enforcement-penalty-decision");
        Assert.Equal("red", EnforcementApp.Deadline(await App.CaseAsync(caseNo), "penalty-decision").GetProperty("status").GetString());
    }

    [Fact]
    [Trait("Source", "行政处罚法 第六十一条, 第八十五条; municipal 电子监察 rules")]
    public async Task Delivery_SevenWorkingDays_RedWhenLateAndStaysRedOnceDone()
    {
        await App.SetClockAsync(9, 18);
        var caseNo = await DecidedAsync();

        await App.SetClockAsync(10, 9, 8); // decided 9/18: due 9/29 (the make-up Sunday 9/20 counts, 中秋 9/25–27 does not); now past it
        await App.SweepAsync();
        Assert.Contains(await App.AlertsAsync(caseNo), a => a.GetProperty("deadlineKind").GetString() == "enforcement-penalty-delivery" && a.GetProperty("level").GetString() == "red");

        var delivered = await App.OkAsync(App.OfficerA, caseNo, "deliver", new { method = "post", recipient = "郑州某某机械有限公司" });
        await App.SweepAsync();

        var deadline = EnforcementApp.Deadline(delivered, "penalty-delivery");
        Assert.Equal(("2026-09-29", "red", "2026-10-09"), (deadline.GetProperty("due").GetString(), deadline.GetProperty("status").GetString(), deadline.GetProperty("resolvedOn").GetString()));
        Assert.All((await App.AlertsAsync(caseNo)).Where(a => a.GetProperty("deadlineKind").GetString() == "enforcement-penalty-delivery"), a => Assert.True(a.TryGetProperty("resolvedAt", out var at) && at.ValueKind == System.Text.Json.JsonValueKind.String));
    }

    [Fact]
    [Trait("Source", "国办发〔2018〕118号 (执法决定 7个工作日内公开)")]
    public async Task Publication_NotDeliveredYet_TheJobPublishesOnTheDueDay()
    {
        await App.SetClockAsync(9, 18);
        var caseNo = await DecidedAsync();
        Assert.Equal("2026-09-29", EnforcementApp.Deadline(await App.CaseAsync(caseNo), "penalty-publication").GetProperty("due").GetString());

        await App.SetClockAsync(9, 25, 9); // a holiday: nothing yet
        await App.SweepAsync();
        Assert.False((await App.CaseAsync(caseNo)).TryGetProperty("publishedOn", out _));

        await App.SetClockAsync(9, 29, 0);
        await App.SweepAsync();
        var published = await App.CaseAsync(caseNo);

        Assert.Equal("2026-09-29", published.GetProperty("publishedOn").GetString());
        Assert.Equal("met", EnforcementApp.Deadline(published, "penalty-publication").GetProperty("status").GetString());
        Assert.Equal("system", published.GetProperty("events").EnumerateArray().Last().GetProperty("role").GetString());
        var page = await EnforcementApp.Json(await App.Public.GetAsync("/api/enforcement/decisions?department=D04"));
        var item = page.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("caseNo").GetString() == caseNo);
        Assert.Equal("郑州某某机械有限公司", item.GetProperty("party").GetString()); // an organisation is named
        Assert.Equal("91410100MA44B1234X", item.GetProperty("creditCode").GetString());
        await App.RefusedAsync(App.OfficerA, caseNo, "publish", null, HttpStatusCode.Conflict, "enforcement.already_published");
    }

    [Fact]
    [Trait("Source", "行政处罚法 第六十七条第三款, 第七十二条第一款(一), 第八十五条")]
    public async Task Payment_FifteenDays_LateAddsThreePercentADay()
    {
        await App.SetClockAsync(9, 18);
        var caseNo = await DecidedAsync();
        await App.SetClockAsync(9, 21);
        var delivered = await App.OkAsync(App.OfficerA, caseNo, "deliver", new { method = "in-person", recipient = "郑州某某机械有限公司" });
        Assert.Equal("2026-10-08", EnforcementApp.Deadline(delivered, "penalty-payment").GetProperty("due").GetString()); // 10/6 falls in 国庆: rolled

        await App.SetClockAsync(10, 9);
        var wrong = await App.RefusedAsync(App.OfficerA, caseNo, "record-payment", new { amount = 20000, paidOn = "2026-10-09", receiptNo = "FS-1" }, HttpStatusCode.UnprocessableEntity, "enforcement.payment_mismatch");
        Assert.Contains("20600", wrong.GetProperty("detail").GetString());

        var paid = await App.OkAsync(App.OfficerA, caseNo, "record-payment", new { amount = 20600, paidOn = "2026-10-09", receiptNo = "FS-1" });
        Assert.Equal(600m, paid.GetProperty("payment").GetProperty("surcharge").GetDecimal());
        Assert.Equal("closed", paid.GetProperty("state").GetString());
    }

    [Fact]
    [Trait("Source", "行政处罚法 第六十条, 第八十五条; 民法典 第二百零三条")]
    public async Task CalendarLoaded_DecisionDueMoved_RecordedAndRescheduled()
    {
        var app = App;
        await app.SetClockAsync(11, 20);
        var caseNo = await app.OpenAsync();
        var before = EnforcementApp.Deadline(await app.CaseAsync(caseNo), "penalty-decision");
        Assert.Equal(("2027-02-18", true), (before.GetProperty("due").GetString(), before.GetProperty("provisional").GetBoolean()));

        var put = await app.Admin.PutAsJsonAsync("/api/calendar/2027", new { holidays = new[] { new { name = "春节", from = "2027-02-06", to = "2027-02-18" } }, makeupWorkdays = Array.Empty<string>() });
        Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync());
        Assert.True((await EnforcementApp.Json(put)).GetProperty("recomputed").GetInt32() >= 1);

        var after = await app.CaseAsync(caseNo);
        Assert.Equal(("2027-02-19", false), (EnforcementApp.Deadline(after, "penalty-decision").GetProperty("due").GetString(), EnforcementApp.Deadline(after, "penalty-decision").GetProperty("provisional").GetBoolean()));
        Assert.Equal("deadline-moved", after.GetProperty("events").EnumerateArray().Last().GetProperty("type").GetString());

        await app.SetClockAsync(2, 18, 8, year: 2027); // yellow now from the start of 2/18, the working day before the new due
        await app.SweepAsync();
        var alert = Assert.Single(await app.AlertsAsync(caseNo));
        Assert.Equal("2027-02-19", alert.GetProperty("due").GetString());
    }

    /// <summary>A company's penalty of 20,000 (ordinary) decided on the clock's day after a meeting.</summary>
    private async Task<string> DecidedAsync()
    {
        var caseNo = await App.ReadyToDecideAsync(20000);
        await App.OkAsync(App.Decider, caseNo, "collective-decision", EnforcementApp.Meeting());
        await App.OkAsync(App.Decider, caseNo, "decide", new { penalty = EnforcementApp.Fine(20000), circumstance = "ordinary", reasons = "违法事实清楚" });
        return caseNo;
    }
}
