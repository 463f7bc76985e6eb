using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PowerFunctions.App.Features.Outbox;
using PowerFunctions.App.Features.Messaging;
using PowerFunctions.App.Tests.Outbox;
using PowerFunctions.Storage;
using PowerFunctions.Storage.Messaging;

namespace PowerFunctions.App.Tests.Complaints;

/// <summary>
/// 举报 (report) protection end to end: the reporter's name and contact never reach a log, whatever happens to
/// the ticket (filed, dead-lettered, handled, answered, listed), never reach the department reported on, and lists
/// mask them; and the hotline's status messages survive a broker that is down (the outbox sends them later).
/// </summary>
public sealed class ReporterProtectionTests
{
    private const string MiniProgramName = "欧阳小明";
    private const string MiniProgramPhone = "13912345678";
    private const string HotlineName = "司马大壮";
    private const string HotlinePhone = "13787654321";

    [Fact]
    [Trait("Source", "信访工作条例 (2022) (检举、揭发材料 are not passed to those reported on); seed 002 (监督检查办法 第十三条)")]
    public async Task Report_EveryPath_NeitherNameNorPhoneInAnyLog()
    {
        var logs = new CapturedLogs();
        await using var app = await ComplaintApp.StartAsync(
            new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Trace", ["Logging:LogLevel:Microsoft"] = "Trace" },
            s => s.AddSingleton<ILoggerProvider>(logs));

        var filed = await app.FileOkAsync(ComplaintApp.Complaint("report", name: MiniProgramName, phone: MiniProgramPhone));
        var ticketNo = filed.GetProperty("ticketNo").GetString()!;
        await app.SendHotlineAsync(ComplaintApp.HotlineTicket("HL-REPORT-1", "report", name: HotlineName, phone: HotlinePhone));
        await app.SendHotlineAsync("{\"hotlineTicketId\":\"HL-REPORT-2\",\"category\":\"report\",\"contact\":{\"name\":\"" + HotlineName + "\",\"phone\":\"" + HotlinePhone + "\"}");
        await app.SendHotlineAsync("{\"hotlineTicketId\":\"HL-REPORT-3\",\"category\":\"report\",\"subject\":\"s\",\"description\":\"d\",\"contact\":{\"name\":\"" + HotlineName + "\",\"phone\":\"" + HotlineName + "\"}}");
        await app.DrainHotlineAsync();
        Assert.Equal(2, (await app.DeadLettersAsync()).Count);

        await app.OkAsync(app.HandlerD01, ticketNo, "accept");
        await app.OkAsync(app.HandlerD01, ticketNo, "answer", new { answer = "经查，反映的问题部分属实，已依规处理。" });
        await app.GetJsonAsync(app.HandlerD01, "/api/complaints");
        await app.GetJsonAsync(app.Supervisor, "/api/complaints");
        await app.TicketAsync(ticketNo, app.Supervisor);
        await app.ActAsync(app.HandlerD02, ticketNo, "close");
        await app.SweepAsync();

        Assert.Contains(logs.Lines, l => l.Contains(ticketNo, StringComparison.Ordinal)); // the capture works
        Assert.Contains(logs.Lines, l => l.Contains("dead-lettered", StringComparison.Ordinal));
        foreach (var secret in new[] { MiniProgramName, MiniProgramPhone, HotlineName, HotlinePhone })
        {
            Assert.DoesNotContain(secret, logs.All, StringComparison.Ordinal);
        }
    }

    [Fact]
    [Trait("Source", "信访工作条例 (2022)")]
    public async Task Report_FromTheHotline_NoDepartmentSeesTheReporterTheHotlineNeither()
    {
        await using var app = await ComplaintApp.StartAsync();
        await app.SendHotlineAsync(ComplaintApp.HotlineTicket("HL-REPORT-9", "report", name: HotlineName, phone: HotlinePhone));
        await app.DrainHotlineAsync();
        var ticketNo = Assert.Single((await app.GetJsonAsync(app.Supervisor, "/api/complaints")).GetProperty("items").EnumerateArray()).GetProperty("ticketNo").GetString()!;

        foreach (var client in new[] { app.HandlerD01, app.Hotline })
        {
            var view = await app.TicketAsync(ticketNo, client);
            Assert.DoesNotContain(HotlineName, view.GetRawText(), StringComparison.Ordinal);
            Assert.DoesNotContain(HotlinePhone, view.GetRawText(), StringComparison.Ordinal);
        }

        Assert.Equal(HotlineName, (await app.TicketAsync(ticketNo, app.Supervisor)).GetProperty("contact").GetProperty("name").GetString());
        var list = (await app.GetJsonAsync(app.Supervisor, "/api/complaints")).GetRawText();
        Assert.Contains("司**壮", list, StringComparison.Ordinal);
        Assert.DoesNotContain(HotlinePhone, list, StringComparison.Ordinal);
        Assert.All(await app.StatusMessagesAsync(), s => Assert.DoesNotContain(HotlineName, s.GetRawText(), StringComparison.Ordinal));
    }

    [Fact]
    [Trait("Source", "API.md Queues (ticket status leaves on the topic ticket-status); the transactional outbox")]
    public async Task StatusMessages_BrokerDownAtTheCommit_WrittenWithTheChangeSentByOutboxPublishLater()
    {
        FailingMessaging? broker = null;
        await using var app = await ComplaintApp.StartAsync(more: s => s.AddSingleton<IMessagingAccount>(sp =>
            broker = new FailingMessaging(new EmbeddedMessagingAccount(sp.GetRequiredService<IStorageAccount>())) { Down = false }));
        await app.SendHotlineAsync(ComplaintApp.HotlineTicket("HL-OUTBOX-1"));
        await app.DrainHotlineAsync();
        var ticketNo = Assert.Single((await app.StatusMessagesAsync())).GetProperty("ticketNo").GetString()!;

        broker!.Down = true;
        var accepted = await app.ActAsync(app.HandlerD01, ticketNo, "accept");

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode); // the change committed; its message waits in the outbox
        Assert.True(broker.FailedSends >= 1);
        Assert.Empty(await app.StatusMessagesAsync());
        broker.Down = false;
        await app.App.RunTimerAsync("OutboxPublish");
        Assert.Empty(await app.StatusMessagesAsync()); // the failed send waits before it is tried again
        await app.Admin.PostAsync("/api/admin/clock", System.Net.Http.Json.JsonContent.Create(new { advance = "PT1M" }));

        await app.App.RunTimerAsync("OutboxPublish");

        var sent = Assert.Single(await app.StatusMessagesAsync());
        Assert.Equal(("in-progress", $"{ticketNo}-000002"), (sent.GetProperty("state").GetString(), sent.GetProperty("messageId").GetString()));
        await app.App.RunTimerAsync("OutboxPublish");
        Assert.Empty(await app.StatusMessagesAsync());
    }
}
