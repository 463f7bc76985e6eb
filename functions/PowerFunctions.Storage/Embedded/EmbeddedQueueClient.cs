using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;

namespace PowerFunctions.Storage.Embedded;

/// <summary>
/// A queue of the embedded store: rows of <c>messages</c> with their visibility and expiry instants.
/// Receiving hides a message for the visibility timeout, counts a dequeue and issues a new pop
/// receipt in one transaction, so two receivers (threads or processes) never get the same message
/// while it is hidden.
/// </summary>
internal sealed class EmbeddedQueueClient : IQueueClient
{
    /// <summary>Azure: at most 7 days for a visibility delay or timeout, and the default time to live.</summary>
    public static readonly TimeSpan MaxVisibility = TimeSpan.FromDays(7);

    /// <summary>Azure holds 64 KiB per message; the Azure adapter base64-encodes the text, so 48 KiB of UTF-8 fit.</summary>
    public const int MaxMessageBytes = 48 * 1024;

    private const string SelectVisible = """
        SELECT seq, id, body, dequeues, inserted FROM messages
        WHERE queue = $q AND visible <= $now AND expires > $now ORDER BY visible, seq LIMIT $n
        """;

    private readonly SqliteStore _store;

    public EmbeddedQueueClient(SqliteStore store, string name)
    {
        StorageNames.ValidateContainerOrQueueName(name);
        _store = store;
        Name = name;
    }

    public string Name { get; }

    public Task CreateIfNotExistsAsync(CancellationToken cancellationToken = default) =>
        _store.CreateIfNotExistsAsync(ResourceKind.Queue, Name, cancellationToken);

    public async Task<QueueSendReceipt> SendMessageAsync(string messageText, TimeSpan? visibilityDelay = null, TimeSpan? timeToLive = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messageText);
        if (Encoding.UTF8.GetByteCount(messageText) > MaxMessageBytes)
        {
            throw StorageErrors.InvalidInput($"a queue message holds at most {MaxMessageBytes} bytes of UTF-8");
        }

        var delay = visibilityDelay ?? TimeSpan.Zero;
        if (delay < TimeSpan.Zero || delay > MaxVisibility)
        {
            throw StorageErrors.InvalidInput($"a visibility delay is 0 to 7 days, not {delay}");
        }

        // Azure: the time to live defaults to 7 days; -1 s (here: any negative or TimeSpan.MaxValue) means never.
        var ttl = timeToLive ?? MaxVisibility;
        var forever = ttl < TimeSpan.Zero || ttl == TimeSpan.MaxValue;
        if (!forever && (ttl < TimeSpan.FromSeconds(1) || delay >= ttl))
        {
            throw StorageErrors.InvalidInput($"a time to live is at least 1 second and longer than the visibility delay, not {ttl}");
        }

        EnsureQueue();
        var now = Now();
        var id = Guid.NewGuid().ToString("D");
        var pop = NewPopReceipt();
        var visible = now + delay;
        var expires = forever ? long.MaxValue : (now + ttl).UtcTicks;
        await _store.WriteAsync(session =>
        {
            var command = session.Command("""
                INSERT INTO messages(queue, id, pop, body, dequeues, inserted, visible, expires)
                VALUES($q, $id, $pop, $body, 0, $inserted, $visible, $expires)
                """);
            command.Set("$q", Name);
            command.Set("$id", id);
            command.Set("$pop", pop);
            command.Set("$body", messageText);
            command.Set("$inserted", now.UtcTicks);
            command.Set("$visible", visible.UtcTicks);
            command.Set("$expires", expires);
            return command.ExecuteNonQuery();
        }, cancellationToken).ConfigureAwait(false);
        return new QueueSendReceipt(id, pop, now, visible);
    }

    public async Task<IReadOnlyList<QueueMessage>> ReceiveMessagesAsync(int maxMessages, TimeSpan visibilityTimeout, CancellationToken cancellationToken = default)
    {
        ValidateCount(maxMessages);
        if (visibilityTimeout < TimeSpan.FromSeconds(1) || visibilityTimeout > MaxVisibility)
        {
            throw StorageErrors.InvalidInput($"a visibility timeout on receive is 1 second to 7 days, not {visibilityTimeout}");
        }

        EnsureQueue();
        var now = Now();
        var visible = now + visibilityTimeout;
        return await _store.WriteAsync(session =>
        {
            var purge = session.Command("DELETE FROM messages WHERE queue = $q AND visible <= $now AND expires <= $now");
            purge.Set("$q", Name);
            purge.Set("$now", now.UtcTicks);
            purge.ExecuteNonQuery();

            var found = new List<(long Seq, string Id, string Body, long Dequeues, long Inserted)>();
            var select = session.Command(SelectVisible);
            select.Set("$q", Name);
            select.Set("$now", now.UtcTicks);
            select.Set("$n", maxMessages);
            using (var reader = select.ExecuteReader())
            {
                while (reader.Read())
                {
                    found.Add((reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3), reader.GetInt64(4)));
                }
            }

            var messages = new List<QueueMessage>(found.Count);
            foreach (var m in found)
            {
                var pop = NewPopReceipt();
                var update = session.Command("UPDATE messages SET visible = $visible, pop = $pop, dequeues = dequeues + 1 WHERE seq = $seq");
                update.Set("$visible", visible.UtcTicks);
                update.Set("$pop", pop);
                update.Set("$seq", m.Seq);
                update.ExecuteNonQuery();
                messages.Add(new QueueMessage(m.Id, pop, m.Body, m.Dequeues + 1, new DateTimeOffset(m.Inserted, TimeSpan.Zero), visible));
            }

            return (IReadOnlyList<QueueMessage>)messages;
        }, cancellationToken).ConfigureAwait(false);
    }

    public Task<IReadOnlyList<QueueMessage>> PeekMessagesAsync(int maxMessages, CancellationToken cancellationToken = default) =>
        Completed.Run(() => PeekMessages(maxMessages), cancellationToken);

    private IReadOnlyList<QueueMessage> PeekMessages(int maxMessages)
    {
        ValidateCount(maxMessages);
        EnsureQueue();
        var now = Now();
        return _store.Read(session =>
        {
            var select = session.Command(SelectVisible);
            select.Set("$q", Name);
            select.Set("$now", now.UtcTicks);
            select.Set("$n", maxMessages);
            var list = new List<QueueMessage>();
            using var reader = select.ExecuteReader();
            while (reader.Read())
            {
                // A peeked message has no pop receipt and no next-visible time, as on Azure.
                list.Add(new QueueMessage(reader.GetString(1), string.Empty, reader.GetString(2), reader.GetInt64(3), new DateTimeOffset(reader.GetInt64(4), TimeSpan.Zero), null));
            }

            return (IReadOnlyList<QueueMessage>)list;
        });
    }

    public async Task DeleteMessageAsync(string messageId, string popReceipt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messageId);
        ArgumentNullException.ThrowIfNull(popReceipt);
        EnsureQueue();
        var deleted = await _store.WriteAsync(session =>
        {
            var command = session.Command("DELETE FROM messages WHERE queue = $q AND id = $id AND pop = $pop");
            BindMessage(command, messageId, popReceipt);
            return command.ExecuteNonQuery();
        }, cancellationToken).ConfigureAwait(false);
        if (deleted == 0)
        {
            throw StorageErrors.MessageMissing(messageId);
        }
    }

    public async Task<string> UpdateVisibilityAsync(string messageId, string popReceipt, TimeSpan visibilityTimeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messageId);
        ArgumentNullException.ThrowIfNull(popReceipt);
        if (visibilityTimeout < TimeSpan.Zero || visibilityTimeout > MaxVisibility)
        {
            throw StorageErrors.InvalidInput($"a visibility timeout is 0 to 7 days, not {visibilityTimeout}");
        }

        EnsureQueue();
        var now = Now();
        var pop = NewPopReceipt();
        var updated = await _store.WriteAsync(session =>
        {
            var command = session.Command("UPDATE messages SET visible = $visible, pop = $newPop WHERE queue = $q AND id = $id AND pop = $pop AND expires > $now");
            BindMessage(command, messageId, popReceipt);
            command.Set("$visible", (now + visibilityTimeout).UtcTicks);
            command.Set("$newPop", pop);
            command.Set("$now", now.UtcTicks);
            return command.ExecuteNonQuery();
        }, cancellationToken).ConfigureAwait(false);
        return updated == 0 ? throw StorageErrors.MessageMissing(messageId) : pop;
    }

    public Task<int> GetApproximateCountAsync(CancellationToken cancellationToken = default) =>
        Completed.Run(GetApproximateCount, cancellationToken);

    private int GetApproximateCount()
    {
        EnsureQueue();
        var now = Now();
        return _store.Read(session =>
        {
            var command = session.Command("SELECT COUNT(*) FROM messages WHERE queue = $q AND expires > $now");
            command.Set("$q", Name);
            command.Set("$now", now.UtcTicks);
            return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        });
    }

    private void EnsureQueue() => _store.EnsureExists(ResourceKind.Queue, Name, Name);

    private DateTimeOffset Now() => _store.Clock.GetUtcNow().ToUniversalTime();

    private void BindMessage(SqliteCommand command, string messageId, string popReceipt)
    {
        command.Set("$q", Name);
        command.Set("$id", messageId);
        command.Set("$pop", popReceipt);
    }

    private static void ValidateCount(int maxMessages)
    {
        if (maxMessages is < 1 or > 32)
        {
            throw StorageErrors.InvalidInput($"1 to 32 messages at a time, not {maxMessages}");
        }
    }

    private static string NewPopReceipt()
    {
        Span<byte> random = stackalloc byte[16];
        RandomNumberGenerator.Fill(random);
        return Convert.ToBase64String(random).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }
}
