using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using PowerFunctions.App.Clock;
using PowerFunctions.App.Features.Outbox;
using PowerFunctions.Storage;
using PowerFunctions.Storage.Embedded;
using PowerFunctions.Storage.Messaging;

namespace PowerFunctions.App.Tests.Outbox;

/// <summary>
/// A real embedded store (SQLite in a temporary folder, manual clock) with the embedded messaging
/// adapter on its queues, and a sample aggregate table <see cref="Table"/> whose commits carry outbox
/// rows the way a real aggregate's do: snapshot (under its ETag) + outbox rows in one transaction.
/// <see cref="RestartAsync"/> reopens everything over the same folder, as a restarted process would.
/// </summary>
internal sealed class OutboxStore : IAsyncDisposable
{
    public const string Table = "complaints";

    public const string Topic = "ticket-status";

    public static readonly DateTimeOffset Start = new(2026, 9, 18, 9, 30, 0, TimeSpan.FromHours(8));

    private readonly string _path = Path.Combine(Path.GetTempPath(), "pf-outbox-" + Guid.NewGuid().ToString("N"));

    public OutboxStore()
    {
        (Storage, Messaging) = Open();
    }

    public ManualClock Clock { get; } = new(Start);

    public EmbeddedStorageAccount Storage { get; private set; }

    public IMessagingAccount Messaging { get; private set; }

    public ITableClient Aggregates => Storage.GetTableClient(Table);

    public ITableClient Index => Storage.GetTableClient(OutboxIndex.TableName);

    public static OutboxMessage Event(string partition, int seq, string destination = Topic) =>
        new($"{partition}-e-{seq.ToString("D9", CultureInfo.InvariantCulture)}", destination, $"{{\"ticketNo\":\"{partition}\",\"seq\":{seq},\"state\":\"已受理\"}}")
        {
            Subject = "ticket-status-changed",
            CorrelationId = "H-" + partition,
            Properties = new Dictionary<string, string> { ["ticketNo"] = partition },
        };

    public async Task RestartAsync()
    {
        await Messaging.DisposeAsync();
        Storage.Dispose();
        (Storage, Messaging) = Open();
    }

    public OutboxWriter Writer() => new(new OutboxIndexTable(Storage), Clock);

    public OutboxPublisher Publisher(OutboxOptions? options = null, IOutboxFaults? faults = null, IMessagingAccount? messaging = null) =>
        new(new OutboxIndexTable(Storage), Storage, messaging ?? Messaging, Clock, options ?? new OutboxOptions { Parallelism = 1 }, faults ?? new NoOutboxFaults(), NullLogger<OutboxPublisher>.Instance);

    /// <summary>An aggregate command: prepare the outbox, then commit the new snapshot and the outbox rows in one transaction.</summary>
    public async Task CommitAsync(string partition, params OutboxMessage[] events)
    {
        var outbox = await Writer().PrepareAsync(Table, partition, events, default);
        var snapshot = await Aggregates.GetEntityAsync(partition, "snapshot");
        var version = (snapshot?.GetInt64("Version") ?? 0) + 1;
        var next = new TableEntity(partition, "snapshot") { ["Version"] = version };
        TableTransactionAction write = snapshot is null
            ? new(TableTransactionActionType.Add, next)
            : new(TableTransactionActionType.UpdateReplace, next, snapshot.ETag);
        await Aggregates.SubmitTransactionAsync([write, .. outbox]);
    }

    /// <summary>Every message on the topic now, each completed: (MessageId, body).</summary>
    public async Task<List<(string Id, string Body)>> DrainAsync(string topic = Topic)
    {
        var receiver = Messaging.GetReceiver(topic, "hotline");
        var all = new List<(string, string)>();
        while (true)
        {
            var batch = await receiver.ReceiveMessagesAsync(32, TimeSpan.FromMilliseconds(20));
            if (batch.Count == 0)
            {
                return all;
            }

            foreach (var message in batch)
            {
                all.Add((message.MessageId, message.Body.ToString()));
                await receiver.CompleteMessageAsync(message);
            }
        }
    }

    public async Task<List<TableEntity>> AllAsync(ITableClient table, TableQuery? query = null)
    {
        var rows = new List<TableEntity>();
        var current = query ?? new TableQuery();
        while (true)
        {
            var page = await table.QueryAsync(current);
            rows.AddRange(page.Entities);
            if (page.ContinuationToken is null)
            {
                return rows;
            }

            current = current with { ContinuationToken = page.ContinuationToken };
        }
    }

    public async Task<List<TableEntity>> OutboxRowsAsync(string partition) =>
        await AllAsync(Aggregates, TableQuery.RowPrefix(partition, OutboxRows.RowPrefix));

    public async Task<List<TableEntity>> IndexRowsAsync()
    {
        await Index.CreateIfNotExistsAsync();
        return await AllAsync(Index);
    }

    public async ValueTask DisposeAsync()
    {
        await Messaging.DisposeAsync();
        Storage.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_path, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private (EmbeddedStorageAccount, IMessagingAccount) Open()
    {
        var storage = new EmbeddedStorageAccount(_path, Clock);
        storage.GetTableClient(Table).CreateIfNotExistsAsync().GetAwaiter().GetResult();
        return (storage, new EmbeddedMessagingAccount(storage, new EmbeddedMessagingOptions { LockDuration = TimeSpan.FromSeconds(30), MinPollInterval = TimeSpan.FromMilliseconds(5) }));
    }
}
