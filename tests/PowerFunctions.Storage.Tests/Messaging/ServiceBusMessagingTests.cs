using Azure.Messaging.ServiceBus;
using PowerFunctions.Storage.Messaging;

namespace PowerFunctions.Storage.Tests.Messaging;

/// <summary>
/// The Service Bus adapter held to the SDK: fake <see cref="ServiceBusClient"/>, <see cref="ServiceBusSender"/>
/// and <see cref="ServiceBusReceiver"/> subclasses (their members are virtual for this) record every call,
/// received messages come from <see cref="ServiceBusModelFactory"/>. No broker runs: there is no Service
/// Bus emulator here, so what the broker itself does (locks, duplicate detection, dead-lettering) is
/// not exercised; the embedded contract suite covers those semantics on the port.
/// </summary>
public sealed class ServiceBusMessagingTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Enqueued = new(2026, 9, 18, 1, 30, 0, TimeSpan.Zero);

    private readonly FakeServiceBusClient _client = new();
    private readonly ServiceBusMessagingAccount _account;

    public ServiceBusMessagingTests()
    {
        _account = new ServiceBusMessagingAccount(_client);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _account.DisposeAsync();

    [Fact]
    public void GetSender_SameNameTwice_OneSdkSender()
    {
        Assert.Same(_account.GetSender("ticket-status"), _account.GetSender("ticket-status"));

        Assert.Equal(["CreateSender(ticket-status)"], _client.Calls);
        Assert.Equal("ticket-status", _account.GetSender("ticket-status").EntityPath);
        Assert.Equal("ServiceBus", _account.Provider);
    }

    [Fact]
    public async Task SendMessage_EveryFieldOnTheSdkMessage()
    {
        await _account.GetSender("ticket-status").SendMessageAsync(new BusMessage("T1-e-000000003", BinaryData.FromString("{\"state\":\"answered\"}"))
        {
            ContentType = "application/json",
            Subject = "complaint-answered",
            CorrelationId = "H-20260918-0001",
            ApplicationProperties = new Dictionary<string, string> { ["ticketNo"] = "T1", ["状态"] = "已答复" },
        });

        var sender = _client.Senders["ticket-status"];
        Assert.Equal(["SendMessageAsync"], sender.Calls);
        var sent = Assert.Single(Assert.Single(sender.Sent));
        Assert.Equal("T1-e-000000003", sent.MessageId);
        Assert.Equal("{\"state\":\"answered\"}", sent.Body.ToString());
        Assert.Equal("application/json", sent.ContentType);
        Assert.Equal("complaint-answered", sent.Subject);
        Assert.Equal("H-20260918-0001", sent.CorrelationId);
        Assert.Equal(new Dictionary<string, object> { ["ticketNo"] = "T1", ["状态"] = "已答复" }, sent.ApplicationProperties);
    }

    [Fact]
    public async Task SendMessages_MoreThanABatchHolds_SentInOrderInBatchesThatFit()
    {
        var sender = _account.GetSender("ticket-status");
        var fake = _client.Senders["ticket-status"];
        fake.BatchCapacity = 2;

        await sender.SendMessagesAsync([.. Enumerable.Range(1, 5).Select(i => BusMessage.Json($"e{i}", "{}"))]);

        Assert.Equal(
            ["CreateMessageBatchAsync", "SendMessagesAsync(batch of 2)", "CreateMessageBatchAsync", "SendMessagesAsync(batch of 2)", "CreateMessageBatchAsync", "SendMessagesAsync(batch of 1)"],
            fake.Calls);
        Assert.Equal([["e1", "e2"], ["e3", "e4"], ["e5"]], fake.Sent.Select(b => b.Select(m => m.MessageId).ToArray()));
    }

    [Fact]
    public async Task SendMessages_OneLargerThanAnyBatch_RefusedAfterSendingThoseBeforeIt()
    {
        var sender = _account.GetSender("ticket-status");
        var fake = _client.Senders["ticket-status"];
        fake.TooLarge.Add("huge");

        var error = await Assert.ThrowsAsync<ArgumentException>(() => sender.SendMessagesAsync([BusMessage.Json("e1", "{}"), BusMessage.Json("huge", "{}"), BusMessage.Json("e3", "{}")]));

        Assert.Contains("huge", error.Message, StringComparison.Ordinal);
        Assert.Equal([["e1"]], fake.Sent.Select(b => b.Select(m => m.MessageId).ToArray()));
    }

    [Fact]
    public async Task SendMessages_Empty_NoSdkCall()
    {
        var sender = _account.GetSender("ticket-status");

        await sender.SendMessagesAsync([]);

        Assert.Empty(_client.Senders["ticket-status"].Calls);
    }

    [Fact]
    public void GetReceiver_QueueOrSubscription_PeekLockWithoutPrefetchOnTheRightSubQueue()
    {
        var queue = _account.GetReceiver("hotline-tickets");
        var deadLetters = _account.GetReceiver("hotline-tickets", BusSubQueue.DeadLetter);
        var subscription = _account.GetReceiver("ticket-status", "hotline");

        Assert.Equal(["CreateReceiver(hotline-tickets, None)", "CreateReceiver(hotline-tickets, DeadLetter)", "CreateReceiver(ticket-status, hotline, None)"], _client.Calls);
        Assert.All(_client.ReceiverOptions, o =>
        {
            Assert.Equal(ServiceBusReceiveMode.PeekLock, o.ReceiveMode);
            Assert.Equal(0, o.PrefetchCount);
        });
        Assert.Equal("hotline-tickets", queue.EntityPath);
        Assert.Equal("hotline-tickets/$deadletterqueue", deadLetters.EntityPath);
        Assert.Equal("ticket-status/Subscriptions/hotline", subscription.EntityPath);
        Assert.Same(queue, _account.GetReceiver("hotline-tickets"));
        Assert.Equal(3, _client.Calls.Count);
    }

    [Fact]
    public async Task Receive_SdkMessages_EveryFieldMappedAndPropertiesAsText()
    {
        var receiver = _account.GetReceiver("hotline-tickets");
        var fake = _client.Receivers["hotline-tickets|None"];
        var lockedUntil = Enqueued.AddMinutes(1);
        fake.ToReceive.Enqueue(
        [
            ServiceBusModelFactory.ServiceBusReceivedMessage(
                body: BinaryData.FromString("{\"hotlineTicketId\":\"H-1\"}"),
                messageId: "H-1",
                correlationId: "c-1",
                subject: "hotline-ticket",
                contentType: "application/json",
                properties: new Dictionary<string, object>
                {
                    ["source"] = "12345",
                    ["priority"] = 2,
                    ["urgent"] = true,
                    ["at"] = Enqueued,
                    ["score"] = 1.5,
                },
                lockTokenGuid: Guid.NewGuid(),
                deliveryCount: 3,
                lockedUntil: lockedUntil,
                enqueuedTime: Enqueued),
        ]);

        var message = Assert.Single(await receiver.ReceiveMessagesAsync(16, TimeSpan.FromSeconds(2)));

        Assert.Equal(["ReceiveMessagesAsync(16, 00:00:02)"], fake.Calls);
        Assert.Equal("H-1", message.MessageId);
        Assert.Equal("{\"hotlineTicketId\":\"H-1\"}", message.Body.ToString());
        Assert.Equal("c-1", message.CorrelationId);
        Assert.Equal("hotline-ticket", message.Subject);
        Assert.Equal("application/json", message.ContentType);
        Assert.Equal(3, message.DeliveryCount);
        Assert.Equal(Enqueued, message.EnqueuedTime);
        Assert.Equal(lockedUntil, message.LockedUntil);
        Assert.Equal(
            new Dictionary<string, string> { ["source"] = "12345", ["priority"] = "2", ["urgent"] = "true", ["at"] = "2026-09-18T01:30:00.0000000+00:00", ["score"] = "1.5" },
            message.ApplicationProperties);
        Assert.Null(message.DeadLetterReason);
    }

    [Fact]
    public async Task Receive_DeadLetteredSdkMessage_ReasonAndDescription()
    {
        var receiver = _account.GetReceiver("hotline-tickets", BusSubQueue.DeadLetter);
        _client.Receivers["hotline-tickets|DeadLetter"].ToReceive.Enqueue(
        [
            ServiceBusModelFactory.ServiceBusReceivedMessage(
                messageId: "H-2",
                properties: new Dictionary<string, object> { ["DeadLetterReason"] = "MaxDeliveryCountExceeded", ["DeadLetterErrorDescription"] = "too many" }),
        ]);

        var message = Assert.Single(await receiver.ReceiveMessagesAsync(1, TimeSpan.FromSeconds(1)));

        Assert.Equal("MaxDeliveryCountExceeded", message.DeadLetterReason);
        Assert.Equal("too many", message.DeadLetterErrorDescription);
    }

    [Fact]
    public async Task Settle_EachWay_TheMatchingSdkCallWithTheReceivedSdkMessage()
    {
        var receiver = _account.GetReceiver("hotline-tickets");
        var fake = _client.Receivers["hotline-tickets|None"];
        var sdk = new[] { Sdk("m1"), Sdk("m2"), Sdk("m3") };
        fake.ToReceive.Enqueue(sdk);
        var received = await receiver.ReceiveMessagesAsync(3, TimeSpan.FromSeconds(1));

        await receiver.CompleteMessageAsync(received[0]);
        await receiver.AbandonMessageAsync(received[1]);
        await receiver.DeadLetterMessageAsync(received[2], "MalformedTicket", "工单缺少 hotlineTicketId");

        Assert.Equal(
            ["ReceiveMessagesAsync(3, 00:00:01)", "CompleteMessageAsync(m1)", "AbandonMessageAsync(m2, null)", "DeadLetterMessageAsync(m3, MalformedTicket, 工单缺少 hotlineTicketId)"],
            fake.Calls);
        Assert.Equal(sdk, fake.Settled);
    }

    [Fact]
    public async Task Settle_SdkSaysLockLost_MessageLockLostExceptionWrappingIt()
    {
        var receiver = _account.GetReceiver("hotline-tickets");
        var fake = _client.Receivers["hotline-tickets|None"];
        fake.ToReceive.Enqueue([Sdk("m1")]);
        var message = Assert.Single(await receiver.ReceiveMessagesAsync(1, TimeSpan.FromSeconds(1)));
        var lockLost = new ServiceBusException("lock lost", ServiceBusFailureReason.MessageLockLost);
        fake.SettleFailure = lockLost;

        var complete = await Assert.ThrowsAsync<MessageLockLostException>(() => receiver.CompleteMessageAsync(message));
        await Assert.ThrowsAsync<MessageLockLostException>(() => receiver.AbandonMessageAsync(message));
        await Assert.ThrowsAsync<MessageLockLostException>(() => receiver.DeadLetterMessageAsync(message, "r", "d"));

        Assert.Same(lockLost, complete.InnerException);
        Assert.Equal("m1", complete.MessageId);
        Assert.Equal("hotline-tickets", complete.EntityPath);
    }

    [Fact]
    public async Task Settle_OtherSdkFailure_PassesThroughUnchanged()
    {
        var receiver = _account.GetReceiver("hotline-tickets");
        var fake = _client.Receivers["hotline-tickets|None"];
        fake.ToReceive.Enqueue([Sdk("m1")]);
        var message = Assert.Single(await receiver.ReceiveMessagesAsync(1, TimeSpan.FromSeconds(1)));
        fake.SettleFailure = new ServiceBusException("busy", ServiceBusFailureReason.ServiceBusy);

        var error = await Assert.ThrowsAsync<ServiceBusException>(() => receiver.CompleteMessageAsync(message));

        Assert.Equal(ServiceBusFailureReason.ServiceBusy, error.Reason);
    }

    [Fact]
    public async Task Settle_MessageOfAnotherReceiver_RefusedWithoutAnSdkCall()
    {
        var tickets = _account.GetReceiver("hotline-tickets");
        var other = _account.GetReceiver("other-queue");
        _client.Receivers["hotline-tickets|None"].ToReceive.Enqueue([Sdk("m1")]);
        var message = Assert.Single(await tickets.ReceiveMessagesAsync(1, TimeSpan.FromSeconds(1)));

        await Assert.ThrowsAsync<ArgumentException>(() => other.CompleteMessageAsync(message));
        await Assert.ThrowsAsync<ArgumentException>(() => tickets.CompleteMessageAsync(new BusReceivedMessage("m1", BinaryData.Empty, 1, Enqueued, Enqueued)));

        Assert.Empty(_client.Receivers["other-queue|None"].Calls);
        Assert.DoesNotContain(_client.Receivers["hotline-tickets|None"].Calls, c => c.StartsWith("Complete", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DeadLetter_NoReason_RefusedWithoutAnSdkCall()
    {
        var receiver = _account.GetReceiver("hotline-tickets");
        var fake = _client.Receivers["hotline-tickets|None"];
        fake.ToReceive.Enqueue([Sdk("m1")]);
        var message = Assert.Single(await receiver.ReceiveMessagesAsync(1, TimeSpan.FromSeconds(1)));

        await Assert.ThrowsAsync<ArgumentException>(() => receiver.DeadLetterMessageAsync(message, "", "d"));

        Assert.Equal(["ReceiveMessagesAsync(1, 00:00:01)"], fake.Calls);
    }

    [Theory]
    [InlineData(0, 1000)]
    [InlineData(1, 0)]
    public async Task Receive_BadCountOrWait_RefusedWithoutAnSdkCall(int maxMessages, int waitMilliseconds)
    {
        var receiver = _account.GetReceiver("hotline-tickets");

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => receiver.ReceiveMessagesAsync(maxMessages, TimeSpan.FromMilliseconds(waitMilliseconds)));

        Assert.Empty(_client.Receivers["hotline-tickets|None"].Calls);
    }

    [Fact]
    public async Task Dispose_Account_ClosesEverySenderAndReceiverThenTheClient()
    {
        _account.GetSender("ticket-status");
        _account.GetReceiver("hotline-tickets");
        _account.GetReceiver("ticket-status", "hotline");

        await _account.DisposeAsync();

        Assert.True(_client.Senders["ticket-status"].Disposed);
        Assert.All(_client.Receivers.Values, r => Assert.True(r.Disposed));
        Assert.True(_client.Disposed);
        Assert.Throws<ObjectDisposedException>(() => _account.GetSender("ticket-status"));
    }

    [Fact]
    public async Task FromConnectionStringOrNamespace_NoBrokerReached_BuildsAndDisposesOffline()
    {
        await using var byKey = ServiceBusMessagingAccount.FromConnectionString("Endpoint=sb://pf.servicebus.chinacloudapi.cn/;SharedAccessKeyName=send;SharedAccessKey=bm90LWEta2V5");
        await using var byIdentity = ServiceBusMessagingAccount.FromNamespace("pf.servicebus.chinacloudapi.cn", new Azure.Identity.DefaultAzureCredential());

        Assert.Equal("hotline-tickets", byKey.GetReceiver("hotline-tickets").EntityPath);
        Assert.Equal("ticket-status", byIdentity.GetSender("ticket-status").EntityPath);
    }

    [Fact]
    public void ClientOptions_RetryExponentiallyWithBoundedTries()
    {
        var options = ServiceBusMessagingAccount.ClientOptions();

        Assert.Equal(ServiceBusTransportType.AmqpTcp, options.TransportType);
        Assert.Equal(ServiceBusRetryMode.Exponential, options.RetryOptions.Mode);
        Assert.Equal(3, options.RetryOptions.MaxRetries);
        Assert.Equal(TimeSpan.FromSeconds(10), options.RetryOptions.MaxDelay);
        Assert.Equal(TimeSpan.FromSeconds(30), options.RetryOptions.TryTimeout);
    }

    private static ServiceBusReceivedMessage Sdk(string messageId) =>
        ServiceBusModelFactory.ServiceBusReceivedMessage(body: BinaryData.FromString("{}"), messageId: messageId, lockTokenGuid: Guid.NewGuid(), deliveryCount: 1, enqueuedTime: Enqueued);
}
