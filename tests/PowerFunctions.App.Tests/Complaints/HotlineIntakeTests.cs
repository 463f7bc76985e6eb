using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PowerFunctions.App.Features.Calendar;
using PowerFunctions.App.Features.Messaging;
using PowerFunctions.App.Hosting;
using PowerFunctions.App.Tests.Support;
using PowerFunctions.Storage.Messaging;

namespace PowerFunctions.App.Tests.Complaints;

/// <summary>
/// <c>HotlineIntake</c> drains the Service Bus queue <c>hotline-tickets</c> (the embedded adapter here) with
/// <see cref="MessageDrain"/>: a ticket is stored once per <c>hotlineTicketId</c> however often it arrives (the
/// earlier <c>ticketId</c> accepted as an alias), a message that can never be a ticket is dead-lettered with its
/// reason, a passing failure abandoned and stored at the next run; the hotline is told the ticket's number.
/// </summary>
public sealed class HotlineIntakeTests : IAsyncLifetime
{
    private readonly FlakyCalendars _calendars = new();

    private ComplaintApp _app = null!;

    public async Task InitializeAsync() =>
        _app = await ComplaintApp.StartAsync(more: s => s.AddSingleton<ICalendarProvider>(sp => _calendars.Wrap(sp.GetRequiredService<StoredCalendarProvider>())));

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    [Trait("Source", "local 12345 rules (派单); seed 003 (第五篇 首问负责制)")]
    public async Task Intake_Ticket_StoredAssignedAndTheHotlineToldItsNumber()
    {
        await _app.SendHotlineAsync(ComplaintApp.HotlineTicket("HL-2026-0001"));

        await _app.DrainHotlineAsync();

        var list = await _app.GetJsonAsync(_app.Supervisor, "/api/complaints");
        var item = Assert.Single(list.GetProperty("items").EnumerateArray());
        Assert.Equal(("hotline", "HL-2026-0001", "assigned", "D01"), (item.GetProperty("channel").GetString(), item.GetProperty("hotlineTicketId").GetString(), item.GetProperty("state").GetString(), item.GetProperty("department").GetString()));
        var status = Assert.Single(await _app.StatusMessagesAsync());
        Assert.Equal(item.GetProperty("ticketNo").GetString(), status.GetProperty("ticketNo").GetString());
        Assert.Equal(("HL-2026-0001", "assigned", 1), (status.GetProperty("hotlineTicketId").GetString(), status.GetProperty("state").GetString(), status.GetProperty("seq").GetInt32()));
        Assert.Equal(item.GetProperty("ticketNo").GetString() + "-000001", status.GetProperty("messageId").GetString());
        Assert.False(status.TryGetProperty("contact", out _));
        Assert.Empty(await _app.DeadLettersAsync());
    }

    [Fact]
    public async Task Intake_SameTicketDeliveredThrice_StoredOnceFirstVersionKept()
    {
        await _app.SendHotlineAsync(ComplaintApp.HotlineTicket("HL-DUP"));
        await _app.DrainHotlineAsync();
        await _app.SendHotlineAsync(ComplaintApp.HotlineTicket("HL-DUP", subject: "另一个主题"));
        await _app.SendHotlineAsync(ComplaintApp.HotlineTicket("HL-DUP"));

        await _app.DrainHotlineAsync();

        var item = Assert.Single((await _app.GetJsonAsync(_app.Supervisor, "/api/complaints")).GetProperty("items").EnumerateArray());
        Assert.Equal("噪音扰民无人处理", item.GetProperty("subject").GetString());
        Assert.Single(await _app.StatusMessagesAsync());
        Assert.Empty(await _app.DeadLettersAsync());
    }

    [Fact]
    public async Task Intake_EarlierMessageNames_TicketIdContentAndCallerRead()
    {
        await _app.SendHotlineAsync("""{"ticketId":"T-OLD-1","channel":"hotline","category":"help","caller":{"name":"李四","phone":"13900002222"},"subject":"路灯不亮","content":"小区路灯坏了一周","department":"D03","receivedAt":"2026-09-18T09:00:00+08:00"}""");

        await _app.DrainHotlineAsync();

        var item = Assert.Single((await _app.GetJsonAsync(_app.Supervisor, "/api/complaints")).GetProperty("items").EnumerateArray());
        Assert.Equal(("T-OLD-1", "help", "D03"), (item.GetProperty("hotlineTicketId").GetString(), item.GetProperty("category").GetString(), item.GetProperty("department").GetString()));
        var ticket = await _app.TicketAsync(item.GetProperty("ticketNo").GetString()!);
        Assert.Equal("小区路灯坏了一周", ticket.GetProperty("description").GetString());
        Assert.Equal("李四", ticket.GetProperty("contact").GetProperty("name").GetString());
    }

    [Theory]
    [InlineData("not json", "malformed-json")]
    [InlineData("[]", "malformed-json")]
    [InlineData("{\"hotlineTicketId\":5}", "malformed-json")]
    [InlineData("{\"category\":\"complaint\",\"subject\":\"s\",\"description\":\"d\",\"contact\":{\"name\":\"张三\",\"phone\":\"13800001234\"}}", "invalid-ticket")]
    [InlineData("{\"hotlineTicketId\":\"HL/1\",\"category\":\"complaint\",\"subject\":\"s\",\"description\":\"d\",\"contact\":{\"name\":\"张三\",\"phone\":\"13800001234\"}}", "invalid-ticket")]
    [InlineData("{\"hotlineTicketId\":\"HL-1\",\"category\":\"praise\",\"subject\":\"s\",\"description\":\"d\",\"contact\":{\"name\":\"张三\",\"phone\":\"13800001234\"}}", "invalid-ticket")]
    [InlineData("{\"hotlineTicketId\":\"HL-1\",\"category\":\"complaint\",\"subject\":\"s\",\"description\":\"d\",\"caseNo\":\"D01-20260918-000999\",\"contact\":{\"name\":\"张三\",\"phone\":\"13800001234\"}}", "invalid-ticket")]
    public async Task Intake_NeverATicket_DeadLetteredWithReasonAndNothingStored(string message, string reason)
    {
        await _app.SendHotlineAsync(message);

        await _app.DrainHotlineAsync();

        var dead = Assert.Single(await _app.DeadLettersAsync());
        Assert.Equal(reason, dead.Reason);
        Assert.False(string.IsNullOrWhiteSpace(dead.Description));
        Assert.DoesNotContain("张三", dead.Description, StringComparison.Ordinal);
        Assert.DoesNotContain("13800001234", dead.Description, StringComparison.Ordinal);
        Assert.DoesNotContain("13800001234", dead.Body, StringComparison.Ordinal); // sealed, and opens to the message for replay
        Assert.Equal(message, dead.Opened);
        Assert.Empty((await _app.GetJsonAsync(_app.Supervisor, "/api/complaints")).GetProperty("items").EnumerateArray());
        Assert.Empty(await _app.StatusMessagesAsync());
    }

    [Fact]
    public async Task Intake_CalendarUnreadableOnce_AbandonedThenStoredOnTheNextRun()
    {
        _calendars.Failing = true; // a passing failure
        await _app.SendHotlineAsync(ComplaintApp.HotlineTicket("HL-RETRY"));

        await _app.DrainHotlineAsync();

        Assert.Empty(await _app.DeadLettersAsync());
        _calendars.Failing = false;
        Assert.Empty((await _app.GetJsonAsync(_app.Supervisor, "/api/complaints")).GetProperty("items").EnumerateArray());

        await _app.DrainHotlineAsync();

        Assert.Single((await _app.GetJsonAsync(_app.Supervisor, "/api/complaints")).GetProperty("items").EnumerateArray());
        Assert.Empty(await _app.Messaging.GetReceiver(MessagingEntities.HotlineTickets).ReceiveMessagesAsync(1, TimeSpan.FromMilliseconds(100)));
    }

    [Fact]
    public async Task Intake_FailsEveryDelivery_DeadLetteredByTheBrokerAfterMaxDeliveries()
    {
        _calendars.Failing = true;
        await _app.SendHotlineAsync(ComplaintApp.HotlineTicket("HL-DOOMED"));

        for (var run = 0; run <= new EmbeddedMessagingOptions().MaxDeliveryCount; run++)
        {
            await _app.DrainHotlineAsync();
        }

        var dead = Assert.Single(await _app.DeadLettersAsync());
        Assert.Equal("MaxDeliveryCountExceeded", dead.Reason);
        Assert.Equal(ComplaintApp.HotlineTicket("HL-DOOMED"), dead.Opened);
        _calendars.Failing = false;
        Assert.Empty((await _app.GetJsonAsync(_app.Supervisor, "/api/complaints")).GetProperty("items").EnumerateArray());
    }

    [Theory]
    [InlineData("invalid-ticket")]
    [InlineData("MaxDeliveryCountExceeded")]
    [Trait("Source", "个人信息保护法 第五十一条 (加密); 信访工作条例 (2022) (检举人信息保密)")]
    public async Task Intake_PoisonedTicketWithNameAndPhone_DeadLetterQueueAndDataFileHoldNeither(string reason)
    {
        const string name = "欧阳毒信";
        const string phone = "13712340987";
        var id = reason == "invalid-ticket" ? "HL/POISON" : "HL-POISON"; // '/' can never be in a ticket's id
        var message = $$$"""{"hotlineTicketId":"{{{id}}}","category":"complaint","subject":"噪音扰民","description":"夜间施工","department":"D01","contact":{"name":"{{{name}}}","phone":"{{{phone}}}"}}""";
        _calendars.Failing = reason != "invalid-ticket"; // fails every delivery

        await _app.SendHotlineAsync(message);
        for (var run = 0; run <= (reason == "invalid-ticket" ? 0 : new DrainOptions().MaxDeliveryCount); run++)
        {
            await _app.DrainHotlineAsync();
        }

        var dead = Assert.Single(await _app.DeadLettersAsync());
        Assert.Equal(reason, dead.Reason);
        Assert.Equal(message, dead.Opened); // an operator holding the keys reads and replays it
        Assert.StartsWith("pd1:sm4gcm:dev:", dead.Body, StringComparison.Ordinal);

        // The original, received from the queue, was in the file while in flight: once deleted and checkpointed
        // (what the store's checkpointer does within moments of a write), no trace of it stays.
        await DataFiles.TruncateLogAsync(_app.App.DataPath);
        await DataFiles.AssertAbsentAsync(_app.App.DataPath, name, phone);
    }

    [Fact]
    public void HotlineIntake_IsATimerEveryTenSeconds()
    {
        var function = Assert.IsType<TimerFunction>(_app.App.Get<FunctionIndex>().Find("HotlineIntake"));

        Assert.Equal("*/10 * * * * *", function.Schedule);
    }

    [Fact]
    public void OutboxPublish_IsATimerEveryThirtySeconds()
    {
        var function = Assert.IsType<TimerFunction>(_app.App.Get<FunctionIndex>().Find("OutboxPublish"));

        Assert.Equal("*/30 * * * * *", function.Schedule);
    }
}
