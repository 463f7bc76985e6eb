using Microsoft.Extensions.Logging.Abstractions;
using PowerFunctions.App.Features.Messaging;
using PowerFunctions.App.Tests.Outbox;
using PowerFunctions.Storage.Messaging;

namespace PowerFunctions.App.Tests.Messaging;

/// <summary>
/// The timer-driven drain (issue 10: hotline tickets drained in batches; a message that can never be
/// processed is dead-lettered with its reason, one that failed for a passing cause is abandoned for
/// redelivery), on the embedded adapter over real SQLite.
/// </summary>
public sealed class MessageDrainTests : IAsyncLifetime
{
    private static readonly DrainOptions Quick = new() { MaxWait = TimeSpan.FromMilliseconds(50) };

    private readonly OutboxStore _store = new();
    private readonly MessageDrain _drain = new(NullLogger<MessageDrain>.Instance);

    private IMessageReceiver Tickets => _store.Messaging.GetReceiver(MessagingEntities.HotlineTickets);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [Fact]
    public async Task Drain_HandlerDecides_EachMessageSettledAsDecided()
    {
        await SendAsync("ok", "bad", "later");

        var result = await _drain.DrainAsync(Tickets, (m, _) => Task.FromResult(m.MessageId switch
        {
            "ok" => MessageOutcome.Complete,
            "bad" => MessageOutcome.DeadLetter("MalformedTicket", "no hotlineTicketId"),
            _ => MessageOutcome.Abandon,
        }), Quick, default);

        Assert.Equal(new DrainResult(1, 1, 1, 0), result);
        var dead = Assert.Single(await _store.Messaging.GetReceiver(MessagingEntities.HotlineTickets, BusSubQueue.DeadLetter).ReceiveMessagesAsync(5, TimeSpan.FromSeconds(5)));
        Assert.Equal(("bad", "MalformedTicket", "no hotlineTicketId"), (dead.MessageId, dead.DeadLetterReason, dead.DeadLetterErrorDescription));
        var again = Assert.Single(await Tickets.ReceiveMessagesAsync(5, TimeSpan.FromSeconds(5)));
        Assert.Equal(("later", 2), (again.MessageId, again.DeliveryCount));
    }

    [Fact]
    public async Task Drain_HandlerThrows_AbandonedOncePerRunUntilTheBrokerDeadLettersIt()
    {
        await SendAsync("flaky");
        var deliveries = new List<int>();
        Task<MessageOutcome> Failing(BusReceivedMessage m, CancellationToken ct)
        {
            deliveries.Add(m.DeliveryCount);
            throw new TimeoutException("storage did not answer");
        }

        for (var run = 0; run < 11; run++)
        {
            await _drain.DrainAsync(Tickets, Failing, Quick, default);
        }

        Assert.Equal(Enumerable.Range(1, 10), deliveries);
        var dead = Assert.Single(await _store.Messaging.GetReceiver(MessagingEntities.HotlineTickets, BusSubQueue.DeadLetter).ReceiveMessagesAsync(5, TimeSpan.FromSeconds(5)));
        Assert.Equal("MaxDeliveryCountExceeded", dead.DeadLetterReason);
    }

    [Fact]
    public async Task Drain_ManyMessages_AllHandledInBatchesInOneRun()
    {
        await SendAsync([.. Enumerable.Range(1, 70).Select(i => $"t{i}")]);
        var seen = new HashSet<string>();

        var result = await _drain.DrainAsync(Tickets, (m, _) => Task.FromResult(seen.Add(m.MessageId) ? MessageOutcome.Complete : MessageOutcome.Abandon), Quick, default);

        Assert.Equal(new DrainResult(70, 0, 0, 0), result);
        Assert.Empty(await Tickets.ReceiveMessagesAsync(5, TimeSpan.FromMilliseconds(20)));
    }

    [Fact]
    public async Task Drain_LockLostWhileHandling_CountedAndTheMessageComesAgain()
    {
        await SendAsync("slow");
        var other = new EmbeddedMessagingAccount(_store.Storage).GetReceiver(MessagingEntities.HotlineTickets); // another instance

        var result = await _drain.DrainAsync(Tickets, async (m, _) =>
        {
            // The handler outlives the lock and another instance receives the message meanwhile.
            _store.Clock.Advance(TimeSpan.FromSeconds(31));
            Assert.Single(await other.ReceiveMessagesAsync(1, TimeSpan.FromSeconds(5)));
            return MessageOutcome.Complete;
        }, Quick, default);

        Assert.Equal(new DrainResult(0, 0, 0, 1), result);
    }

    [Fact]
    public async Task Drain_EmptyQueue_NothingAfterOneWait()
    {
        var result = await _drain.DrainAsync(Tickets, (_, _) => Task.FromResult(MessageOutcome.Complete), Quick, default);

        Assert.Equal(new DrainResult(0, 0, 0, 0), result);
    }

    [Fact]
    public async Task Drain_BudgetSpent_NoNewBatchAndTheRestWaits()
    {
        await SendAsync("a", "b", "c", "d", "e");
        var options = Quick with { BatchSize = 1, Budget = TimeSpan.FromMilliseconds(200) };

        var result = await _drain.DrainAsync(Tickets, async (_, ct) =>
        {
            await Task.Delay(150, ct);
            return MessageOutcome.Complete;
        }, options, default);

        Assert.InRange(result.Completed, 1, 2);
        Assert.Equal(5 - result.Completed, (await Tickets.ReceiveMessagesAsync(10, TimeSpan.FromSeconds(5))).Count);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void DeadLetter_NoReason_Refused(string reason)
    {
        Assert.ThrowsAny<ArgumentException>(() => MessageOutcome.DeadLetter(reason, "d"));
    }

    private async Task SendAsync(params string[] ids) =>
        await _store.Messaging.GetSender(MessagingEntities.HotlineTickets).SendMessagesAsync([.. ids.Select(id => BusMessage.Json(id, "{\"hotlineTicketId\":\"" + id + "\"}"))]);
}
