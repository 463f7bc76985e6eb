using System.Text;
using Azure;
using Microsoft.Extensions.Logging;
using PowerFunctions.Storage.AzureStorage;
using PowerFunctions.Tests.Shared;

namespace PowerFunctions.Storage.Tests.AzureStorage;

/// <summary>The Azure queue client against a real Azurite: base64 on the wire, send, receive, peek, delete, visibility, counts, limits.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class AzuriteQueueTests(Azurite azurite)
{
    private async Task<IQueueClient> NewQueueAsync()
    {
        var queue = azurite.CreateAccount().GetQueueClient("q" + Guid.NewGuid().ToString("N"));
        await queue.CreateIfNotExistsAsync();
        await queue.CreateIfNotExistsAsync();
        return queue;
    }

    [Fact]
    public async Task SendReceiveDelete_Text_RoundTripsAndCounts()
    {
        var queue = await NewQueueAsync();
        const string text = "{\"caseId\":\"A-1\",\"note\":\"<投诉> & 'x'\"}";

        var receipt = await queue.SendMessageAsync(text);
        Assert.Equal(1, await queue.GetApproximateCountAsync());
        var peeked = Assert.Single(await queue.PeekMessagesAsync(32));
        var received = Assert.Single(await queue.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(1)));

        Assert.Equal(text, peeked.MessageText);
        Assert.Equal(0, peeked.DequeueCount);
        Assert.Equal(receipt.MessageId, received.MessageId);
        Assert.Equal(text, received.MessageText);
        Assert.Equal(1, received.DequeueCount);
        Assert.NotNull(received.NextVisibleOn);
        Assert.Empty(await queue.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(1)));

        await queue.DeleteMessageAsync(received.MessageId, received.PopReceipt);

        Assert.Equal(0, await queue.GetApproximateCountAsync());
    }

    [Fact]
    public async Task Delete_StalePopReceipt_Throws404MessageNotFound()
    {
        var queue = await NewQueueAsync();
        await queue.SendMessageAsync("x");
        var received = Assert.Single(await queue.ReceiveMessagesAsync(1, TimeSpan.FromMinutes(1)));
        var newReceipt = await queue.UpdateVisibilityAsync(received.MessageId, received.PopReceipt, TimeSpan.FromMinutes(1));

        var e = await Assert.ThrowsAsync<RequestFailedException>(() => queue.DeleteMessageAsync(received.MessageId, received.PopReceipt));

        Assert.Equal(404, e.Status);
        Assert.Equal(StorageErrorCodes.MessageNotFound, e.ErrorCode);
        await queue.DeleteMessageAsync(received.MessageId, newReceipt);
        Assert.Equal(0, await queue.GetApproximateCountAsync());
    }

    [Fact]
    public async Task UpdateVisibility_Zero_MakesItVisibleAgainWithHigherDequeueCount()
    {
        var queue = await NewQueueAsync();
        await queue.SendMessageAsync("again");
        var first = Assert.Single(await queue.ReceiveMessagesAsync(1, TimeSpan.FromMinutes(5)));

        await queue.UpdateVisibilityAsync(first.MessageId, first.PopReceipt, TimeSpan.Zero);
        var second = Assert.Single(await queue.ReceiveMessagesAsync(1, TimeSpan.FromMinutes(5)));

        Assert.Equal(first.MessageId, second.MessageId);
        Assert.Equal(2, second.DequeueCount);
    }

    [Fact]
    public async Task Send_WithDelay_StaysHidden()
    {
        var queue = await NewQueueAsync();

        await queue.SendMessageAsync("later", visibilityDelay: TimeSpan.FromMinutes(10), timeToLive: TimeSpan.FromHours(1));

        Assert.Empty(await queue.PeekMessagesAsync(32));
        Assert.Equal(1, await queue.GetApproximateCountAsync());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(33)]
    public async Task Receive_OutOfRangeCount_Throws400(int count)
    {
        var queue = await NewQueueAsync();

        var e = await Assert.ThrowsAsync<RequestFailedException>(() => queue.ReceiveMessagesAsync(count, TimeSpan.FromSeconds(30)));

        Assert.Equal(400, e.Status);
    }

    [Theory]
    [InlineData("hello")]
    [InlineData("{\"case\":\"许可\",\"x\":\"<&>\"}")]
    public async Task Send_OnTheWire_IsBase64OfUtf8AsTheFunctionsTriggerReadsIt(string text)
    {
        var queue = await NewQueueAsync();

        await queue.SendMessageAsync(text);
        var raw = Assert.Single((await RawQueue(queue.Name).PeekMessagesAsync(1)).Value);

        Assert.Equal(Convert.ToBase64String(Encoding.UTF8.GetBytes(text)), raw.Body.ToString());
    }

    [Fact]
    public async Task Receive_Base64FromAnotherProducer_ReadsTheText()
    {
        var queue = await NewQueueAsync();

        await RawQueue(queue.Name).SendMessageAsync(Convert.ToBase64String(Encoding.UTF8.GetBytes("来自别处")));

        Assert.Equal("来自别处", Assert.Single(await queue.ReceiveMessagesAsync(1, TimeSpan.FromSeconds(30))).MessageText);
    }

    [Fact]
    public async Task Receive_MessageNotInBase64_IsSkippedWithAWarning()
    {
        var logger = new RecordingLogger();
        var queue = AzureStorageAccount.FromConnectionString(azurite.ConnectionString, new AzureStorageOptions { Logger = logger }).GetQueueClient("q" + Guid.NewGuid().ToString("N"));
        await queue.CreateIfNotExistsAsync();
        await RawQueue(queue.Name).SendMessageAsync("plain text, not base64!");

        var received = await queue.ReceiveMessagesAsync(32, TimeSpan.FromSeconds(30));

        Assert.Empty(received);
        Assert.Contains(logger.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("not base64", StringComparison.Ordinal));
        Assert.Equal(1, await queue.GetApproximateCountAsync());
    }

    [Fact]
    public async Task UpdateVisibility_KeepsTheMessageText()
    {
        var queue = await NewQueueAsync();
        await queue.SendMessageAsync("keep me");
        var first = Assert.Single(await queue.ReceiveMessagesAsync(1, TimeSpan.FromMinutes(5)));

        await queue.UpdateVisibilityAsync(first.MessageId, first.PopReceipt, TimeSpan.Zero);

        Assert.Equal("keep me", Assert.Single(await queue.ReceiveMessagesAsync(1, TimeSpan.FromMinutes(5))).MessageText);
    }

    [Fact]
    public async Task Send_TimeToLiveForever_IsAccepted()
    {
        var queue = await NewQueueAsync();

        await queue.SendMessageAsync("forever", timeToLive: Timeout.InfiniteTimeSpan);

        Assert.Equal("forever", Assert.Single(await queue.PeekMessagesAsync(1)).MessageText);
    }

    [Fact]
    public async Task Send_Over48KiBOfUtf8_Throws400AndSendsNothing()
    {
        var queue = await NewQueueAsync();

        await queue.SendMessageAsync(new string('x', AzureQueueClient.MaxMessageBytes));
        var e = await Assert.ThrowsAsync<RequestFailedException>(() => queue.SendMessageAsync(new string('x', AzureQueueClient.MaxMessageBytes + 1)));

        Assert.Equal(400, e.Status);
        Assert.Equal(StorageErrorCodes.InvalidInput, e.ErrorCode);
        Assert.Equal(1, await queue.GetApproximateCountAsync());
    }

    [Fact]
    public async Task Delete_MalformedPopReceipt_Throws404MessageNotFound()
    {
        var queue = await NewQueueAsync();
        var sent = await queue.SendMessageAsync("x");

        var e = await Assert.ThrowsAsync<RequestFailedException>(() => queue.DeleteMessageAsync(sent.MessageId, "not-a-receipt"));

        Assert.Equal(404, e.Status);
        Assert.Equal(StorageErrorCodes.MessageNotFound, e.ErrorCode);
    }

    /// <summary>The SDK's client without our mapping and without base64: what is really on the queue.</summary>
    private Azure.Storage.Queues.QueueClient RawQueue(string name) => new(azurite.ConnectionString, name);
}
