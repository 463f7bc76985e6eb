using PowerFunctions.Tests.Shared;
using Azure;

namespace PowerFunctions.Storage.Tests.AzureStorage;

/// <summary>The Azure queue client against a real Azurite: send, receive, peek, delete, visibility, counts.</summary>
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
}
