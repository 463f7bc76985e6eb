using System.Net;
using PowerFunctions.App.Features.Calendar;
using PowerFunctions.App.Features.Cases;
using PowerFunctions.Domain.Calendar;
using PowerFunctions.Storage;

namespace PowerFunctions.App.Tests.Cases;

/// <summary>Who may act, stale versions, bad input, the audit chain over storage, and calendar changes.</summary>
public sealed class CaseCommandTests
{
    [Theory]
    [InlineData("other-department", "accept")]
    [InlineData("wrong-role", "accept")]
    [InlineData("citizen", "accept")]
    [InlineData("other-citizen", "supplement")]
    public async Task Command_WrongRoleDepartmentOrApplicant_Answers403AndChangesNothing(string who, string action)
    {
        await using var app = await CaseApp.StartAsync();
        var caseNo = await app.NewCaseAsync();
        var client = who switch
        {
            "other-department" => app.OtherAcceptor,
            "wrong-role" => app.ReviewerA,
            "citizen" => app.Citizen,
            _ => app.OtherCitizen,
        };

        var response = await app.ActAsync(client, caseNo, action, new { materials = new[] { new { code = "M1", name = "x" } } });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(1, (await app.CaseAsync(caseNo)).GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task Get_OtherDepartmentForbidden_SupervisorAllowed_ShapeAsContracted()
    {
        await using var app = await CaseApp.StartAsync();
        var caseNo = await app.NewCaseAsync();

        Assert.Equal(HttpStatusCode.Forbidden, (await app.OtherAcceptor.GetAsync($"/api/cases/{caseNo}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.App.Client.GetAsync($"/api/cases/{caseNo}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Acceptor.GetAsync("/api/cases/D01-20260918-999999")).StatusCode);
        var view = await app.CaseAsync(caseNo, app.Supervisor);

        foreach (var field in new[] { "caseNo", "itemCode", "state", "version", "events", "deadlines", "documents" })
        {
            Assert.True(view.TryGetProperty(field, out _), field);
        }

        var e = view.GetProperty("events")[0];
        foreach (var field in new[] { "seq", "type", "at", "actor", "role", "hash" })
        {
            Assert.True(e.TryGetProperty(field, out _), field);
        }

        var d = view.GetProperty("deadlines")[0];
        foreach (var field in new[] { "kind", "due", "status", "provisional" })
        {
            Assert.True(d.TryGetProperty(field, out _), field);
        }
    }

    [Fact]
    public async Task Command_StaleIfMatch_Answers412AndChangesNothing()
    {
        await using var app = await CaseApp.StartAsync();
        var caseNo = await app.NewCaseAsync();

        var stale = await app.ActAsync(app.Acceptor, caseNo, "accept", null, "\"0\"");
        var current = await app.ActAsync(app.Acceptor, caseNo, "accept", null, "\"1\"");

        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal(HttpStatusCode.OK, current.StatusCode);
        Assert.Equal("\"2\"", current.Headers.ETag?.ToString());
    }

    [Fact]
    public async Task Command_BadInput_ClearProblemAndNothingStored()
    {
        await using var app = await CaseApp.StartAsync();
        var caseNo = await app.NewCaseAsync();

        var noReason = await app.ActAsync(app.Acceptor, caseNo, "refuse", new { reason = " " });
        using var malformed = new HttpRequestMessage(HttpMethod.Post, $"/api/cases/{caseNo}/refuse") { Content = new StringContent("{\"reason\":", System.Text.Encoding.UTF8, "application/json") };
        var broken = await app.Acceptor.SendAsync(malformed);
        var wrongState = await app.ActAsync(app.Deliverer, caseNo, "deliver", new { method = "post", recipient = "张小三" });
        var unknown = await app.ActAsync(app.Acceptor, caseNo, "approve-everything");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, noReason.StatusCode);
        Assert.Equal("case.validation_failed", (await CaseApp.Json(noReason)).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, wrongState.StatusCode);
        var problem = await CaseApp.Json(wrongState);
        Assert.Equal("case.invalid_transition", problem.GetProperty("code").GetString());
        Assert.Equal(["correction-notice", "accept", "refuse", "withdraw"], problem.GetProperty("allowed").EnumerateArray().Select(a => a.GetString()!).ToArray());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(1, (await app.CaseAsync(caseNo)).GetProperty("version").GetInt64());
        Assert.Empty(app.Documents.Requests);
    }

    [Fact]
    public async Task Command_RetriedAfterDocumentIssued_ReusesTheDocument()
    {
        await using var app = await CaseApp.StartAsync();
        var caseNo = await app.NewCaseAsync();

        await app.OkAsync(app.Acceptor, caseNo, "accept");
        var again = await app.ActAsync(app.Acceptor, caseNo, "accept");

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Single(app.Documents.Requests);
        Assert.Equal($"{caseNo}-acceptance-notice", app.Documents.Requests.Keys.Single());
    }

    [Fact]
    public async Task CaseSummaries_ForEvaluations_ConcludedOnceDecided()
    {
        await using var app = await CaseApp.StartAsync();
        var caseNo = await app.NewCaseAsync();
        var summaries = app.App.Get<PowerFunctions.App.Features.Evaluations.ICaseSummaries>();
        Assert.False((await summaries.FindAsync(caseNo, CancellationToken.None))!.Concluded);

        await app.OkAsync(app.Acceptor, caseNo, "refuse", new { reason = "不属于本机关职权范围" });

        var summary = (await summaries.FindAsync(caseNo, CancellationToken.None))!;
        Assert.True(summary.Concluded);
        Assert.Equal("citizen-1", summary.ApplicantSubject);
        Assert.Null(await summaries.FindAsync("D01-20260918-999999", CancellationToken.None));
    }

    [Fact]
    public async Task AuditVerify_TamperedEventRow_NamesTheFirstBrokenLink()
    {
        await using var app = await CaseApp.StartAsync();
        var caseNo = await app.NewCaseAsync();
        await app.OkAsync(app.Acceptor, caseNo, "accept");
        await app.OkAsync(app.ReviewerA, caseNo, "review", new { role = "A", opinion = "同意", recommendation = "approve" });
        var table = app.App.Get<IStorageAccount>().GetTableClient(CaseTables.Cases);
        var row = (await table.GetEntityAsync(caseNo, CaseStore.EventRow(2)))!;
        row["ActorName"] = "另一个人";
        await table.UpdateEntityAsync(row, row.ETag);

        var verify = await CaseApp.Json(await app.Supervisor.GetAsync($"/api/cases/{caseNo}/audit/verify"));

        Assert.False(verify.GetProperty("valid").GetBoolean());
        Assert.Equal(2, verify.GetProperty("brokenAt").GetInt64());
    }

    [Fact]
    public async Task CalendarChange_NewHolidayInsideAnOpenDeadline_MovesItAndRecordsWhy()
    {
        await using var app = await CaseApp.StartAsync();
        var caseNo = await app.NewCaseAsync();
        await app.OkAsync(app.Acceptor, caseNo, "accept"); // decision due 10/9
        var observer = app.App.Get<IEnumerable<ICalendarObserver>>().OfType<CaseCalendarObserver>().Single();
        var calendar = WithExtraHoliday((WorkingCalendar)await app.App.Get<ICalendarProvider>().GetCurrentAsync(CancellationToken.None), new DateOnly(2026, 9, 22));

        var moved = await observer.OnCalendarChangedAsync(2026, calendar, CancellationToken.None);

        Assert.Equal(1, moved);
        var view = await app.CaseAsync(caseNo);
        Assert.Equal("deadline-moved", view.GetProperty("events").EnumerateArray().Last().GetProperty("type").GetString());
        Assert.Equal(0, await observer.OnCalendarChangedAsync(2026, calendar, CancellationToken.None));
    }

    /// <summary>The calendar in force with one more (one-day) holiday: the real calendar, its year's schedule extended.</summary>
    private static WorkingCalendar WithExtraHoliday(WorkingCalendar inner, DateOnly holiday)
    {
        var year = inner.ScheduleFor(holiday.Year) ?? throw new InvalidOperationException($"no schedule for {holiday.Year}");
        return inner.WithYear(YearSchedule.Create(holiday.Year, [.. year.Holidays, new Holiday("临时假日", holiday, holiday)], year.MakeupWorkdays).Value);
    }
}
