using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PowerFunctions.App.Features.Calendar;
using PowerFunctions.App.Tests.Support;
using PowerFunctions.Domain.Calendar;
using static PowerFunctions.App.Tests.Calendar.CalendarHttp;

namespace PowerFunctions.App.Tests.Calendar;

/// <summary>Loading a year over PUT: each test on its own app and store.</summary>
public sealed class CalendarLoadTests
{
    private const string Year2027 = """
        {"holidays":[{"name":"元旦","from":"2027-01-01","to":"2027-01-03"},{"name":"国庆节","from":"2027-10-01","to":"2027-10-07"}],
         "makeupWorkdays":["2027-09-26","2027-10-09"]}
        """;

    [Fact]
    public async Task PutYear_AsAdmin_StoresTheYearClearsProvisionalAndCallsEveryObserver()
    {
        var first = new CountingObserver(3);
        var second = new CountingObserver(4);
        await using var app = await TestApp.StartAsync(overrideServices: s =>
        {
            s.AddSingleton<ICalendarObserver>(first);
            s.AddSingleton<ICalendarObserver>(second);
        });
        using var before = JsonDocument.Parse(await app.Client.GetStringAsync("/api/calendar/add?from=2027-09-30&days=5&unit=working"));
        Assert.True(before.RootElement.GetProperty("provisional").GetBoolean());
        Assert.Equal("2027-10-07", before.RootElement.GetProperty("date").GetString());

        var response = await app.ClientFor("admin").PutAsync("/api/calendar/2027", Json(Year2027));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var put = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(2027, put.RootElement.GetProperty("year").GetInt32());
        Assert.Equal(7, put.RootElement.GetProperty("recomputed").GetInt32());
        Assert.Equal(2, put.RootElement.GetProperty("holidays").GetArrayLength());
        Assert.Equal(2, put.RootElement.GetProperty("makeupWorkdays").GetArrayLength());
        Assert.Equal([2027], first.Years);
        Assert.Equal([2027], second.Years);
        Assert.False(first.Calendar!.AddWorkingDays(new DateOnly(2027, 9, 30), 5).Provisional);

        using var after = JsonDocument.Parse(await app.Client.GetStringAsync("/api/calendar/add?from=2027-09-30&days=5&unit=working"));
        Assert.False(after.RootElement.GetProperty("provisional").GetBoolean());
        Assert.Equal("2027-10-13", after.RootElement.GetProperty("date").GetString()); // 10/8, Sat 10/9, 10/11, 10/12, 10/13
        using var year = JsonDocument.Parse(await app.Client.GetStringAsync("/api/calendar/2027"));
        Assert.True(year.RootElement.GetProperty("loaded").GetBoolean());
        Assert.Equal("stored", year.RootElement.GetProperty("source").GetString());
        Assert.Equal("u1", year.RootElement.GetProperty("savedBy").GetString());
    }

    [Fact]
    public async Task PutYear_ReplacingABuiltInYear_ChangesTheArithmetic()
    {
        await using var app = await TestApp.StartAsync();
        const string shorter = """{"holidays":[{"name":"国庆节","from":"2026-10-01","to":"2026-10-03"}],"makeupWorkdays":[]}""";

        var response = await app.ClientFor("admin").PutAsync("/api/calendar/2026", Json(shorter));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("recomputed").GetInt32());
        using var json = JsonDocument.Parse(await app.Client.GetStringAsync("/api/calendar/add?from=2026-09-30&days=1&unit=working"));
        Assert.Equal("2026-10-05", json.RootElement.GetProperty("date").GetString());
        Assert.Equal("stored", JsonDocument.Parse(await app.Client.GetStringAsync("/api/calendar/2026")).RootElement.GetProperty("source").GetString());
    }

    [Fact]
    public async Task PutYear_BadSchedule_Answers422ListingEveryProblemAndStoresNothing()
    {
        var observer = new CountingObserver(1);
        await using var app = await TestApp.StartAsync(overrideServices: s => s.AddSingleton<ICalendarObserver>(observer));
        const string bad = """
            {"holidays":[
                {"name":"国庆节","from":"2027-10-01","to":"2027-10-07"},
                {"name":"中秋节","from":"2027-10-06","to":"2027-10-08"},
                {"name":"元旦","from":"2028-01-01","to":"2028-01-01"},
                {"name":"春节","from":"2027-02-x","to":"2027-02-10"}],
             "makeupWorkdays":["2027-10-13","2027-10-02","2027-09-26","2027-09-26"]}
            """;

        var response = await app.ClientFor("admin").PutAsync("/api/calendar/2027", Json(bad));

        var errors = await AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, "calendar.invalid_schedule",
            "holidays[1]", "holidays[2].from", "holidays[2].to", "holidays[3].from", "makeupWorkdays[0]", "makeupWorkdays[1]", "makeupWorkdays[3]");
        Assert.DoesNotContain("makeupWorkdays[2]", errors);
        Assert.Empty(observer.Years);
        await AssertNotStoredAsync(app, 2027);
    }

    [Theory]
    [InlineData(2027, """{"year":2028,"holidays":[],"makeupWorkdays":[]}""", 422, "calendar.invalid_schedule")]
    [InlineData(2027, """{"holidays":[{"name":"国庆节","from":"2028-10-01","to":"2028-10-07"}],"makeupWorkdays":[]}""", 422, "calendar.invalid_schedule")]
    [InlineData(2027, """{"makeupWorkdays":[]}""", 422, "calendar.invalid_schedule")]
    [InlineData(2027, """{"holidays":[],"makeupWorkdays":[""", 400, "request.malformed_json")]
    [InlineData(2027, "", 400, "request.body_required")]
    public async Task PutYear_BadBody_IsRefusedAndStoresNothing(int year, string body, int status, string code)
    {
        await using var app = await TestApp.StartAsync();

        var response = await app.ClientFor("admin").PutAsync($"/api/calendar/{year}", Json(body));

        await AssertProblemAsync(response, (HttpStatusCode)status, code);
        await AssertNotStoredAsync(app, year);
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData("citizen", HttpStatusCode.Forbidden)]
    [InlineData("supervisor,catalog-admin", HttpStatusCode.Forbidden)]
    public async Task PutYear_NotAdmin_IsRefusedAndStoresNothing(string? roles, HttpStatusCode expected)
    {
        await using var app = await TestApp.StartAsync();
        var client = roles is null ? app.Client : app.ClientFor(roles);

        var response = await client.PutAsync("/api/calendar/2027", Json(Year2027));

        Assert.Equal(expected, response.StatusCode);
        await AssertNotStoredAsync(app, 2027);
    }

    [Fact]
    public async Task PutYear_OnAnotherInstance_IsSeenWithinSeconds()
    {
        var dataPath = Path.Combine(Path.GetTempPath(), "pf-test-" + Guid.NewGuid().ToString("N"));
        await using var first = await TestApp.StartAsync(dataPath: dataPath);
        await using var second = await TestApp.StartAsync(dataPath: dataPath);
        Assert.False(await LoadedAsync(second, 2027)); // cached now

        var response = await first.ClientFor("admin").PutAsync("/api/calendar/2027", Json(Year2027));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var deadline = DateTime.UtcNow + StoredCalendarProvider.RecheckAfter + TimeSpan.FromSeconds(3);
        while (!await LoadedAsync(second, 2027))
        {
            Assert.True(DateTime.UtcNow < deadline, "the other instance did not see the new year in time");
            await Task.Delay(200);
        }
    }

    private sealed class CountingObserver(int answer) : ICalendarObserver
    {
        public List<int> Years { get; } = [];

        public IWorkingCalendar? Calendar { get; private set; }

        public Task<int> OnCalendarChangedAsync(int year, IWorkingCalendar calendar, CancellationToken cancellationToken)
        {
            Years.Add(year);
            Calendar = calendar;
            return Task.FromResult(answer);
        }
    }
}
