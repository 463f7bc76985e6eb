using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PowerFunctions.App.Features.Complaints;
using PowerFunctions.App.Features.Messaging;
using PowerFunctions.App.Tests.Support;
using PowerFunctions.Storage.Messaging;

namespace PowerFunctions.App.Tests.Complaints;

/// <summary>
/// The real app (sample catalog D01–D08, real calendar, timers, alert store, sealed documents, embedded messaging)
/// with one client per person: a citizen, the handlers of D01 and D02, the hotline, a supervisor and an admin.
/// Hotline tickets go onto the embedded queue <c>hotline-tickets</c>; the status messages to the hotline are read
/// from the topic <c>ticket-status</c> (subscription <c>hotline</c>).
/// </summary>
public sealed class ComplaintApp : IAsyncDisposable
{
    public const string ApiKey = "partner-key-0123456789abcdef";

    private readonly Func<Task>? _afterDispose;
    private readonly List<HttpClient> _clients = [];

    private ComplaintApp(TestApp app, Func<Task>? afterDispose)
    {
        App = app;
        _afterDispose = afterDispose;
        Citizen = Client("citizen", "", "citizen-1", "张小三");
        OtherCitizen = Client("citizen", "", "citizen-2", "李四");
        HandlerD01 = Client("handler", "D01", "h-d01", "郑承办");
        HandlerD02 = Client("handler", "D02", "h-d02", "王承办");
        HandlerD03 = Client("handler", "D03", "h-d03", "冯承办");
        Hotline = Client("hotline", "", "hl-1", "周热线");
        Supervisor = Client("supervisor", "", "sup-1", "吴监督");
        Admin = Client("admin", "", "adm-1", "管理员");
    }

    public TestApp App { get; }

    public HttpClient Citizen { get; }

    public HttpClient OtherCitizen { get; }

    public HttpClient HandlerD01 { get; }

    public HttpClient HandlerD02 { get; }

    public HttpClient HandlerD03 { get; }

    public HttpClient Hotline { get; }

    public HttpClient Supervisor { get; }

    public HttpClient Admin { get; }

    public IMessagingAccount Messaging => App.Get<IMessagingAccount>();

    /// <summary>Starts the app; <paramref name="settings"/> override TestApp's, <paramref name="afterDispose"/> runs once it stopped (e.g. stopping its Azurite).</summary>
    public static async Task<ComplaintApp> StartAsync(IDictionary<string, string?>? settings = null, Action<IServiceCollection>? more = null, Func<Task>? afterDispose = null)
    {
        var values = new Dictionary<string, string?> { ["Open311:ApiKeys"] = ApiKey + ",second-partner-key-abcdef0123" };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var app = await TestApp.StartAsync(values, overrideServices: s =>
        {
            // A run of the hotline drain waits 100 ms for messages instead of 1 s: the tests run it often.
            s.AddSingleton(new HotlineIntakeOptions { Drain = new DrainOptions { MaxWait = TimeSpan.FromMilliseconds(100), Budget = TimeSpan.FromSeconds(5) } });
            more?.Invoke(s);
        });
        return new ComplaintApp(app, afterDispose);
    }

    public HttpClient Client(string roles, string department, string subject, string name)
    {
        var client = App.ClientFor(roles, department, subject, name);
        _clients.Add(client);
        return client;
    }

    public static object Complaint(string category = "complaint", string? department = "D01", string? caseNo = null, string? itemCode = null, bool anonymous = false, string name = "张小三", string phone = "13800001234", string subject = "窗口推诿不办") => new
    {
        category,
        subject,
        description = "9月15日到政务大厅办理食品经营许可，窗口以系统故障为由拒收材料。",
        department,
        itemCode,
        caseNo,
        contact = anonymous ? null : new { name, phone },
        anonymous,
    };

    public async Task<HttpResponseMessage> FileAsync(object body, string? key = null, HttpClient? client = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/complaints") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key ?? Guid.NewGuid().ToString());
        return await (client ?? Citizen).SendAsync(request);
    }

    /// <summary>Files through the mini-program; answers the 201 body.</summary>
    public async Task<JsonElement> FileOkAsync(object? body = null, HttpClient? client = null)
    {
        var response = await FileAsync(body ?? Complaint(), client: client);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public async Task<HttpResponseMessage> ActAsync(HttpClient client, string ticketNo, string action, object? body = null, string? ifMatch = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/complaints/{ticketNo}/{action}")
        {
            Content = new StringContent(JsonSerializer.Serialize(body ?? new { }), Encoding.UTF8, "application/json"),
        };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return await client.SendAsync(request);
    }

    /// <summary>An action that must answer 200; answers the ticket view.</summary>
    public async Task<JsonElement> OkAsync(HttpClient client, string ticketNo, string action, object? body = null)
    {
        var response = await ActAsync(client, ticketNo, action, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{action}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public async Task<JsonElement> TicketAsync(string ticketNo, HttpClient? client = null)
    {
        var response = await (client ?? Supervisor).GetAsync($"/api/complaints/{ticketNo}");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public async Task<JsonElement> GetJsonAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Puts a hotline ticket on the queue <c>hotline-tickets</c>.</summary>
    public Task SendHotlineAsync(string body, string? messageId = null) =>
        Messaging.GetSender(MessagingEntities.HotlineTickets).SendMessageAsync(new BusMessage(messageId ?? Guid.NewGuid().ToString("N"), BinaryData.FromString(body)));

    public static string HotlineTicket(string hotlineTicketId, string category = "complaint", string? department = "D01", string name = "李四", string phone = "13900002222", string subject = "噪音扰民无人处理") =>
        JsonSerializer.Serialize(new
        {
            hotlineTicketId,
            category,
            subject,
            description = "小区旁工地夜间施工，多次反映无果。",
            department,
            contact = new { name, phone },
        });

    /// <summary>Runs one tick of <c>HotlineIntake</c>.</summary>
    public Task DrainHotlineAsync() => App.RunTimerAsync("HotlineIntake");

    /// <summary>Every status message the hotline has been sent so far (received and completed), in order.</summary>
    public async Task<IReadOnlyList<JsonElement>> StatusMessagesAsync()
    {
        var receiver = Messaging.GetReceiver(MessagingEntities.TicketStatus, MessagingEntities.HotlineSubscription);
        var messages = new List<JsonElement>();
        while (true)
        {
            var batch = await receiver.ReceiveMessagesAsync(32, TimeSpan.FromMilliseconds(100));
            if (batch.Count == 0)
            {
                return messages;
            }

            foreach (var message in batch)
            {
                Assert.Equal(JsonDocument.Parse(message.Body.ToString()).RootElement.GetProperty("messageId").GetString(), message.MessageId);
                messages.Add(JsonDocument.Parse(message.Body.ToString()).RootElement.Clone());
                await receiver.CompleteMessageAsync(message);
            }
        }
    }

    /// <summary>Messages dead-lettered from <c>hotline-tickets</c>: (reason, description, body as kept, the original body its seal opens to).</summary>
    public async Task<IReadOnlyList<(string? Reason, string? Description, string Body, string? Opened)>> DeadLettersAsync()
    {
        var receiver = Messaging.GetReceiver(MessagingEntities.HotlineTickets, BusSubQueue.DeadLetter);
        var batch = await receiver.ReceiveMessagesAsync(32, TimeSpan.FromMilliseconds(100));
        var seal = App.Get<DeadLetterSeal>();
        return [.. batch.Select(m => (m.DeadLetterReason, m.DeadLetterErrorDescription, m.Body.ToString(), seal.Open(MessagingEntities.HotlineTickets, m)?.ToString()))];
    }

    public async Task SetClockAsync(DateTimeOffset instant)
    {
        var response = await Admin.PostAsJsonAsync("/api/admin/clock", new { set = instant.ToString("O") });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public Task SetClockAsync(int month, int day, int hour = 10) => SetClockAsync(new DateTimeOffset(2026, month, day, hour, 0, 0, TimeSpan.FromHours(8)));

    public async Task<int> SweepAsync()
    {
        var response = await Admin.PostAsync("/api/admin/timers/sweep", null);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return JsonDocument.Parse(text).RootElement.GetProperty("fired").GetInt32();
    }

    public static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    public static async Task<string?> CodeOf(HttpResponseMessage response) =>
        (await Json(response)).GetProperty("code").GetString();

    public static JsonElement Deadline(JsonElement view, string kind, int round = 1) =>
        view.GetProperty("deadlines").EnumerateArray().Single(d => d.GetProperty("kind").GetString() == kind && (!d.TryGetProperty("round", out var r) || r.GetInt32() == round));

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        await App.DisposeAsync();
        if (_afterDispose is not null)
        {
            await _afterDispose();
        }
    }
}
