using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using PowerFunctions.App.Tests.Support;

namespace PowerFunctions.App.Tests.Enforcement;

/// <summary>
/// The real app (sample catalog with the 安全生产 penalty item CF-D04-0001 and its tiers, the official 2026
/// schedule, real timers, alerts, sealed documents) and one client per person of department D04 (市应急管理局):
/// three certified officers, a legal reviewer, the head; plus a supervisor, an admin and outsiders.
/// </summary>
public sealed class EnforcementApp : IAsyncDisposable
{
    public const string Item = "CF-D04-0001";

    private readonly Func<Task>? _afterDispose;

    private EnforcementApp(TestApp app, Func<Task>? afterDispose)
    {
        App = app;
        _afterDispose = afterDispose;
        OfficerA = app.ClientFor("enforcer", "D04", "e-a", "王执法");
        OfficerB = app.ClientFor("enforcer", "D04", "e-b", "李执法");
        OfficerC = app.ClientFor("enforcer", "D04", "e-c", "赵执法");
        Uncertified = app.ClientFor("enforcer", "D04", "e-x", "钱无证");
        LegalReviewer = app.ClientFor("legal-reviewer", "D04", "lr-1", "孙法制");
        Decider = app.ClientFor("decider", "D04", "dec-1", "周局长");
        Supervisor = app.ClientFor("supervisor", "", "sup-1", "吴监察");
        Admin = app.ClientFor("admin", "", "adm-1", "管理员");
        OtherDepartment = app.ClientFor("enforcer,decider", "D01", "e-d01", "郑外局");
        Public = new HttpClient { BaseAddress = app.BaseAddress };
    }

    public TestApp App { get; }

    public HttpClient OfficerA { get; }

    public HttpClient OfficerB { get; }

    public HttpClient OfficerC { get; }

    public HttpClient Uncertified { get; }

    public HttpClient LegalReviewer { get; }

    public HttpClient Decider { get; }

    public HttpClient Supervisor { get; }

    public HttpClient Admin { get; }

    public HttpClient OtherDepartment { get; }

    public HttpClient Public { get; }

    /// <summary>Starts the app and registers the three officers of D04 (valid 2025–2027, 安全生产).</summary>
    public static async Task<EnforcementApp> StartAsync(IDictionary<string, string?>? settings = null, Func<Task>? afterDispose = null)
    {
        var app = new EnforcementApp(await TestApp.StartAsync(settings), afterDispose);
        await app.RegisterAsync("e-a", "王执法", "豫应急D04-0001");
        await app.RegisterAsync("e-b", "李执法", "豫应急D04-0002");
        await app.RegisterAsync("e-c", "赵执法", "豫应急D04-0003");
        return app;
    }

    public async Task RegisterAsync(string sub, string name, string certificateNo, string department = "D04", string validFrom = "2025-01-01", string validTo = "2027-12-31")
    {
        var response = await Admin.PutAsJsonAsync($"/api/enforcement/officers/{sub}", new { name, department, certificateNo, validFrom, validTo });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>A case body as API.md writes it: <c>{itemCode, party:{name, idType, idNumber}, facts, source}</c>.</summary>
    public static object CaseBody(string partyName = "张小三", string idType = "身份证", string idNumber = "410102199001011234", object? source = null) => new
    {
        itemCode = Item,
        party = new { name = partyName, idType, idNumber },
        facts = "2026年9月17日检查发现，当事人12名从业人员中有4人未经安全生产教育和培训即上岗作业。",
        source = source ?? "inspection",
    };

    public static object Company => CaseBody("郑州某某机械有限公司", "统一社会信用代码", "91410100MA44B1234X");

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, object? body, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(JsonSerializer.Serialize(body ?? new { }), Encoding.UTF8, "application/json") };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return await client.SendAsync(request);
    }

    /// <summary>Opens a case as officer A; answers its number.</summary>
    public async Task<string> OpenAsync(object? body = null)
    {
        var response = await PostAsync(OfficerA, "/api/enforcement/cases", body ?? CaseBody());
        var json = await Json(response);
        Assert.True(response.StatusCode == HttpStatusCode.Created, json.ToString());
        return json.GetProperty("caseNo").GetString()!;
    }

    public Task<HttpResponseMessage> ActAsync(HttpClient client, string caseNo, string action, object? body = null) =>
        PostAsync(client, $"/api/enforcement/cases/{caseNo}/{action}", body);

    /// <summary>An action that must answer 200; answers the case view.</summary>
    public async Task<JsonElement> OkAsync(HttpClient client, string caseNo, string action, object? body = null)
    {
        var response = await ActAsync(client, caseNo, action, body);
        var json = await Json(response);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{action}: {(int)response.StatusCode} {json}");
        return json;
    }

    /// <summary>An action that must be refused with <paramref name="status"/> and <paramref name="code"/>, as problem+json; answers the problem.</summary>
    public async Task<JsonElement> RefusedAsync(HttpClient client, string caseNo, string action, object? body, HttpStatusCode status, string code)
    {
        var response = await ActAsync(client, caseNo, action, body);
        return await AssertProblemAsync(response, status, code);
    }

    public static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var json = await Json(response);
        Assert.True(response.StatusCode == status, $"expected {(int)status} {code}, got {(int)response.StatusCode} {json}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(code, json.GetProperty("code").GetString());
        return json;
    }

    public async Task<JsonElement> CaseAsync(string caseNo, HttpClient? client = null)
    {
        var response = await (client ?? OfficerA).GetAsync($"/api/enforcement/cases/{caseNo}");
        var json = await Json(response);
        Assert.True(response.StatusCode == HttpStatusCode.OK, json.ToString());
        return json;
    }

    /// <summary>Opens a case and investigates it with officers A and B: ready to notify.</summary>
    public async Task<string> InvestigatedAsync(object? body = null)
    {
        var caseNo = await OpenAsync(body);
        await OkAsync(OfficerA, caseNo, "investigate", new { officers = new[] { "e-a", "e-b" }, evidence = "现场检查笔录、培训档案、询问笔录" });
        return caseNo;
    }

    /// <summary>
    /// A company's case (no hearing right below 50,000), investigated, notified of <paramref name="amount"/>
    /// for <paramref name="circumstance"/>, and the party's statement recorded: the reply window is closed.
    /// </summary>
    public async Task<string> ReadyToDecideAsync(decimal amount = 20000, string circumstance = "ordinary")
    {
        var caseNo = await InvestigatedAsync(Company);
        await OkAsync(OfficerA, caseNo, "notify", new { proposed = Fine(amount), circumstance });
        await OkAsync(OfficerA, caseNo, "statement", new { text = "对违法事实无异议" });
        return caseNo;
    }

    /// <summary>The heads' meeting as API.md writes it (<c>{attendees, votes, dissent}</c>), or with <paramref name="extra"/> fields merged in.</summary>
    public static Dictionary<string, object?> Meeting(params (string Key, object? Value)[] extra)
    {
        var body = new Dictionary<string, object?>
        {
            ["attendees"] = new[] { "周局长", "吴副局长", "郑副局长" },
            ["votes"] = new[] { new { name = "周局长", vote = "agree" }, new { name = "吴副局长", vote = "agree" }, new { name = "郑副局长", vote = "abstain" } },
            ["dissent"] = Array.Empty<object>(),
        };
        foreach (var (key, value) in extra)
        {
            body[key] = value;
        }

        return body;
    }

    public static object Fine(decimal amount) => new { type = "fine", amount };

    public async Task SetClockAsync(int month, int day, int hour = 10, int year = 2026)
    {
        var response = await Admin.PostAsJsonAsync("/api/admin/clock", new { set = new DateTimeOffset(year, month, day, hour, 0, 0, TimeSpan.FromHours(8)).ToString("O") });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public async Task<int> SweepAsync()
    {
        var response = await Admin.PostAsync("/api/admin/timers/sweep", null);
        var json = await Json(response);
        Assert.True(response.StatusCode == HttpStatusCode.OK, json.ToString());
        return json.GetProperty("fired").GetInt32();
    }

    /// <summary>The supervision alerts of a case (every status).</summary>
    public async Task<IReadOnlyList<JsonElement>> AlertsAsync(string caseNo)
    {
        var json = await Json(await Supervisor.GetAsync("/api/supervision/alerts?status=all"));
        return json.EnumerateArray().Where(a => a.GetProperty("caseNo").GetString() == caseNo).ToArray();
    }

    public static async Task<JsonElement> Json(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public static JsonElement Deadline(JsonElement view, string kind) =>
        view.GetProperty("deadlines").EnumerateArray().Single(d => d.GetProperty("kind").GetString() == kind);

    public static string[] Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToArray();

    public async ValueTask DisposeAsync()
    {
        foreach (var c in new[] { OfficerA, OfficerB, OfficerC, Uncertified, LegalReviewer, Decider, Supervisor, Admin, OtherDepartment, Public })
        {
            c.Dispose();
        }

        await App.DisposeAsync();
        if (_afterDispose is not null)
        {
            await _afterDispose();
        }
    }
}
