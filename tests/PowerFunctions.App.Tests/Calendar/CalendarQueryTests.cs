using System.Net;
using System.Text.Json;
using PowerFunctions.App.Tests.Support;
using static PowerFunctions.App.Tests.Calendar.CalendarHttp;

namespace PowerFunctions.App.Tests.Calendar;

/// <summary>Read-only calls: one app for the class (nothing here writes).</summary>
public sealed class CalendarQueryTests(CalendarAppFixture fixture) : IClassFixture<CalendarAppFixture>
{
    [Fact]
    [Trait("Source", "行政许可法 第八十二条")]
    public async Task Add_WorkingDaysAcrossNationalDay2026_AnswersTheDateAndEverySkippedDay()
    {
        var response = await fixture.App.Client.GetAsync("/api/calendar/add?from=2026-09-30&days=5&unit=working");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        Assert.Equal("2026-09-30", root.GetProperty("from").GetString());
        Assert.Equal(5, root.GetProperty("days").GetInt32());
        Assert.Equal("working", root.GetProperty("unit").GetString());
        Assert.Equal("2026-10-13", root.GetProperty("date").GetString());
        Assert.False(root.GetProperty("provisional").GetBoolean());
        var skipped = root.GetProperty("skipped").EnumerateArray().Select(s => (s.GetProperty("date").GetString(), s.GetProperty("reason").GetString())).ToList();
        Assert.Equal(8, skipped.Count);
        Assert.Equal(("2026-10-01", "国庆节"), skipped[0]);
        Assert.Equal(("2026-10-11", "周末"), skipped[^1]);
    }

    [Theory]
    [Trait("Source", "民法典 第二百零三条")]
    [InlineData("/api/calendar/add?from=2026-09-24&days=7&unit=calendar", "2026-10-08", false, 7)]
    [InlineData("/api/calendar/add?from=2026-09-18&days=10&unit=calendar", "2026-09-28", false, 0)]
    [InlineData("/api/calendar/add?from=2026-12-25&days=7&unit=calendar", "2027-01-01", true, 0)]
    [InlineData("/api/calendar/add?from=2026-12-30&days=3&unit=working", "2027-01-04", true, 2)]
    [InlineData("/api/calendar/add?from=2026-09-18&days=0&unit=working", "2026-09-18", false, 0)]
    public async Task Add_CalendarAndProvisionalCases_AnswerTheEngineResult(string url, string date, bool provisional, int skipped)
    {
        using var json = JsonDocument.Parse(await fixture.App.Client.GetStringAsync(url));

        Assert.Equal(date, json.RootElement.GetProperty("date").GetString());
        Assert.Equal(provisional, json.RootElement.GetProperty("provisional").GetBoolean());
        Assert.Equal(skipped, json.RootElement.GetProperty("skipped").GetArrayLength());
    }

    [Theory]
    [InlineData("", "from")]
    [InlineData("?days=5&unit=working", "from")]
    [InlineData("?from=2026-13-01&days=5&unit=working", "from")]
    [InlineData("?from=2026/09/18&days=5&unit=working", "from")]
    [InlineData("?from=2026-09-18&days=-1&unit=working", "days")]
    [InlineData("?from=2026-09-18&days=3651&unit=working", "days")]
    [InlineData("?from=2026-09-18&days=abc&unit=working", "days")]
    [InlineData("?from=2026-09-18&unit=working", "days")]
    [InlineData("?from=2026-09-18&days=5&unit=hours", "unit")]
    [InlineData("?from=2026-09-18&days=5", "unit")]
    [InlineData("?from=9999-12-30&days=5&unit=working", "from")]
    public async Task Add_BadOrMissingParameter_Answers400Problem(string query, string field)
    {
        var response = await fixture.App.Client.GetAsync("/api/calendar/add" + query);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "calendar.invalid_parameter", field);
    }

    [Fact]
    public async Task GetYear_BuiltInYear_ListsHolidaysAndMakeupDays()
    {
        using var json = JsonDocument.Parse(await fixture.App.Client.GetStringAsync("/api/calendar/2026"));

        var root = json.RootElement;
        Assert.Equal(2026, root.GetProperty("year").GetInt32());
        Assert.True(root.GetProperty("loaded").GetBoolean());
        Assert.True(root.GetProperty("builtIn").GetBoolean());
        Assert.False(root.GetProperty("provisional").GetBoolean());
        Assert.Equal("built-in", root.GetProperty("source").GetString());
        var holidays = root.GetProperty("holidays").EnumerateArray().ToList();
        Assert.Equal(7, holidays.Count);
        Assert.Equal("国庆节", holidays[^1].GetProperty("name").GetString());
        Assert.Equal("2026-10-01", holidays[^1].GetProperty("from").GetString());
        Assert.Equal("2026-10-07", holidays[^1].GetProperty("to").GetString());
        Assert.Equal(
            ["2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"],
            root.GetProperty("makeupWorkdays").EnumerateArray().Select(d => d.GetString()));
    }

    [Fact]
    public async Task GetYear_YearNotLoaded_SaysSoAndIsProvisional()
    {
        using var json = JsonDocument.Parse(await fixture.App.Client.GetStringAsync("/api/calendar/2027"));

        Assert.False(json.RootElement.GetProperty("loaded").GetBoolean());
        Assert.True(json.RootElement.GetProperty("provisional").GetBoolean());
        Assert.Equal(0, json.RootElement.GetProperty("holidays").GetArrayLength());
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("1800")]
    public async Task GetYear_BadYear_Answers400(string year)
    {
        var response = await fixture.App.Client.GetAsync($"/api/calendar/{year}");

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "calendar.invalid_parameter", "year");
    }
}
