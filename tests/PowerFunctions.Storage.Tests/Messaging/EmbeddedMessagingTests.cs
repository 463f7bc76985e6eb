using PowerFunctions.Storage.Messaging;

namespace PowerFunctions.Storage.Tests.Messaging;

/// <summary>What the embedded adapter does beyond the contract: its mapping onto storage queues, and its documented limits.</summary>
public sealed class EmbeddedMessagingTests(EmbeddedMessagingFixture fixture) : IClassFixture<EmbeddedMessagingFixture>
{
    private static readonly TimeSpan Patient = TimeSpan.FromSeconds(5);

    private static string NewName() => "e" + Guid.NewGuid().ToString("N")[..16];

    [Fact]
    public async Task Send_Message_OneReadableJsonEnvelopeInTheQueueOfTheSameName()
    {
        var queue = NewName();

        await fixture.Messaging.GetSender(queue).SendMessageAsync(new BusMessage("evt-1", BinaryData.FromString("{\"状态\":\"已受理\"}"))
        {
            ContentType = "application/json",
            Subject = "ticket-status",
            CorrelationId = "H-1",
            ApplicationProperties = new Dictionary<string, string> { ["ticketNo"] = "T1" },
        });

        var stored = Assert.Single(await fixture.Storage.GetQueueClient(queue).PeekMessagesAsync(32));
        Assert.Equal(
            "{\"pf-bus\":1,\"messageId\":\"evt-1\",\"contentType\":\"application/json\",\"subject\":\"ticket-status\",\"correlationId\":\"H-1\",\"properties\":{\"ticketNo\":\"T1\"},\"text\":\"{\\\"状态\\\":\\\"已受理\\\"}\"}",
            stored.MessageText);
    }

    [Fact]
    public async Task Send_BinaryBody_KeptAsBase64()
    {
        var queue = NewName();

        await fixture.Messaging.GetSender(queue).SendMessageAsync(new BusMessage("b", BinaryData.FromBytes([0xff, 0x00])));

        var stored = Assert.Single(await fixture.Storage.GetQueueClient(queue).PeekMessagesAsync(32));
        Assert.Contains("\"base64\":\"/wA=\"", stored.MessageText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeadLetter_Message_TheEnvelopeWithTheReasonGoesToNameDeadletter()
    {
        var queue = NewName();
        await fixture.Messaging.GetSender(queue).SendMessageAsync(BusMessage.Json("x", "{}"));
        var receiver = fixture.Messaging.GetReceiver(queue);

        await receiver.DeadLetterMessageAsync(Assert.Single(await receiver.ReceiveMessagesAsync(1, Patient)), "Bad", "坏的");

        Assert.Equal(0, await fixture.Storage.GetQueueClient(queue).GetApproximateCountAsync());
        var dead = Assert.Single(await fixture.Storage.GetQueueClient(queue + "-deadletter").PeekMessagesAsync(32));
        Assert.Contains("\"messageId\":\"x\"", dead.MessageText, StringComparison.Ordinal);
        Assert.Contains("\"deadLetterReason\":\"Bad\",\"deadLetterErrorDescription\":\"坏的\"", dead.MessageText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Receive_PlainTextWrittenToTheQueue_AMessageWithTheQueueMessageId()
    {
        var queue = NewName();
        var storageQueue = fixture.Storage.GetQueueClient(queue);
        await storageQueue.CreateIfNotExistsAsync();
        var sent = await storageQueue.SendMessageAsync("{\"hotlineTicketId\":\"H-9\"}");

        var message = Assert.Single(await fixture.Messaging.GetReceiver(queue).ReceiveMessagesAsync(1, Patient));

        Assert.Equal(sent.MessageId, message.MessageId);
        Assert.Equal("{\"hotlineTicketId\":\"H-9\"}", message.Body.ToString());
        Assert.Null(message.ContentType);
        Assert.Empty(message.ApplicationProperties);
    }

    [Fact]
    public async Task Send_SameMessageIdTwice_BothDelivered_NoDuplicateDetection()
    {
        var queue = NewName();
        var sender = fixture.Messaging.GetSender(queue);

        await sender.SendMessageAsync(BusMessage.Json("evt-1", "{}"));
        await sender.SendMessageAsync(BusMessage.Json("evt-1", "{}"));

        var received = await fixture.Messaging.GetReceiver(queue).ReceiveMessagesAsync(10, Patient);
        Assert.Equal(["evt-1", "evt-1"], received.Select(m => m.MessageId));
    }

    [Fact]
    public async Task Topic_TwoSubscriptions_ShareOneQueue_EachMessageGoesToOne()
    {
        var topic = NewName();
        await fixture.Messaging.GetSender(topic).SendMessageAsync(BusMessage.Json("s1", "{}"));

        var first = await fixture.Messaging.GetReceiver(topic, "hotline").ReceiveMessagesAsync(5, Patient);
        var second = await fixture.Messaging.GetReceiver(topic, "audit").ReceiveMessagesAsync(5, TimeSpan.FromMilliseconds(50));

        Assert.Single(first);
        Assert.Empty(second);
    }

    [Fact]
    public async Task Send_EnvelopeOverTheQueueLimit_RefusedAndNothingSent()
    {
        var queue = NewName();
        var sender = fixture.Messaging.GetSender(queue);
        var big = BusMessage.Json("big", new string('x', 48 * 1024));

        await Assert.ThrowsAsync<ArgumentException>(() => sender.SendMessagesAsync([BusMessage.Json("small", "{}"), big]));

        Assert.Empty(await fixture.Messaging.GetReceiver(queue).ReceiveMessagesAsync(5, TimeSpan.FromMilliseconds(50)));
    }

    [Theory]
    [InlineData("UpperCase")]
    [InlineData("dots.inside")]
    [InlineData("a_b")]
    [InlineData("double--dash")]
    [InlineData("ab")]
    [InlineData("n2345678901234567890123456789012345678901234567890123")]
    public void GetSender_NameServiceBusTakesButAStorageQueueCannot_Refused(string name)
    {
        Assert.Throws<ArgumentException>(() => fixture.Messaging.GetSender(name));
    }

    [Fact]
    public void GetSender_NameOf52Characters_Accepted()
    {
        Assert.NotNull(fixture.Messaging.GetSender("n" + new string('2', EmbeddedMessagingAccount.MaxNameLength - 1)));
    }

    [Fact]
    public async Task Disposed_Account_RefusesNewSendersAndReceivers()
    {
        var account = new EmbeddedMessagingAccount(fixture.Storage);
        await account.DisposeAsync();

        Assert.Throws<ObjectDisposedException>(() => account.GetSender("hotline-tickets"));
        Assert.Throws<ObjectDisposedException>(() => account.GetReceiver("hotline-tickets"));
    }

    [Theory]
    [InlineData(0, 10)]
    [InlineData(301, 10)]
    [InlineData(30, 0)]
    public void Options_OutOfRange_Refused(int lockSeconds, int maxDeliveryCount)
    {
        Assert.Throws<ArgumentException>(() => new EmbeddedMessagingAccount(fixture.Storage, new EmbeddedMessagingOptions
        {
            LockDuration = TimeSpan.FromSeconds(lockSeconds),
            MaxDeliveryCount = maxDeliveryCount,
        }));
    }
}
