using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PowerFunctions.App.Features.Calendar;
using PowerFunctions.App.Features.Complaints;
using PowerFunctions.App.Hosting;
using PowerFunctions.App.Tests.Support;
using PowerFunctions.Storage;

namespace PowerFunctions.App.Tests.Complaints;

/// <summary>
/// Hotline tickets drained from the <c>hotline-tickets</c> queue by <c>HotlineIntake</c>: stored once however
/// often delivered, the never-processable dead-lettered with their reason, passing failures abandoned; listed
/// for supervisors with their answer-due dates.
/// </summary>
public sealed class ComplaintTests : IAsyncLifetime
{
    private readonly FlakyCalendars _calendars = new();

    private TestApp _app = null!;

    public async Task InitializeAsync() => _app = await TestApp.StartAsync(overrideServices: s => s.AddSingleton<ICalendarProvider>(sp => _calendars.Wrap(sp.GetRequiredService<StoredCalendarProvider>())));

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private IQueueClient Queue => _app.Get<IStorageAccount>().GetQueueClient(StorageQueueHotlineInbox.QueueName);

    private IQueueClient DeadLetters => _app.Get<IStorageAccount>().GetQueueClient(StorageQueueHotlineInbox.DeadLetterQueueName);

    [Fact]
    [Trait("Source", "seed 003 (第五篇 首问负责制)")]
    public async Task Intake_FridayTicket_AnswerDueMondayListedOpen()
    {
        await Queue.SendMessageAsync(Ticket("T-100"));

        await _app.RunTimerAsync("HotlineIntake");

        var list = await _app.ClientFor("supervisor").GetFromJsonAsync<JsonElement>("/api/complaints?status=open");
        var ticket = Assert.Single(list.EnumerateArray());
        Assert.Equal("T-100", ticket.GetProperty("ticketId").GetString());
        Assert.Equal("2026-09-21", ticket.GetProperty("answerDue").GetString());
        Assert.Equal("open", ticket.GetProperty("status").GetString());
        Assert.Equal("hotline", ticket.GetProperty("channel").GetString());
        Assert.Equal("138****1234", ticket.GetProperty("caller").GetProperty("phone").GetString());
        Assert.Equal("2026-09-18T09:30:00+08:00", ticket.GetProperty("receivedAt").GetString());
        Assert.Equal(0, await Queue.GetApproximateCountAsync());
    }

    [Fact]
    [Trait("Source", "seed 003 (第五篇 首问负责制)")]
    public async Task List_AfterTheDueDate_Overdue()
    {
        await Queue.SendMessageAsync(Ticket("T-OLD", "2026-09-10T09:00:00+08:00"));
        await Queue.SendMessageAsync(Ticket("T-NEW"));
        await _app.RunTimerAsync("HotlineIntake");
        var supervisor = _app.ClientFor("supervisor");

        var overdue = await supervisor.GetFromJsonAsync<JsonElement>("/api/complaints?status=overdue");
        var all = await supervisor.GetFromJsonAsync<JsonElement>("/api/complaints");

        Assert.Equal("T-OLD", Assert.Single(overdue.EnumerateArray()).GetProperty("ticketId").GetString());
        Assert.Equal(["T-OLD", "T-NEW"], all.EnumerateArray().Select(c => c.GetProperty("ticketId").GetString()));
    }

    [Fact]
    public async Task Intake_SameTicketDeliveredThrice_StoredOnceFirstVersionKept()
    {
        await Queue.SendMessageAsync(Ticket("T-DUP"));
        await _app.RunTimerAsync("HotlineIntake");
        await Queue.SendMessageAsync(Ticket("T-DUP").Replace("窗口推诿", "另一个主题", StringComparison.Ordinal));
        await Queue.SendMessageAsync(Ticket("T-DUP"));

        await _app.RunTimerAsync("HotlineIntake");

        var entity = await _app.Get<IStorageAccount>().GetTableClient(HotlineTickets.TableName).GetEntityAsync(HotlineTickets.Partition, "T-DUP");
        Assert.Equal("窗口推诿", entity!.GetString("subject"));
        var list = await _app.ClientFor("supervisor").GetFromJsonAsync<JsonElement>("/api/complaints");
        Assert.Single(list.EnumerateArray());
        Assert.Equal(0, await Queue.GetApproximateCountAsync());
        Assert.Equal(0, await DeadLetters.GetApproximateCountAsync());
    }

    [Theory]
    [InlineData("not json", "not a ticket")]
    [InlineData("{\"ticketId\":\"T-X\",\"channel\":\"fax\"}", "invalid")]
    [InlineData("{\"ticketId\":5}", "not a ticket")]
    [InlineData("{\"ticketId\":\"T-X\",\"channel\":\"hotline\",\"caller\":{\"name\":\"a\",\"phone\":\"13800001234\"},\"subject\":\"s\",\"content\":\"c\",\"receivedAt\":\"2026-09-18\"}", "invalid")]
    public async Task Intake_BadTicket_DeadLetteredWithReasonAndNothingStored(string message, string reason)
    {
        await Queue.SendMessageAsync(message);

        await _app.RunTimerAsync("HotlineIntake");

        var dead = Assert.Single(await DeadLetters.PeekMessagesAsync(10));
        var record = JsonDocument.Parse(dead.MessageText).RootElement;
        Assert.Equal(message, record.GetProperty("messageText").GetString());
        Assert.Contains(reason, record.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal("HotlineIntake", record.GetProperty("function").GetString());
        Assert.Equal(0, await Queue.GetApproximateCountAsync());
        var list = await _app.ClientFor("supervisor").GetFromJsonAsync<JsonElement>("/api/complaints");
        Assert.Empty(list.EnumerateArray());
    }

    [Fact]
    public async Task Intake_StorageFailsOnce_AbandonedThenStoredOnNextRun()
    {
        var table = _app.Get<IStorageAccount>().GetTableClient(HotlineTickets.TableName);
        _calendars.Failing = true; // a passing failure: the calendar cannot be read for a while
        await Queue.SendMessageAsync(Ticket("T-RETRY"));

        await _app.RunTimerAsync("HotlineIntake");

        Assert.Equal(0, await DeadLetters.GetApproximateCountAsync());
        var message = Assert.Single(await Queue.PeekMessagesAsync(10));
        Assert.Contains("T-RETRY", message.MessageText, StringComparison.Ordinal);
        _calendars.Failing = false;

        await _app.RunTimerAsync("HotlineIntake");

        Assert.NotNull(await table.GetEntityAsync(HotlineTickets.Partition, "T-RETRY"));
        Assert.Equal(0, await Queue.GetApproximateCountAsync());
    }

    [Fact]
    public async Task Intake_FailsEveryDelivery_DeadLetteredAfterMaxDeliveries()
    {
        _calendars.Failing = true;
        await Queue.SendMessageAsync(Ticket("T-DOOMED"));

        for (var run = 0; run < 5; run++)
        {
            await _app.RunTimerAsync("HotlineIntake");
        }

        var record = JsonDocument.Parse(Assert.Single(await DeadLetters.PeekMessagesAsync(10)).MessageText).RootElement;
        Assert.Equal(5, record.GetProperty("dequeueCount").GetInt64());
        Assert.Contains("failed 5 deliveries", record.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await Queue.GetApproximateCountAsync());
        Assert.Null(await _app.Get<IStorageAccount>().GetTableClient(HotlineTickets.TableName).GetEntityAsync(HotlineTickets.Partition, "T-DOOMED"));
    }

    [Fact]
    public void HotlineIntake_IsATimerEveryTenSeconds()
    {
        var function = Assert.IsType<TimerFunction>(_app.Get<FunctionIndex>().Find("HotlineIntake"));

        Assert.Equal("*/10 * * * * *", function.Schedule);
    }

    [Theory]
    [InlineData("citizen", HttpStatusCode.Forbidden)]
    [InlineData("hotline", HttpStatusCode.Forbidden)]
    [InlineData("supervisor", HttpStatusCode.OK)]
    [InlineData("admin", HttpStatusCode.OK)]
    public async Task List_ByRole_SupervisorsOnly(string role, HttpStatusCode expected)
    {
        var response = await _app.ClientFor(role).GetAsync("/api/complaints");

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task List_UnknownStatus_400Problem()
    {
        var response = await _app.ClientFor("supervisor").GetAsync("/api/complaints?status=closed");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>The stored calendar, or an I/O failure while <see cref="Failing"/>.</summary>
    private sealed class FlakyCalendars
    {
        public bool Failing { get; set; }

        public ICalendarProvider Wrap(ICalendarProvider inner) => new Provider(this, inner);

        private sealed class Provider(FlakyCalendars owner, ICalendarProvider inner) : ICalendarProvider
        {
            public ValueTask<PowerFunctions.Domain.Calendar.IWorkingCalendar> GetCurrentAsync(CancellationToken cancellationToken) =>
                owner.Failing ? throw new IOException("calendar unavailable") : inner.GetCurrentAsync(cancellationToken);
        }
    }

    /// <summary>A hotline ticket as the hotline sends it (received Friday 2026-09-18 09:30 China time unless said).</summary>
    internal static string Ticket(string ticketId, string receivedAt = "2026-09-18T09:30:00+08:00") => JsonSerializer.Serialize(new
    {
        ticketId,
        channel = "hotline",
        caller = new { name = "王五", phone = "13800001234" },
        subject = "窗口推诿",
        content = "办理营业执照时窗口人员推诿",
        receivedAt,
    });
}
