using Azure;
using PowerFunctions.App.Features.Outbox;
using PowerFunctions.Storage;

namespace PowerFunctions.App.Tests.Outbox;

/// <summary>
/// The transactional outbox on real SQLite and the embedded messaging adapter: events committed with
/// their aggregate are published at least once with MessageId = event id, whatever step a publisher
/// dies at; an index row whose commit never happened is dropped after the grace period; a broker that
/// fails is retried until it takes the messages.
/// </summary>
public sealed class OutboxPublisherTests : IAsyncLifetime
{
    private readonly OutboxStore _store = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [Fact]
    public async Task Publish_CommittedEvents_EachSentWithItsEventIdInOrderAndMarkedSent()
    {
        await _store.CommitAsync("T1", OutboxStore.Event("T1", 1), OutboxStore.Event("T1", 2));
        await _store.CommitAsync("T2", OutboxStore.Event("T2", 1));

        var sent = await _store.Publisher().PublishPendingAsync(default);

        Assert.Equal(3, sent);
        var received = await _store.DrainAsync();
        Assert.Equal(["T1-e-000000001", "T1-e-000000002", "T2-e-000000001"], received.Select(m => m.Id).Order(StringComparer.Ordinal));
        Assert.Equal(["T1-e-000000001", "T1-e-000000002"], received.Select(m => m.Id).Where(id => id.StartsWith("T1", StringComparison.Ordinal)));
        Assert.Equal("{\"ticketNo\":\"T1\",\"seq\":2,\"state\":\"已受理\"}", received.Single(m => m.Id == "T1-e-000000002").Body);
        Assert.All(await _store.OutboxRowsAsync("T1"), row => Assert.Equal(_store.Clock.GetUtcNow(), row.GetDateTimeOffset("SentAt")));
        Assert.Empty(await _store.IndexRowsAsync());
        Assert.Equal(0, await _store.Publisher().PublishPendingAsync(default));
        Assert.Empty(await _store.DrainAsync());
    }

    [Fact]
    public async Task Publish_Message_CarriesSubjectCorrelationPropertiesAndContentType()
    {
        await _store.CommitAsync("T1", OutboxStore.Event("T1", 1));
        await _store.Publisher().PublishPendingAsync(default);

        var message = Assert.Single(await _store.Messaging.GetReceiver(OutboxStore.Topic, "hotline").ReceiveMessagesAsync(5, TimeSpan.FromSeconds(5)));

        Assert.Equal("T1-e-000000001", message.MessageId);
        Assert.Equal("ticket-status-changed", message.Subject);
        Assert.Equal("H-T1", message.CorrelationId);
        Assert.Equal("application/json", message.ContentType);
        Assert.Equal("T1", message.ApplicationProperties["ticketNo"]);
    }

    [Fact]
    public async Task PublishAsync_OneAggregate_SendsOnlyItsEvents()
    {
        await _store.CommitAsync("T1", OutboxStore.Event("T1", 1));
        await _store.CommitAsync("T2", OutboxStore.Event("T2", 1));

        Assert.Equal(1, await _store.Publisher().PublishAsync(OutboxStore.Table, "T1", default));

        Assert.Equal(["T1-e-000000001"], (await _store.DrainAsync()).Select(m => m.Id));
        Assert.Single(await _store.IndexRowsAsync());
        Assert.Equal(0, await _store.Publisher().PublishAsync(OutboxStore.Table, "T1", default));
        Assert.Equal(1, await _store.Publisher().PublishPendingAsync(default));
    }

    [Fact]
    public async Task Publish_CleanRun_PassesEveryStepInOrder()
    {
        await _store.CommitAsync("T1", OutboxStore.Event("T1", 1));
        var faults = new CrashAtOutboxStep(null);

        await _store.Publisher(faults: faults).PublishPendingAsync(default);

        Assert.Equal([OutboxStep.BeforeSend, OutboxStep.BeforeMark, OutboxStep.BeforeIndexDelete], faults.Seen.Select(s => s.Step));
    }

    [Theory]
    [InlineData(OutboxStep.BeforeSend, false)]
    [InlineData(OutboxStep.BeforeMark, true)]
    [InlineData(OutboxStep.BeforeIndexDelete, false)]
    public async Task Publish_CrashAtAStep_NothingLostAndDuplicatesOnlyWithTheSameMessageId(OutboxStep step, bool sentTwice)
    {
        await _store.CommitAsync("T1", OutboxStore.Event("T1", 1), OutboxStore.Event("T1", 2));
        await _store.CommitAsync("T2", OutboxStore.Event("T2", 1));

        await Assert.ThrowsAsync<OutboxCrashException>(() => _store.Publisher(faults: new CrashAtOutboxStep(step)).PublishPendingAsync(default));
        await _store.RestartAsync();
        await _store.Publisher().PublishPendingAsync(default);

        var received = await _store.DrainAsync();
        var expected = new[] { "T1-e-000000001", "T1-e-000000002", "T2-e-000000001" };
        Assert.Equal(expected, received.Select(m => m.Id).Distinct().Order(StringComparer.Ordinal));
        foreach (var group in received.GroupBy(m => m.Id))
        {
            Assert.Single(group.Select(m => m.Body).Distinct());
        }

        // The crash hit the first aggregate published: only its events can have gone out twice.
        var repeated = received.GroupBy(m => m.Id).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.Equal(sentTwice, repeated.Count > 0);
        Assert.All(repeated, id => Assert.StartsWith("T1", id, StringComparison.Ordinal));
        Assert.True(received.Count <= expected.Length + 2);
        Assert.All(await _store.OutboxRowsAsync("T1"), row => Assert.True(OutboxRows.IsSent(row)));
        Assert.All(await _store.OutboxRowsAsync("T2"), row => Assert.True(OutboxRows.IsSent(row)));
        Assert.Empty(await _store.IndexRowsAsync());
    }

    [Fact]
    public async Task Prepare_CommitNeverHappens_IndexRowKeptForTheGracePeriodThenDroppedAndNothingSent()
    {
        var options = new OutboxOptions { Parallelism = 1, GracePeriod = TimeSpan.FromMinutes(10) };
        await _store.Writer().PrepareAsync(OutboxStore.Table, "T1", [OutboxStore.Event("T1", 1)], default);

        Assert.Equal(0, await _store.Publisher(options).PublishPendingAsync(default));
        _store.Clock.Advance(TimeSpan.FromMinutes(9));
        Assert.Equal(0, await _store.Publisher(options).PublishPendingAsync(default));
        Assert.Single(await _store.IndexRowsAsync());

        _store.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(0, await _store.Publisher(options).PublishPendingAsync(default));

        Assert.Empty(await _store.IndexRowsAsync());
        Assert.Empty(await _store.DrainAsync());
    }

    [Fact]
    public async Task Prepare_CommitLandsWithinTheGracePeriod_PublishedByTheNextRun()
    {
        var outbox = await _store.Writer().PrepareAsync(OutboxStore.Table, "T1", [OutboxStore.Event("T1", 1)], default);
        Assert.Equal(0, await _store.Publisher().PublishPendingAsync(default));

        _store.Clock.Advance(TimeSpan.FromMinutes(5));
        await _store.Aggregates.SubmitTransactionAsync([new(TableTransactionActionType.Add, new TableEntity("T1", "snapshot")), .. outbox]);

        Assert.Equal(1, await _store.Publisher().PublishPendingAsync(default));
        Assert.Equal(["T1-e-000000001"], (await _store.DrainAsync()).Select(m => m.Id));
    }

    [Fact]
    public async Task Commit_FailsOnAConcurrentWrite_NoOutboxRowAndNothingEverSent()
    {
        await _store.CommitAsync("T1", OutboxStore.Event("T1", 1));
        await _store.Publisher().PublishPendingAsync(default);
        await _store.DrainAsync();
        var stale = (await _store.Aggregates.GetEntityAsync("T1", "snapshot"))!.ETag;
        await _store.CommitAsync("T1", OutboxStore.Event("T1", 2));

        var outbox = await _store.Writer().PrepareAsync(OutboxStore.Table, "T1", [OutboxStore.Event("T1", 99)], default);
        await Assert.ThrowsAsync<TableTransactionFailedException>(() => _store.Aggregates.SubmitTransactionAsync(
            [new(TableTransactionActionType.UpdateReplace, new TableEntity("T1", "snapshot"), stale), .. outbox]));
        _store.Clock.Advance(new OutboxOptions().GracePeriod);
        await _store.Publisher().PublishPendingAsync(default);

        Assert.Equal(["T1-e-000000002"], (await _store.DrainAsync()).Select(m => m.Id));
        Assert.DoesNotContain(await _store.OutboxRowsAsync("T1"), r => OutboxRows.EventId(r) == "T1-e-000000099");
        Assert.Empty(await _store.IndexRowsAsync());
    }

    [Fact]
    public async Task Publish_ACommitLandsMidPublish_ItsEventIsPublishedByTheNextRun()
    {
        await _store.CommitAsync("T1", OutboxStore.Event("T1", 1));
        var faults = new ActAtOutboxStep(OutboxStep.BeforeIndexDelete, () => _store.CommitAsync("T1", OutboxStore.Event("T1", 2)));

        Assert.Equal(1, await _store.Publisher(faults: faults).PublishPendingAsync(default));
        Assert.Single(await _store.IndexRowsAsync());
        Assert.Equal(1, await _store.Publisher().PublishPendingAsync(default));

        Assert.Equal(["T1-e-000000001", "T1-e-000000002"], (await _store.DrainAsync()).Select(m => m.Id));
        Assert.Empty(await _store.IndexRowsAsync());
    }

    [Fact]
    public async Task Publish_BrokerDown_RetriedAfterTheBackoffUntilSent()
    {
        var options = new OutboxOptions { Parallelism = 1, RetryDelay = TimeSpan.FromSeconds(5), MaxRetryDelay = TimeSpan.FromSeconds(15) };
        var broker = new FailingMessaging(_store.Messaging);
        await _store.CommitAsync("T1", OutboxStore.Event("T1", 1));

        Assert.Equal(0, await _store.Publisher(options, messaging: broker).PublishPendingAsync(default));
        var index = Assert.Single(await _store.IndexRowsAsync());
        Assert.Equal(1, index.GetInt32("Attempts"));
        Assert.Equal(_store.Clock.GetUtcNow().AddSeconds(5), index.GetDateTimeOffset("NextAttemptAt"));
        Assert.Equal("TimeoutException: the broker did not answer", index.GetString("LastError"));
        Assert.All(await _store.OutboxRowsAsync("T1"), row => Assert.False(OutboxRows.IsSent(row)));

        Assert.Equal(0, await _store.Publisher(options, messaging: broker).PublishPendingAsync(default));
        Assert.Equal(1, broker.FailedSends); // still waiting: not tried

        _store.Clock.Advance(TimeSpan.FromSeconds(5));
        await _store.Publisher(options, messaging: broker).PublishPendingAsync(default);
        Assert.Equal(TimeSpan.FromSeconds(10), Assert.Single(await _store.IndexRowsAsync()).GetDateTimeOffset("NextAttemptAt") - _store.Clock.GetUtcNow());

        broker.Down = false;
        _store.Clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(1, await _store.Publisher(options, messaging: broker).PublishPendingAsync(default));
        Assert.Equal(["T1-e-000000001"], (await _store.DrainAsync()).Select(m => m.Id));
        Assert.Empty(await _store.IndexRowsAsync());
    }

    [Fact]
    public async Task PublishAsync_AfterACommit_IgnoresTheRetryWait()
    {
        var broker = new FailingMessaging(_store.Messaging);
        await _store.CommitAsync("T1", OutboxStore.Event("T1", 1));
        await _store.Publisher(messaging: broker).PublishPendingAsync(default);

        broker.Down = false;
        await _store.CommitAsync("T1", OutboxStore.Event("T1", 2));

        Assert.Equal(2, await _store.Publisher(messaging: broker).PublishAsync(OutboxStore.Table, "T1", default));
    }

    [Fact]
    public async Task Publish_ManyEventsOverSeveralCommits_AllSentAndMarkedInChunks()
    {
        for (var commit = 0; commit < 3; commit++)
        {
            await _store.CommitAsync("T1", [.. Enumerable.Range((commit * 60) + 1, 60).Select(i => OutboxStore.Event("T1", i))]);
        }

        Assert.Equal(180, await _store.Publisher().PublishPendingAsync(default));

        Assert.Equal(180, (await _store.DrainAsync()).Select(m => m.Id).Distinct().Count());
        Assert.All(await _store.OutboxRowsAsync("T1"), row => Assert.True(OutboxRows.IsSent(row)));
        Assert.Empty(await _store.IndexRowsAsync());
    }

    [Fact]
    public async Task Publish_TwoDestinations_EachGetsItsOwnEvents()
    {
        await _store.CommitAsync("T1", OutboxStore.Event("T1", 1), OutboxStore.Event("T1", 2, destination: "case-events"));

        await _store.Publisher().PublishPendingAsync(default);

        Assert.Equal(["T1-e-000000001"], (await _store.DrainAsync()).Select(m => m.Id));
        Assert.Equal(["T1-e-000000002"], (await _store.DrainAsync("case-events")).Select(m => m.Id));
    }

    [Fact]
    public async Task Publish_IndexNamesATableThatDoesNotExist_DroppedAfterTheGracePeriod()
    {
        await _store.Writer().PrepareAsync("nosuchtable", "X1", [OutboxStore.Event("X1", 1)], default);
        _store.Clock.Advance(new OutboxOptions().GracePeriod);

        Assert.Equal(0, await _store.Publisher().PublishPendingAsync(default));

        Assert.Empty(await _store.IndexRowsAsync());
    }

    [Fact]
    public async Task Prepare_SameEventAgain_OneIndexRowAndTheSecondCommitRefused()
    {
        await _store.CommitAsync("T1", OutboxStore.Event("T1", 1));

        var error = await Assert.ThrowsAsync<TableTransactionFailedException>(() => _store.CommitAsync("T1", OutboxStore.Event("T1", 1)));

        Assert.Equal(409, error.Status);
        Assert.Single(await _store.IndexRowsAsync());
        await _store.Publisher().PublishPendingAsync(default);
        Assert.Single(await _store.DrainAsync());
    }

    [Fact]
    public async Task Prepare_NoEvents_WritesNothing()
    {
        Assert.Empty(await _store.Writer().PrepareAsync(OutboxStore.Table, "T1", [], default));

        Assert.Empty(await _store.IndexRowsAsync());
    }

    public static TheoryData<string, string, OutboxMessage[]> BadPreparations => new()
    {
        { "bad-table", "T1", [OutboxStore.Event("T1", 1)] },
        { OutboxStore.Table, "T/1", [OutboxStore.Event("T1", 1)] },
        { OutboxStore.Table, "T1", [OutboxStore.Event("T1", 1) with { EventId = "" }] },
        { OutboxStore.Table, "T1", [OutboxStore.Event("T1", 1) with { EventId = "a|b" }] },
        { OutboxStore.Table, "T1", [OutboxStore.Event("T1", 1) with { EventId = "a#b" }] },
        { OutboxStore.Table, "T1", [OutboxStore.Event("T1", 1) with { EventId = new string('e', 129) }] },
        { OutboxStore.Table, "T1", [OutboxStore.Event("T1", 1) with { Destination = "not a topic" }] },
        { OutboxStore.Table, "T1", [OutboxStore.Event("T1", 1) with { Body = new string('x', OutboxRows.MaxBodyLength + 1) }] },
        { OutboxStore.Table, "T1", [OutboxStore.Event("T1", 1), OutboxStore.Event("T1", 2), OutboxStore.Event("T1", 1)] },
    };

    [Theory]
    [MemberData(nameof(BadPreparations))]
    public async Task Prepare_BadInput_RefusedAndNothingWritten(string table, string partition, OutboxMessage[] events)
    {
        await Assert.ThrowsAnyAsync<ArgumentException>(() => _store.Writer().PrepareAsync(table, partition, events, default));

        Assert.Empty(await _store.IndexRowsAsync());
    }
}
