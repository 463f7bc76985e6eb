using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using PowerFunctions.App.Clock;
using PowerFunctions.App.Features.Outbox;
using PowerFunctions.Storage;
using PowerFunctions.Storage.Embedded;
using PowerFunctions.Storage.Messaging;

namespace PowerFunctions.Benchmarks.Messaging;

/// <summary>
/// <c>messaging [n]</c>: the embedded messaging adapter and the outbox on the embedded store. Sends
/// <c>n</c> messages (default 5,000) in batches of 100, drains them (receive 32, complete each), then
/// commits <c>n</c> outbox events over <c>n/10</c> aggregates (10 per commit) and publishes them in one
/// <see cref="OutboxPublisher.PublishPendingAsync"/>.
/// </summary>
public sealed class MessagingBenchmark : IBenchmarkCommand
{
    private static readonly DateTimeOffset Start = new(2026, 9, 18, 9, 30, 0, TimeSpan.FromHours(8));

    public string Name => "messaging";

    public string Description => "embedded messaging: send, receive+complete, outbox commit and publish";

    public async Task<int> RunAsync(string[] args)
    {
        var n = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5_000;
        var path = Path.Combine(Path.GetTempPath(), "pf-bench-messaging-" + Guid.NewGuid().ToString("N"));
        var clock = new ManualClock(Start);
        try
        {
            using var storage = new EmbeddedStorageAccount(path, clock);
            await using var messaging = new EmbeddedMessagingAccount(storage);
            Console.WriteLine($"messaging benchmark: embedded store, {n:N0} messages, {Environment.ProcessorCount} cores");

            var sender = messaging.GetSender("bench-queue");
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < n; i += 100)
            {
                await sender.SendMessagesAsync([.. Enumerable.Range(i, Math.Min(100, n - i)).Select(k => BusMessage.Json($"m{k}", "{\"hotlineTicketId\":\"H-" + k + "\",\"subject\":\"噪音扰民\"}"))]);
            }

            var send = watch.Elapsed;
            var receiver = messaging.GetReceiver("bench-queue");
            watch.Restart();
            var drained = 0;
            while (true)
            {
                var batch = await receiver.ReceiveMessagesAsync(32, TimeSpan.FromMilliseconds(1));
                if (batch.Count == 0)
                {
                    break;
                }

                foreach (var message in batch)
                {
                    await receiver.CompleteMessageAsync(message);
                }

                drained += batch.Count;
            }

            var drain = watch.Elapsed;

            var table = storage.GetTableClient("benchaggregates");
            await table.CreateIfNotExistsAsync();
            var writer = new OutboxWriter(new OutboxIndexTable(storage), clock);
            watch.Restart();
            for (var a = 0; a < n / 10; a++)
            {
                var partition = $"T{a:D6}";
                var events = Enumerable.Range(1, 10).Select(s => new OutboxMessage($"{partition}-e-{s:D9}", "bench-topic", "{\"state\":\"answered\"}")).ToList();
                var outbox = await writer.PrepareAsync(table.Name, partition, events, default);
                await table.SubmitTransactionAsync([new(TableTransactionActionType.Add, new TableEntity(partition, "snapshot")), .. outbox]);
            }

            var commit = watch.Elapsed;
            var publisher = new OutboxPublisher(new OutboxIndexTable(storage), storage, messaging, clock, new OutboxOptions { MaxIndexRowsPerRun = n }, new NoOutboxFaults(), NullLogger<OutboxPublisher>.Instance);
            watch.Restart();
            var published = await publisher.PublishPendingAsync(default);
            var publish = watch.Elapsed;
            watch.Restart();
            var idle = await publisher.PublishPendingAsync(default);
            var idleRun = watch.Elapsed;

            Console.WriteLine($"| step | count | time | rate |");
            Console.WriteLine($"|---|---|---|---|");
            Console.WriteLine($"| send (batches of 100) | {n:N0} | {send.TotalMilliseconds:F0} ms | {n / send.TotalSeconds:N0}/s |");
            Console.WriteLine($"| receive 32 + complete each | {drained:N0} | {drain.TotalMilliseconds:F0} ms | {drained / drain.TotalSeconds:N0}/s |");
            Console.WriteLine($"| outbox: prepare + commit (10 events each) | {n / 10 * 10:N0} | {commit.TotalMilliseconds:F0} ms | {n / commit.TotalSeconds:N0} events/s |");
            Console.WriteLine($"| outbox: one publish run | {published:N0} | {publish.TotalMilliseconds:F0} ms | {published / publish.TotalSeconds:N0}/s |");
            Console.WriteLine($"| outbox: idle publish run after | {idle} | {idleRun.TotalMilliseconds:F1} ms | |");
            return drained == n && published == n / 10 * 10 ? 0 : 1;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(path, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
