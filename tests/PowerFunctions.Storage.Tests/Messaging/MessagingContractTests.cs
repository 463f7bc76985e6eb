using System.Diagnostics;
using PowerFunctions.Storage.Messaging;

namespace PowerFunctions.Storage.Tests.Messaging;

/// <summary>
/// The messaging port's contract, written once against <see cref="IMessagingAccount"/>: PeekLock
/// receive, complete, abandon, dead-letter, delivery counts, lock expiry, batches and topics. Run on
/// the embedded adapter over real SQLite (there is no Service Bus emulator here: the Service Bus
/// adapter is held to the SDK calls in <see cref="ServiceBusMessagingTests"/>). Every test uses its
/// own entity names, so one account serves the class.
/// </summary>
public abstract class MessagingContractTests
{
    /// <summary>Long enough for a test never to see a lock run out unless it lets it (<see cref="ExpireLocks"/>).</summary>
    public static readonly TimeSpan LockDurationForTests = TimeSpan.FromSeconds(30);

    /// <summary>The entities' max delivery count in these tests.</summary>
    public const int MaxDeliveryCountForTests = 3;

    protected static readonly TimeSpan LockDuration = LockDurationForTests;

    protected const int MaxDeliveryCount = MaxDeliveryCountForTests;

    private static readonly TimeSpan Short = TimeSpan.FromMilliseconds(50);

    private static readonly TimeSpan Patient = TimeSpan.FromSeconds(5);

    protected abstract IMessagingAccount Account { get; }

    /// <summary>The broker's clock, now.</summary>
    protected abstract DateTimeOffset Now { get; }

    /// <summary>Lets every lock held now run out.</summary>
    protected abstract void ExpireLocks();

    protected static string NewName() => "m" + Guid.NewGuid().ToString("N")[..16];

    protected static BusMessage Ticket(string id, string text = "{\"hotlineTicketId\":\"H-1\",\"subject\":\"噪音扰民\"}") =>
        BusMessage.Json(id, text);

    [Fact]
    public async Task Send_OneMessage_ReceivedWithEveryFieldLockedForTheLockDuration()
    {
        var queue = NewName();
        var sent = new BusMessage("evt-1", BinaryData.FromString("{\"状态\":\"已受理\"}"))
        {
            ContentType = "application/json",
            Subject = "ticket-status",
            CorrelationId = "H-20260918-0001",
            ApplicationProperties = new Dictionary<string, string> { ["ticketNo"] = "T1", ["状态"] = "已受理" },
        };
        await Account.GetSender(queue).SendMessageAsync(sent);

        var received = Assert.Single(await Account.GetReceiver(queue).ReceiveMessagesAsync(10, Patient));

        Assert.Equal("evt-1", received.MessageId);
        Assert.Equal("{\"状态\":\"已受理\"}", received.Body.ToString());
        Assert.Equal("application/json", received.ContentType);
        Assert.Equal("ticket-status", received.Subject);
        Assert.Equal("H-20260918-0001", received.CorrelationId);
        Assert.Equal(sent.ApplicationProperties, received.ApplicationProperties);
        Assert.Equal(1, received.DeliveryCount);
        Assert.Equal(Now, received.EnqueuedTime);
        Assert.Equal(Now + LockDuration, received.LockedUntil);
        Assert.Null(received.DeadLetterReason);
    }

    [Fact]
    public async Task Receive_MessageLocked_OtherReceiveGetsNothingUntilSettled()
    {
        var queue = NewName();
        await Account.GetSender(queue).SendMessageAsync(Ticket("a"));
        var receiver = Account.GetReceiver(queue);
        var first = Assert.Single(await receiver.ReceiveMessagesAsync(10, Patient));

        Assert.Empty(await receiver.ReceiveMessagesAsync(10, Short));
        await receiver.CompleteMessageAsync(first);
        Assert.Empty(await receiver.ReceiveMessagesAsync(10, Short));
    }

    [Fact]
    public async Task Abandon_Message_DeliveredAgainWithTheCountRaised()
    {
        var queue = NewName();
        await Account.GetSender(queue).SendMessageAsync(Ticket("a"));
        var receiver = Account.GetReceiver(queue);
        var first = Assert.Single(await receiver.ReceiveMessagesAsync(1, Patient));

        await receiver.AbandonMessageAsync(first);
        var second = Assert.Single(await receiver.ReceiveMessagesAsync(1, Patient));

        Assert.Equal("a", second.MessageId);
        Assert.Equal(2, second.DeliveryCount);
        Assert.Equal(first.Body.ToString(), second.Body.ToString());
    }

    [Fact]
    public async Task LockExpires_MessageDeliveredAgainAndTheFirstLockIsLost()
    {
        var queue = NewName();
        await Account.GetSender(queue).SendMessageAsync(Ticket("a"));
        var receiver = Account.GetReceiver(queue);
        var first = Assert.Single(await receiver.ReceiveMessagesAsync(1, Patient));

        ExpireLocks();
        var second = Assert.Single(await receiver.ReceiveMessagesAsync(1, Patient));

        Assert.Equal(2, second.DeliveryCount);
        var lost = await Assert.ThrowsAsync<MessageLockLostException>(() => receiver.CompleteMessageAsync(first));
        Assert.Equal("a", lost.MessageId);
        Assert.Equal(queue, lost.EntityPath);
        await Assert.ThrowsAsync<MessageLockLostException>(() => receiver.AbandonMessageAsync(first));
        await Assert.ThrowsAsync<MessageLockLostException>(() => receiver.DeadLetterMessageAsync(first, "r", "d"));
        await receiver.CompleteMessageAsync(second);
        Assert.Empty(await receiver.ReceiveMessagesAsync(1, Short));
        Assert.Empty(await Account.GetReceiver(queue, BusSubQueue.DeadLetter).ReceiveMessagesAsync(1, Short));
    }

    [Fact]
    public async Task Complete_Twice_SecondLosesTheLock()
    {
        var queue = NewName();
        await Account.GetSender(queue).SendMessageAsync(Ticket("a"));
        var receiver = Account.GetReceiver(queue);
        var message = Assert.Single(await receiver.ReceiveMessagesAsync(1, Patient));

        await receiver.CompleteMessageAsync(message);

        await Assert.ThrowsAsync<MessageLockLostException>(() => receiver.CompleteMessageAsync(message));
    }

    [Fact]
    public async Task Abandon_ThenComplete_TheAbandonedLockIsLost()
    {
        var queue = NewName();
        await Account.GetSender(queue).SendMessageAsync(Ticket("a"));
        var receiver = Account.GetReceiver(queue);
        var message = Assert.Single(await receiver.ReceiveMessagesAsync(1, Patient));

        await receiver.AbandonMessageAsync(message);

        await Assert.ThrowsAsync<MessageLockLostException>(() => receiver.CompleteMessageAsync(message));
        Assert.Single(await receiver.ReceiveMessagesAsync(1, Patient));
    }

    [Fact]
    public async Task DeadLetter_Message_MovedToTheDeadLetterQueueWithReasonAndDescription()
    {
        var queue = NewName();
        await Account.GetSender(queue).SendMessageAsync(new BusMessage("bad-1", BinaryData.FromString("不是 JSON"))
        {
            Subject = "hotline-ticket",
            ApplicationProperties = new Dictionary<string, string> { ["source"] = "12345" },
        });
        var receiver = Account.GetReceiver(queue);
        var message = Assert.Single(await receiver.ReceiveMessagesAsync(1, Patient));

        await receiver.DeadLetterMessageAsync(message, "MalformedTicket", "工单不是合法的 JSON");

        Assert.Empty(await receiver.ReceiveMessagesAsync(1, Short));
        var deadLetters = Account.GetReceiver(queue, BusSubQueue.DeadLetter);
        Assert.Equal(queue + "/$deadletterqueue", deadLetters.EntityPath);
        var dead = Assert.Single(await deadLetters.ReceiveMessagesAsync(10, Patient));
        Assert.Equal("bad-1", dead.MessageId);
        Assert.Equal("不是 JSON", dead.Body.ToString());
        Assert.Equal("hotline-ticket", dead.Subject);
        Assert.Equal("12345", dead.ApplicationProperties["source"]);
        Assert.Equal("MalformedTicket", dead.DeadLetterReason);
        Assert.Equal("工单不是合法的 JSON", dead.DeadLetterErrorDescription);
        await deadLetters.CompleteMessageAsync(dead);
        Assert.Empty(await deadLetters.ReceiveMessagesAsync(1, Short));
    }

    [Fact]
    public async Task Abandon_BeyondMaxDeliveryCount_TheBrokerDeadLettersIt()
    {
        var queue = NewName();
        await Account.GetSender(queue).SendMessageAsync(Ticket("flaky"));
        var receiver = Account.GetReceiver(queue);
        for (var delivery = 1; delivery <= MaxDeliveryCount; delivery++)
        {
            var message = Assert.Single(await receiver.ReceiveMessagesAsync(1, Patient));
            Assert.Equal(delivery, message.DeliveryCount);
            await receiver.AbandonMessageAsync(message);
        }

        Assert.Empty(await receiver.ReceiveMessagesAsync(1, Short));
        var dead = Assert.Single(await Account.GetReceiver(queue, BusSubQueue.DeadLetter).ReceiveMessagesAsync(1, Patient));
        Assert.Equal("flaky", dead.MessageId);
        Assert.Equal("MaxDeliveryCountExceeded", dead.DeadLetterReason);
    }

    [Fact]
    public async Task SendMessages_ABatch_ReceivedInBatchesOfAtMostTheMaximum()
    {
        var queue = NewName();
        var ids = Enumerable.Range(1, 7).Select(i => $"evt-{i}").ToList();
        await Account.GetSender(queue).SendMessagesAsync([.. ids.Select(id => Ticket(id))]);
        var receiver = Account.GetReceiver(queue);

        var first = await receiver.ReceiveMessagesAsync(4, Patient);
        var second = await receiver.ReceiveMessagesAsync(4, Patient);

        Assert.Equal(4, first.Count);
        Assert.Equal(3, second.Count);
        Assert.Equal(ids, first.Concat(second).Select(m => m.MessageId).Order(StringComparer.Ordinal));
        foreach (var message in first.Concat(second))
        {
            await receiver.CompleteMessageAsync(message);
        }

        Assert.Empty(await receiver.ReceiveMessagesAsync(4, Short));
    }

    [Fact]
    public async Task SendMessages_Empty_SendsNothing()
    {
        var queue = NewName();

        await Account.GetSender(queue).SendMessagesAsync([]);

        Assert.Empty(await Account.GetReceiver(queue).ReceiveMessagesAsync(1, Short));
    }

    [Fact]
    public async Task Receive_EmptyQueue_WaitsTheMaxWaitThenAnswersEmpty()
    {
        var receiver = Account.GetReceiver(NewName());
        var wait = TimeSpan.FromMilliseconds(300);
        var started = Stopwatch.GetTimestamp();

        var received = await receiver.ReceiveMessagesAsync(5, wait);

        Assert.Empty(received);
        var elapsed = Stopwatch.GetElapsedTime(started);
        Assert.True(elapsed >= wait - TimeSpan.FromMilliseconds(20), $"answered after {elapsed}, before the {wait} wait");
    }

    [Fact]
    public async Task Receive_MessageArrivesWhileWaiting_AnswersWithIt()
    {
        var queue = NewName();
        var receiver = Account.GetReceiver(queue);

        var receiving = receiver.ReceiveMessagesAsync(5, TimeSpan.FromSeconds(30));
        await Task.Delay(150);
        await Account.GetSender(queue).SendMessageAsync(Ticket("late"));

        var received = await receiving.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("late", Assert.Single(received).MessageId);
    }

    [Fact]
    public async Task Topic_SubscriptionReceiver_GetsWhatTheTopicSenderSent()
    {
        var topic = NewName();
        await Account.GetSender(topic).SendMessageAsync(Ticket("status-1"));
        var subscription = Account.GetReceiver(topic, "hotline");

        var message = Assert.Single(await subscription.ReceiveMessagesAsync(5, Patient));

        Assert.Equal(topic + "/Subscriptions/hotline", subscription.EntityPath);
        Assert.Equal("status-1", message.MessageId);
        await subscription.DeadLetterMessageAsync(message, "Unwanted", "test");
        var dead = Assert.Single(await Account.GetReceiver(topic, "hotline", BusSubQueue.DeadLetter).ReceiveMessagesAsync(5, Patient));
        Assert.Equal("Unwanted", dead.DeadLetterReason);
    }

    [Fact]
    public async Task Send_BinaryBody_ReceivedByteForByte()
    {
        var queue = NewName();
        byte[] bytes = [0xff, 0xfe, 0x00, 0x80, 0x41];
        await Account.GetSender(queue).SendMessageAsync(new BusMessage("bin", BinaryData.FromBytes(bytes)) { ContentType = "application/octet-stream" });

        var message = Assert.Single(await Account.GetReceiver(queue).ReceiveMessagesAsync(1, Patient));

        Assert.Equal(bytes, message.Body.ToArray());
        Assert.Equal("application/octet-stream", message.ContentType);
    }

    [Fact]
    public async Task Settle_MessageOfAnotherReceiver_RefusedAndTheMessageStaysLocked()
    {
        var queue = NewName();
        await Account.GetSender(queue).SendMessageAsync(Ticket("a"));
        var message = Assert.Single(await Account.GetReceiver(queue).ReceiveMessagesAsync(1, Patient));
        var other = Account.GetReceiver(queue, BusSubQueue.DeadLetter);

        await Assert.ThrowsAsync<ArgumentException>(() => other.CompleteMessageAsync(message));
        await Assert.ThrowsAsync<ArgumentException>(() => other.CompleteMessageAsync(new BusReceivedMessage("a", BinaryData.Empty, 1, Now, Now)));

        await Account.GetReceiver(queue).CompleteMessageAsync(message);
    }

    [Fact]
    public async Task DeadLetter_NoReason_RefusedAndTheMessageIsUntouched()
    {
        var queue = NewName();
        await Account.GetSender(queue).SendMessageAsync(Ticket("a"));
        var receiver = Account.GetReceiver(queue);
        var message = Assert.Single(await receiver.ReceiveMessagesAsync(1, Patient));

        await Assert.ThrowsAsync<ArgumentException>(() => receiver.DeadLetterMessageAsync(message, " ", "d"));

        Assert.Empty(await Account.GetReceiver(queue, BusSubQueue.DeadLetter).ReceiveMessagesAsync(1, Short));
        await receiver.CompleteMessageAsync(message);
    }

    [Fact]
    public async Task DeadLetter_MessageOfTheDeadLetterQueue_Refused()
    {
        var queue = NewName();
        await Account.GetSender(queue).SendMessageAsync(Ticket("a"));
        var receiver = Account.GetReceiver(queue);
        await receiver.DeadLetterMessageAsync(Assert.Single(await receiver.ReceiveMessagesAsync(1, Patient)), "r", "d");
        var deadLetters = Account.GetReceiver(queue, BusSubQueue.DeadLetter);
        var dead = Assert.Single(await deadLetters.ReceiveMessagesAsync(1, Patient));

        await Assert.ThrowsAsync<InvalidOperationException>(() => deadLetters.DeadLetterMessageAsync(dead, "again", "d"));
    }

    [Theory]
    [InlineData(0, 1000)]
    [InlineData(-1, 1000)]
    [InlineData(1, 0)]
    [InlineData(1, -5)]
    public async Task Receive_BadCountOrWait_Refused(int maxMessages, int waitMilliseconds)
    {
        var receiver = Account.GetReceiver(NewName());

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => receiver.ReceiveMessagesAsync(maxMessages, TimeSpan.FromMilliseconds(waitMilliseconds)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("-leading-dash")]
    [InlineData("has space")]
    [InlineData("slash/inside")]
    public void GetSenderOrReceiver_BadEntityName_Refused(string name)
    {
        Assert.Throws<ArgumentException>(() => Account.GetSender(name));
        Assert.Throws<ArgumentException>(() => Account.GetReceiver(name));
        Assert.Throws<ArgumentException>(() => Account.GetReceiver(name, "sub"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("sub/x")]
    [InlineData("ends-with-dash-")]
    [InlineData("a23456789012345678901234567890123456789012345678901")]
    public void GetReceiver_BadSubscriptionName_Refused(string subscription)
    {
        Assert.Throws<ArgumentException>(() => Account.GetReceiver(NewName(), subscription));
    }

    [Fact]
    public void GetSenderAndReceiver_SameEntity_TheSameCachedInstance()
    {
        var name = NewName();

        Assert.Same(Account.GetSender(name), Account.GetSender(name));
        Assert.Same(Account.GetReceiver(name), Account.GetReceiver(name));
        Assert.Same(Account.GetReceiver(name, "s"), Account.GetReceiver(name, "s"));
        Assert.NotSame(Account.GetReceiver(name), Account.GetReceiver(name, BusSubQueue.DeadLetter));
    }
}
