using PowerFunctions.Tests.Shared;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using PowerFunctions.App.Features.Catalog;
using PowerFunctions.App.Features.Documents;
using PowerFunctions.App.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace PowerFunctions.App.Tests.Cases;

/// <summary>The real app (real calendar with the official 2026 schedule, real timers and alert store) with a controlled catalog and document issuer, and one client per person of department D01.</summary>
public sealed class CaseApp : IAsyncDisposable
{
    private readonly Func<Task>? _afterDispose;

    private CaseApp(TestApp app, FakeCatalog catalog, FakeDocumentIssuer documents, Func<Task>? afterDispose = null)
    {
        _afterDispose = afterDispose;
        App = app;
        Catalog = catalog;
        Documents = documents;
        Citizen = app.ClientFor("citizen", "", "citizen-1", "张小三");
        OtherCitizen = app.ClientFor("citizen", "", "citizen-2", "李四");
        Acceptor = app.ClientFor("acceptor", "D01", "acc-1", "李受理");
        ReviewerA = app.ClientFor("reviewer", "D01", "rev-a", "王审查");
        ReviewerB = app.ClientFor("reviewer", "D01", "rev-b", "赵复核");
        Decider = app.ClientFor("decider", "D01", "dec-1", "钱局长");
        Deliverer = app.ClientFor("deliverer", "D01", "del-1", "孙送达");
        Supervisor = app.ClientFor("supervisor", "", "sup-1", "周监察");
        Admin = app.ClientFor("admin", "", "adm-1", "管理员");
        OtherAcceptor = app.ClientFor("acceptor", "D02", "acc-2", "吴受理");
    }

    public TestApp App { get; }

    public FakeCatalog Catalog { get; }

    public FakeDocumentIssuer Documents { get; }

    public HttpClient Citizen { get; }

    public HttpClient OtherCitizen { get; }

    public HttpClient Acceptor { get; }

    public HttpClient ReviewerA { get; }

    public HttpClient ReviewerB { get; }

    public HttpClient Decider { get; }

    public HttpClient Deliverer { get; }

    public HttpClient Supervisor { get; }

    public HttpClient Admin { get; }

    public HttpClient OtherAcceptor { get; }

    /// <summary>
    /// Starts the app; <paramref name="settings"/> override TestApp's (e.g. the storage provider), and
    /// <paramref name="afterDispose"/> runs once the app has stopped (e.g. stopping its Azurite).
    /// </summary>
    public static async Task<CaseApp> StartAsync(Action<IServiceCollection>? more = null, IDictionary<string, string?>? settings = null, Func<Task>? afterDispose = null)
    {
        var catalog = new FakeCatalog();
        var documents = new FakeDocumentIssuer();
        var app = await TestApp.StartAsync(settings, overrideServices: s =>
        {
            s.AddSingleton<ICatalogLookup>(catalog);
            s.AddSingleton<IDocumentIssuer>(documents);
            more?.Invoke(s);
        });
        return new CaseApp(app, catalog, documents, afterDispose);
    }

    /// <summary>
    /// The app as it ships: the sample catalog (loaded at start) and the real document issuer (rendered,
    /// sealed, stored), with the same clients; <see cref="Catalog"/> and <see cref="Documents"/> are unused.
    /// </summary>
    public static async Task<CaseApp> StartWithSampleCatalogAsync(IDictionary<string, string?>? settings = null, Action<IServiceCollection>? more = null, Func<Task>? afterDispose = null) =>
        new(await TestApp.StartAsync(settings, overrideServices: more), new FakeCatalog(), new FakeDocumentIssuer(), afterDispose);

    /// <summary>An application to the sample catalog's <paramref name="itemCode"/> with the material codes given.</summary>
    public static object SampleApplication(string itemCode, string name, params string[] materials) => new
    {
        itemCode,
        applicant = new { name, idType = "身份证", idNumber = "410102199001011234", phone = "13800000000" },
        materials = materials.Select(m => new { code = m, name = "材料" + m }),
        form = new { address = "郑州市金水区" },
    };

    public static object Application(string itemCode = FakeCatalog.Plain, string name = "张小三", params string[] materials) => new
    {
        itemCode,
        applicant = new { name, idType = "身份证", idNumber = "410102199001011234", phone = "13800000000" },
        materials = (materials.Length == 0 ? ["M1", "M2"] : materials).Select(m => new { code = m, name = "材料" + m }),
        form = new { address = "郑州市金水区" },
    };

    public async Task<HttpResponseMessage> SubmitAsync(object body, string? key, HttpClient? client = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/applications") { Content = JsonContent.Create(body) };
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        return await (client ?? Citizen).SendAsync(request);
    }

    /// <summary>Submits a plain application and answers its case number.</summary>
    public async Task<string> NewCaseAsync(string itemCode = FakeCatalog.Plain)
    {
        var response = await SubmitAsync(Application(itemCode), Guid.NewGuid().ToString());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await Json(response)).GetProperty("caseNo").GetString()!;
    }

    /// <summary>A new case accepted, reviewed by A and B and approved: in publicity, open to objections.</summary>
    public async Task<string> InPublicityAsync()
    {
        var caseNo = await NewCaseAsync();
        await OkAsync(Acceptor, caseNo, "accept");
        await OkAsync(ReviewerA, caseNo, "review", new { role = "A", opinion = "符合条件", recommendation = "approve" });
        await OkAsync(ReviewerB, caseNo, "review", new { role = "B", opinion = "同意", recommendation = "approve" });
        await OkAsync(Decider, caseNo, "decide", new { outcome = "approve", reasons = "符合法定条件" });
        return caseNo;
    }

    public async Task<HttpResponseMessage> ActAsync(HttpClient client, string caseNo, string action, object? body = null, string? ifMatch = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/cases/{caseNo}/{action}")
        {
            Content = new StringContent(JsonSerializer.Serialize(body ?? new { }), Encoding.UTF8, "application/json"),
        };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return await client.SendAsync(request);
    }

    /// <summary>An action that must answer 200; answers the case view.</summary>
    public async Task<JsonElement> OkAsync(HttpClient client, string caseNo, string action, object? body = null)
    {
        var response = await ActAsync(client, caseNo, action, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{action}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public async Task<JsonElement> CaseAsync(string caseNo, HttpClient? client = null)
    {
        var response = await (client ?? Acceptor).GetAsync($"/api/cases/{caseNo}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Json(response);
    }

    public async Task SetClockAsync(DateTimeOffset instant)
    {
        var response = await Admin.PostAsJsonAsync("/api/admin/clock", new { set = instant.ToString("O") });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public async Task AdvanceClockAsync(TimeSpan by)
    {
        var response = await Admin.PostAsJsonAsync("/api/admin/clock", new { advance = System.Xml.XmlConvert.ToString(by) });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public Task SetClockAsync(int month, int day, int hour = 9) => SetClockAsync(new DateTimeOffset(2026, month, day, hour, 0, 0, TimeSpan.FromHours(8)));

    public async Task<int> SweepAsync()
    {
        var response = await Admin.PostAsync("/api/admin/timers/sweep", null);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return JsonDocument.Parse(text).RootElement.GetProperty("fired").GetInt32();
    }

    public static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    public static JsonElement Deadline(JsonElement view, string kind) =>
        view.GetProperty("deadlines").EnumerateArray().Single(d => d.GetProperty("kind").GetString() == kind);

    public async ValueTask DisposeAsync()
    {
        foreach (var c in new[] { Citizen, OtherCitizen, Acceptor, ReviewerA, ReviewerB, Decider, Deliverer, Supervisor, Admin, OtherAcceptor })
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
