namespace PowerFunctions.Storage.Tests.Contract;

public abstract partial class StorageContractTests
{
    private static readonly TimeSpan ShortVisibility = TimeSpan.FromSeconds(1);

    /// <summary>Polls until one message is received (services round visibility differently), failing after <paramref name="patience"/>.</summary>
    private static async Task<QueueMessage> ReceiveOneWithinAsync(IQueueClient queue, TimeSpan patience)
    {
        var deadline = DateTimeOffset.UtcNow + patience;
        while (true)
        {
            var received = await queue.ReceiveMessagesAsync(1, TimeSpan.FromSeconds(30));
            if (received.Count > 0)
            {
                return Assert.Single(received);
            }

            Assert.True(DateTimeOffset.UtcNow < deadline, $"no message became visible within {patience}");
            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
    }

    [Fact]
    public async Task Queue_SendReceiveDelete_RemovesTheMessage()
    {
        var queue = await NewQueueAsync();
        var sent = await queue.SendMessageAsync("{\"applicationId\":\"A1\",\"text\":\"申请\"}");
        Assert.Equal(1, await queue.GetApproximateCountAsync());

        var received = Assert.Single(await queue.ReceiveMessagesAsync(32, TimeSpan.FromSeconds(30)));

        Assert.Equal(sent.MessageId, received.MessageId);
        Assert.Equal("{\"applicationId\":\"A1\",\"text\":\"申请\"}", received.MessageText);
        Assert.Equal(1, received.DequeueCount);
        Assert.NotNull(received.NextVisibleOn);
        Assert.Empty(await queue.ReceiveMessagesAsync(32, TimeSpan.FromSeconds(30)));
        await queue.DeleteMessageAsync(received.MessageId, received.PopReceipt);
        Assert.Equal(0, await queue.GetApproximateCountAsync());
    }

    [Fact]
    public async Task Queue_VisibilityTimeoutExpires_MessageReturnsCountedWithANewPopReceipt()
    {
        var queue = await NewQueueAsync();
        await queue.SendMessageAsync("work");
        var first = Assert.Single(await queue.ReceiveMessagesAsync(1, ShortVisibility));
        Assert.Empty(await queue.ReceiveMessagesAsync(1, TimeSpan.FromSeconds(30)));

        var second = await ReceiveOneWithinAsync(queue, TimeSpan.FromSeconds(10));

        Assert.Equal(first.MessageId, second.MessageId);
        Assert.Equal(2, second.DequeueCount);
        Assert.NotEqual(first.PopReceipt, second.PopReceipt);
        var stale = await FailsWith(404, () => queue.DeleteMessageAsync(first.MessageId, first.PopReceipt));
        Assert.Equal(StorageErrorCodes.MessageNotFound, stale.ErrorCode);
        await queue.DeleteMessageAsync(second.MessageId, second.PopReceipt);
        Assert.Equal(0, await queue.GetApproximateCountAsync());
    }

    [Fact]
    public async Task Queue_SendWithVisibilityDelay_StaysHiddenUntilThen()
    {
        var queue = await NewQueueAsync();
        var sent = await queue.SendMessageAsync("later", visibilityDelay: ShortVisibility);

        Assert.True(sent.NextVisibleOn >= sent.InsertedOn + ShortVisibility - TimeSpan.FromMilliseconds(50));
        Assert.Empty(await queue.ReceiveMessagesAsync(1, TimeSpan.FromSeconds(30)));
        Assert.Empty(await queue.PeekMessagesAsync(1));
        Assert.Equal(1, await queue.GetApproximateCountAsync());

        var received = await ReceiveOneWithinAsync(queue, TimeSpan.FromSeconds(10));
        Assert.Equal(sent.MessageId, received.MessageId);
        Assert.Equal(1, received.DequeueCount);
    }

    [Fact]
    public async Task Queue_Peek_ChangesNothing()
    {
        var queue = await NewQueueAsync();
        await queue.SendMessageAsync("one");
        await queue.SendMessageAsync("two");

        var peeked = await queue.PeekMessagesAsync(32);
        var again = await queue.PeekMessagesAsync(32);

        Assert.Equal(new[] { "one", "two" }, peeked.Select(m => m.MessageText));
        Assert.Equal(peeked.Select(m => m.MessageId), again.Select(m => m.MessageId));
        Assert.All(again, m => Assert.Equal(0, m.DequeueCount));
        var received = await queue.ReceiveMessagesAsync(32, TimeSpan.FromSeconds(30));
        Assert.Equal(2, received.Count);
        Assert.All(received, m => Assert.Equal(1, m.DequeueCount));
    }

    [Fact]
    public async Task Queue_Receive_IsFirstInFirstOutAndHonoursMaxMessages()
    {
        var queue = await NewQueueAsync();
        for (var i = 0; i < 5; i++)
        {
            await queue.SendMessageAsync($"m{i}");
        }

        var first = await queue.ReceiveMessagesAsync(3, TimeSpan.FromSeconds(30));
        var rest = await queue.ReceiveMessagesAsync(32, TimeSpan.FromSeconds(30));

        Assert.Equal(new[] { "m0", "m1", "m2" }, first.Select(m => m.MessageText));
        Assert.Equal(new[] { "m3", "m4" }, rest.Select(m => m.MessageText));
        Assert.Equal(5, await queue.GetApproximateCountAsync());
    }

    [Fact]
    public async Task Queue_UpdateVisibility_IssuesANewPopReceiptAndZeroMakesItVisible()
    {
        var queue = await NewQueueAsync();
        await queue.SendMessageAsync("retry me");
        var received = Assert.Single(await queue.ReceiveMessagesAsync(1, TimeSpan.FromSeconds(30)));

        var pop = await queue.UpdateVisibilityAsync(received.MessageId, received.PopReceipt, TimeSpan.Zero);

        Assert.NotEqual(received.PopReceipt, pop);
        await FailsWith(404, () => queue.UpdateVisibilityAsync(received.MessageId, received.PopReceipt, TimeSpan.Zero));
        var again = Assert.Single(await queue.ReceiveMessagesAsync(1, TimeSpan.FromSeconds(30)));
        Assert.Equal(received.MessageId, again.MessageId);
        Assert.Equal(2, again.DequeueCount);
        await FailsWith(404, () => queue.DeleteMessageAsync(again.MessageId, pop));
    }

    [Fact]
    public async Task Queue_ConcurrentReceivers_NeverGetTheSameMessage()
    {
        var queue = await NewQueueAsync();
        const int count = 40;
        for (var i = 0; i < count; i++)
        {
            await queue.SendMessageAsync($"m{i}");
        }

        var receivers = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            var got = new List<string>();
            while (true)
            {
                var batch = await queue.ReceiveMessagesAsync(3, TimeSpan.FromSeconds(60));
                if (batch.Count == 0)
                {
                    return got;
                }

                got.AddRange(batch.Select(m => m.MessageId));
            }
        })).ToArray();
        var all = (await Task.WhenAll(receivers)).SelectMany(ids => ids).ToList();

        Assert.Equal(count, all.Count);
        Assert.Equal(count, all.Distinct().Count());
    }

    [Fact]
    public async Task Queue_NeverCreated_Throws404()
    {
        var queue = Account.GetQueueClient(NewContainerOrQueueName());

        await FailsWith(404, () => queue.SendMessageAsync("x"));
    }
}
