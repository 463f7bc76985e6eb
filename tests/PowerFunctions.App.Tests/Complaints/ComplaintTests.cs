using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PowerFunctions.App.Tests.Hosting;
using PowerFunctions.App.Tests.Support;
using PowerFunctions.Storage;

namespace PowerFunctions.App.Tests.Complaints;

/// <summary>Hotline tickets through the custom-handler envelope, listed for supervisors with their answer-due dates.</summary>
public sealed class ComplaintTests : IAsyncLifetime
{
    private TestApp _app = null!;

    public async Task InitializeAsync() => _app = await TestApp.StartCustomHandlerAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    [Trait("Source", "seed 003 (第五篇 首问负责制)")]
    public async Task Intake_FridayTicket_AnswerDueMondayListedOpen()
    {
        await Envelopes.PostAsync(_app.Client, "ComplaintIntake", Envelopes.ServiceBus(Envelopes.Complaint("T-100"), "m-100"));

        var list = await _app.ClientFor("supervisor").GetFromJsonAsync<JsonElement>("/api/complaints?status=open");

        var ticket = Assert.Single(list.EnumerateArray());
        Assert.Equal("T-100", ticket.GetProperty("ticketId").GetString());
        Assert.Equal("2026-09-21", ticket.GetProperty("answerDue").GetString());
        Assert.Equal("open", ticket.GetProperty("status").GetString());
        Assert.Equal("hotline", ticket.GetProperty("channel").GetString());
        Assert.Equal("138****1234", ticket.GetProperty("caller").GetProperty("phone").GetString());
        Assert.Equal("2026-09-18T09:30:00+08:00", ticket.GetProperty("receivedAt").GetString());
    }

    [Fact]
    [Trait("Source", "seed 003 (第五篇 首问负责制)")]
    public async Task List_AfterTheDueDate_Overdue()
    {
        await Envelopes.PostAsync(_app.Client, "ComplaintIntake", Envelopes.ServiceBus(Envelopes.Complaint("T-OLD", "2026-09-10T09:00:00+08:00"), "m-old"));
        await Envelopes.PostAsync(_app.Client, "ComplaintIntake", Envelopes.ServiceBus(Envelopes.Complaint("T-NEW"), "m-new"));
        var supervisor = _app.ClientFor("supervisor");

        var overdue = await supervisor.GetFromJsonAsync<JsonElement>("/api/complaints?status=overdue");
        var all = await supervisor.GetFromJsonAsync<JsonElement>("/api/complaints");

        Assert.Equal("T-OLD", Assert.Single(overdue.EnumerateArray()).GetProperty("ticketId").GetString());
        Assert.Equal(["T-OLD", "T-NEW"], all.EnumerateArray().Select(c => c.GetProperty("ticketId").GetString()));
    }

    [Fact]
    public async Task Intake_SameTicketTwice_FirstVersionKept()
    {
        await Envelopes.PostAsync(_app.Client, "ComplaintIntake", Envelopes.ServiceBus(Envelopes.Complaint("T-DUP"), "m-1"));
        var changed = Envelopes.Complaint("T-DUP").Replace("窗口推诿", "另一个主题", StringComparison.Ordinal);

        var (response, _) = await Envelopes.PostAsync(_app.Client, "ComplaintIntake", Envelopes.ServiceBus(changed, "m-1", deliveryCount: 2));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var entity = await _app.Get<IStorageAccount>().GetTableClient("complaints").GetEntityAsync("ticket", "T-DUP");
        Assert.Equal("窗口推诿", entity!.GetString("subject"));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"ticketId\":\"T-X\",\"channel\":\"fax\"}")]
    [InlineData("{\"ticketId\":5}")]
    [InlineData("{\"ticketId\":\"T-X\",\"channel\":\"hotline\",\"caller\":{\"name\":\"a\",\"phone\":\"13800001234\"},\"subject\":\"s\",\"content\":\"c\",\"receivedAt\":\"2026-09-18\"}")]
    public async Task Intake_BadTicket_FailsAndStoresNothing(string message)
    {
        var (response, _) = await Envelopes.PostAsync(_app.Client, "ComplaintIntake", Envelopes.ServiceBus(message, "m-bad"));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var list = await _app.ClientFor("supervisor").GetFromJsonAsync<JsonElement>("/api/complaints");
        Assert.Empty(list.EnumerateArray());
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
}
