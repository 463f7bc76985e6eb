using System.Net;

namespace PowerFunctions.App.Tests.Complaints;

/// <summary>
/// <c>GET /api/complaints?department=&amp;state=&amp;overdue=true</c>: a handler sees its own department's tickets, a
/// supervisor every department or one; newest first, paged with a continuation; contacts masked in every list;
/// and the supervisors' summary per department and per item.
/// </summary>
public sealed class ComplaintListTests : IAsyncLifetime
{
    private ComplaintApp _app = null!;

    public async Task InitializeAsync() => _app = await ComplaintApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    [Trait("Source", "信访工作条例 (2022); seed 002 (监督检查办法 第十三条)")]
    public async Task List_Handler_OwnDepartmentOnlyContactMasked()
    {
        await _app.FileOkAsync(ComplaintApp.Complaint(department: "D01"));
        await _app.FileOkAsync(ComplaintApp.Complaint(department: "D02"));

        var list = await _app.GetJsonAsync(_app.HandlerD01, "/api/complaints");

        var item = Assert.Single(list.GetProperty("items").EnumerateArray());
        Assert.Equal("D01", item.GetProperty("department").GetString());
        Assert.Equal(("张*三", "138****1234"), (item.GetProperty("contact").GetProperty("name").GetString(), item.GetProperty("contact").GetProperty("phone").GetString()));
        Assert.Equal(("explanation", "2026-09-21"), (item.GetProperty("nextDeadline").GetProperty("kind").GetString(), item.GetProperty("nextDeadline").GetProperty("due").GetString()));
        Assert.DoesNotContain("张小三", list.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await _app.HandlerD01.GetAsync("/api/complaints?department=D02")).StatusCode);
        Assert.Single((await _app.GetJsonAsync(_app.HandlerD01, "/api/complaints?department=D01")).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task List_Supervisor_EveryDepartmentOrOneNewestFirst()
    {
        var first = (await _app.FileOkAsync(ComplaintApp.Complaint(department: "D01"))).GetProperty("ticketNo").GetString();
        await _app.SetClockAsync(9, 18, 11);
        var second = (await _app.FileOkAsync(ComplaintApp.Complaint(department: "D02"))).GetProperty("ticketNo").GetString();

        var all = await _app.GetJsonAsync(_app.Supervisor, "/api/complaints");
        var d02 = await _app.GetJsonAsync(_app.Supervisor, "/api/complaints?department=D02");

        Assert.Equal([second, first], all.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("ticketNo").GetString()));
        Assert.Equal([second], d02.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("ticketNo").GetString()));
        Assert.False(all.TryGetProperty("continuation", out _));
    }

    [Fact]
    public async Task List_FiveTicketsPagesOfTwo_EveryTicketOnceThenNoContinuation()
    {
        var filed = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            await _app.SetClockAsync(new DateTimeOffset(2026, 9, 18, 10, i, 0, TimeSpan.FromHours(8)));
            filed.Add((await _app.FileOkAsync()).GetProperty("ticketNo").GetString()!);
        }

        var seen = new List<string>();
        string? continuation = null;
        var pages = 0;
        do
        {
            var page = await _app.GetJsonAsync(_app.HandlerD01, "/api/complaints?pageSize=2" + (continuation is null ? string.Empty : "&continuation=" + continuation));
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("ticketNo").GetString()!));
            continuation = page.TryGetProperty("continuation", out var c) ? c.GetString() : null;
            pages++;
        }
        while (continuation is not null);

        Assert.Equal(Enumerable.Reverse(filed), seen);
        Assert.Equal(3, pages);
    }

    [Fact]
    [Trait("Source", "municipal 电子监察 rules (public)")]
    public async Task List_StateAndOverdueFilters()
    {
        var late = (await _app.FileOkAsync(ComplaintApp.Complaint("consultation"))).GetProperty("ticketNo").GetString()!;
        await _app.SetClockAsync(9, 21);
        var onTime = (await _app.FileOkAsync(ComplaintApp.Complaint("consultation"))).GetProperty("ticketNo").GetString()!;
        await _app.OkAsync(_app.HandlerD01, onTime, "accept");

        await _app.SetClockAsync(9, 23); // the first ticket's answer was due 9/22
        var overdue = await _app.GetJsonAsync(_app.HandlerD01, "/api/complaints?overdue=true");
        var inProgress = await _app.GetJsonAsync(_app.Supervisor, "/api/complaints?state=in-progress");
        var notOverdue = await _app.GetJsonAsync(_app.HandlerD01, "/api/complaints?overdue=false");

        var item = Assert.Single(overdue.GetProperty("items").EnumerateArray());
        Assert.Equal(late, item.GetProperty("ticketNo").GetString());
        Assert.True(item.GetProperty("overdue").GetBoolean());
        Assert.Equal("red", item.GetProperty("nextDeadline").GetProperty("status").GetString());
        Assert.Equal(onTime, Assert.Single(inProgress.GetProperty("items").EnumerateArray()).GetProperty("ticketNo").GetString());
        Assert.Equal(onTime, Assert.Single(notOverdue.GetProperty("items").EnumerateArray()).GetProperty("ticketNo").GetString());
    }

    [Theory]
    [InlineData("state=open")]
    [InlineData("overdue=yes")]
    [InlineData("pageSize=0")]
    [InlineData("pageSize=1000")]
    [InlineData("continuation=not-a-token")]
    [InlineData("department=D%2F01")]
    public async Task List_BadParameter_400Problem(string query)
    {
        var response = await _app.Supervisor.GetAsync("/api/complaints?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("request.invalid_parameter", await ComplaintApp.CodeOf(response));
    }

    [Theory]
    [InlineData("citizen", "", HttpStatusCode.Forbidden)]
    [InlineData("hotline", "", HttpStatusCode.Forbidden)]
    [InlineData("acceptor", "D01", HttpStatusCode.Forbidden)]
    [InlineData("handler", "", HttpStatusCode.Forbidden)]
    [InlineData("handler", "D01", HttpStatusCode.OK)]
    [InlineData("supervisor", "", HttpStatusCode.OK)]
    public async Task List_ByRole_HandlersOfADepartmentAndSupervisors(string role, string department, HttpStatusCode expected)
    {
        var response = await _app.Client(role, department, "x", "某人").GetAsync("/api/complaints");

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Summary_Supervisor_PerDepartmentAndPerItem()
    {
        await _app.FileOkAsync(ComplaintApp.Complaint(department: null, itemCode: "XK-D01-0002"));
        await _app.FileOkAsync(ComplaintApp.Complaint("consultation", department: "D01"));
        await _app.FileOkAsync(ComplaintApp.Complaint("report", department: "D02"));
        await _app.FileOkAsync(ComplaintApp.Complaint("help", department: null));
        await _app.SetClockAsync(9, 24);

        var summary = await _app.GetJsonAsync(_app.Supervisor, "/api/supervision/complaints?from=2026-09-01&to=2026-09-30");

        Assert.Equal(4, summary.GetProperty("totals").GetProperty("received").GetInt32());
        Assert.Equal(1, summary.GetProperty("undispatched").GetInt32());
        var d01 = summary.GetProperty("departments").EnumerateArray().Single(d => d.GetProperty("code").GetString() == "D01");
        Assert.Equal(("市市场监督管理局", 2), (d01.GetProperty("name").GetString(), d01.GetProperty("counts").GetProperty("received").GetInt32()));
        Assert.Equal(2, d01.GetProperty("counts").GetProperty("overdue").GetInt32()); // neither explained by 9/21; the consultation's answer was due 9/22
        Assert.Equal(1, d01.GetProperty("categories").GetProperty("consultation").GetInt32());
        var item = Assert.Single(summary.GetProperty("items").EnumerateArray());
        Assert.Equal(("XK-D01-0002", "食品经营许可", "D01"), (item.GetProperty("itemCode").GetString(), item.GetProperty("itemName").GetString(), item.GetProperty("department").GetString()));
        Assert.DoesNotContain("张", summary.GetRawText(), StringComparison.Ordinal);
        var d02 = await _app.GetJsonAsync(_app.Supervisor, "/api/supervision/complaints?from=2026-09-01&to=2026-09-30&department=D02");
        Assert.Equal(1, d02.GetProperty("totals").GetProperty("received").GetInt32());
        var october = await _app.GetJsonAsync(_app.Supervisor, "/api/supervision/complaints?from=2026-10-01&to=2026-10-31");
        Assert.Equal(0, october.GetProperty("totals").GetProperty("received").GetInt32());
    }

    [Theory]
    [InlineData("from=2026-09-30&to=2026-09-01")]
    [InlineData("from=2025-01-01&to=2026-09-01")]
    [InlineData("from=yesterday")]
    [InlineData("department=%7C")]
    public async Task Summary_BadParameter_400(string query)
    {
        var response = await _app.Supervisor.GetAsync("/api/supervision/complaints?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Summary_NotASupervisor_403()
    {
        Assert.Equal(HttpStatusCode.Forbidden, (await _app.HandlerD01.GetAsync("/api/supervision/complaints")).StatusCode);
    }
}
