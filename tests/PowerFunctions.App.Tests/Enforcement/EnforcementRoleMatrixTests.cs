using System.Net;
using System.Text;
using System.Text.Json;

namespace PowerFunctions.App.Tests.Enforcement;

/// <summary>
/// Who may call what, route by route: each row is a caller (roles and department), a route and the
/// status it must get — 401 without a token, 403 with the wrong role or department, otherwise the
/// route's own answer. The case used is a real one of D04, opened and investigated.
/// </summary>
public sealed class EnforcementRoleMatrixTests(EnforcementFixture fixture) : IClassFixture<EnforcementFixture>, IAsyncLifetime
{
    private static readonly string Investigate = JsonSerializer.Serialize(new { officers = new[] { "e-a", "e-b" }, evidence = "x" });
    private static readonly string Notify = JsonSerializer.Serialize(new { proposed = new { type = "fine", amount = 20000 }, circumstance = "ordinary" });
    private static readonly string Review = JsonSerializer.Serialize(new { opinion = "同意" });

    private string _caseNo = string.Empty;

    private EnforcementApp App => fixture.App;

    public async Task InitializeAsync()
    {
        await App.SetClockAsync(9, 18);
        _caseNo = await App.InvestigatedAsync(EnforcementApp.Company);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    // the case: read by the department's staff and by oversight
    [InlineData(null, "", "GET", "enforcement/cases/{case}", null, HttpStatusCode.Unauthorized)]
    [InlineData("citizen", "", "GET", "enforcement/cases/{case}", null, HttpStatusCode.Forbidden)]
    [InlineData("acceptor", "D04", "GET", "enforcement/cases/{case}", null, HttpStatusCode.Forbidden)]
    [InlineData("enforcer", "D01", "GET", "enforcement/cases/{case}", null, HttpStatusCode.Forbidden)]
    [InlineData("enforcer", "D04", "GET", "enforcement/cases/{case}", null, HttpStatusCode.OK)]
    [InlineData("legal-reviewer", "D04", "GET", "enforcement/cases/{case}", null, HttpStatusCode.OK)]
    [InlineData("decider", "D04", "GET", "enforcement/cases/{case}", null, HttpStatusCode.OK)]
    [InlineData("supervisor", "", "GET", "enforcement/cases/{case}", null, HttpStatusCode.OK)]
    [InlineData("admin", "", "GET", "enforcement/cases/{case}", null, HttpStatusCode.OK)]
    [InlineData("supervisor", "", "GET", "enforcement/cases/{case}/audit/verify", null, HttpStatusCode.OK)]
    [InlineData("enforcer", "D01", "GET", "enforcement/cases/{case}/audit/verify", null, HttpStatusCode.Forbidden)]
    // opening: enforcers of the item's department
    [InlineData("decider", "D04", "POST", "enforcement/cases", "case", HttpStatusCode.Forbidden)]
    [InlineData("supervisor", "", "POST", "enforcement/cases", "case", HttpStatusCode.Forbidden)]
    [InlineData("enforcer", "D01", "POST", "enforcement/cases", "case", HttpStatusCode.Forbidden)]
    // actions: the role the action names, of the case's department
    [InlineData("decider", "D04", "POST", "enforcement/cases/{case}/notify", "notify", HttpStatusCode.Forbidden)]
    [InlineData("legal-reviewer", "D04", "POST", "enforcement/cases/{case}/notify", "notify", HttpStatusCode.Forbidden)]
    [InlineData("supervisor", "", "POST", "enforcement/cases/{case}/notify", "notify", HttpStatusCode.Forbidden)]
    [InlineData("enforcer", "D01", "POST", "enforcement/cases/{case}/investigate", "investigate", HttpStatusCode.Forbidden)]
    [InlineData("enforcer", "D04", "POST", "enforcement/cases/{case}/legal-review", "review", HttpStatusCode.Forbidden)]
    [InlineData("decider", "D04", "POST", "enforcement/cases/{case}/legal-review", "review", HttpStatusCode.Forbidden)]
    [InlineData("legal-reviewer", "D01", "POST", "enforcement/cases/{case}/legal-review", "review", HttpStatusCode.Forbidden)]
    [InlineData("legal-reviewer", "D04", "POST", "enforcement/cases/{case}/legal-review", "review", HttpStatusCode.OK)]
    [InlineData("legal-reviewer", "D04", "POST", "enforcement/cases/{case}/decide", "review", HttpStatusCode.Forbidden)]
    [InlineData(null, "", "POST", "enforcement/cases/{case}/notify", "notify", HttpStatusCode.Unauthorized)]
    // the register: admins write it, admins and supervisors list it, the public looks a certificate up
    [InlineData("enforcer", "D04", "PUT", "enforcement/officers/e-z", "officer", HttpStatusCode.Forbidden)]
    [InlineData("supervisor", "", "PUT", "enforcement/officers/e-z", "officer", HttpStatusCode.Forbidden)]
    [InlineData("admin", "", "PUT", "enforcement/officers/e-z", "officer", HttpStatusCode.Created)]
    [InlineData("enforcer", "D04", "GET", "enforcement/officers", null, HttpStatusCode.Forbidden)]
    [InlineData("supervisor", "", "GET", "enforcement/officers", null, HttpStatusCode.OK)]
    [InlineData(null, "", "GET", "enforcement/certificates/豫应急D04-0002", null, HttpStatusCode.OK)]
    // public decisions, supervision's discretion view
    [InlineData(null, "", "GET", "enforcement/decisions", null, HttpStatusCode.OK)]
    [InlineData(null, "", "GET", "supervision/discretion", null, HttpStatusCode.Unauthorized)]
    [InlineData("enforcer", "D04", "GET", "supervision/discretion", null, HttpStatusCode.Forbidden)]
    [InlineData("admin", "", "GET", "supervision/discretion", null, HttpStatusCode.Forbidden)]
    [InlineData("supervisor", "", "GET", "supervision/discretion", null, HttpStatusCode.OK)]
    // guidance: the department's enforcers and heads register it; oversight reads every department
    [InlineData("citizen", "", "POST", "guidance", "guidance", HttpStatusCode.Forbidden)]
    [InlineData("enforcer", "D01", "POST", "guidance", "guidance", HttpStatusCode.Forbidden)]
    [InlineData("enforcer", "D04", "POST", "guidance", "guidance", HttpStatusCode.Created)]
    [InlineData("decider", "D04", "POST", "guidance", "guidance", HttpStatusCode.Created)]
    [InlineData("enforcer", "D04", "GET", "guidance?department=D01", null, HttpStatusCode.Forbidden)]
    [InlineData("enforcer", "D04", "GET", "guidance", null, HttpStatusCode.OK)]
    [InlineData("supervisor", "", "GET", "guidance?department=D04", null, HttpStatusCode.OK)]
    [InlineData("citizen", "", "GET", "guidance", null, HttpStatusCode.Forbidden)]
    [InlineData("enforcer", "D04", "GET", "guidance/reports/2026-Q3", null, HttpStatusCode.OK)]
    [InlineData("supervisor", "", "GET", "guidance/reports/2026-Q3", null, HttpStatusCode.OK)]
    [InlineData(null, "", "GET", "guidance/reports/2026-Q3", null, HttpStatusCode.Unauthorized)]
    public async Task Route_ByCaller_AnswersItsStatus(string? roles, string department, string method, string route, string? body, HttpStatusCode expected)
    {
        using var client = roles is null ? new HttpClient { BaseAddress = App.App.BaseAddress } : App.App.ClientFor(roles, department, "u-" + roles, "某人");
        using var request = new HttpRequestMessage(new HttpMethod(method), "/api/" + route.Replace("{case}", _caseNo, StringComparison.Ordinal));
        if (body is not null)
        {
            request.Content = new StringContent(Body(body), Encoding.UTF8, "application/json");
        }

        var response = await client.SendAsync(request);

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{roles}@{department} {method} {route}: {(int)response.StatusCode} {text}");
        if ((int)expected >= 400)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    private static string Body(string name) => name switch
    {
        "case" => JsonSerializer.Serialize(EnforcementApp.CaseBody()),
        "investigate" => Investigate,
        "notify" => Notify,
        "review" => Review,
        "officer" => JsonSerializer.Serialize(new { name = "新执法", department = "D04", certificateNo = "豫应急D04-" + Guid.NewGuid().ToString("N")[..8], validFrom = "2025-01-01", validTo = "2027-12-31" }),
        "guidance" => JsonSerializer.Serialize(new { department = "D04", target = "郑州某某机械有限公司", measure = "advice", content = "建议完善安全生产教育培训档案", basis = "《中华人民共和国安全生产法》第二十八条", followUpWorkingDays = 10 }),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };
}
