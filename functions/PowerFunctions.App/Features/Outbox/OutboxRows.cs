using System.Text.Json;
using PowerFunctions.Storage;
using PowerFunctions.Storage.Messaging;

namespace PowerFunctions.App.Features.Outbox;

/// <summary>
/// The outbox rows inside an aggregate's own partition: row <c>outbox-{eventId}</c> holding the
/// message (<c>Destination</c>, <c>Body</c>, <c>ContentType</c>, <c>Subject</c>, <c>CorrelationId</c>,
/// <c>Properties</c> as JSON, <c>CreatedAt</c>) and, once published, <c>SentAt</c>. Added in the
/// aggregate's commit transaction, so they exist exactly when the change does.
/// </summary>
public static class OutboxRows
{
    public const string RowPrefix = "outbox-";

    /// <summary>The longest body a row holds (Azure Tables: 64 KiB per string property, UTF-16).</summary>
    public const int MaxBodyLength = 32 * 1024;

    public static string RowKey(string eventId) => RowPrefix + eventId;

    public static string EventId(TableEntity row) => row.RowKey[RowPrefix.Length..];

    public static bool IsSent(TableEntity row) => row.GetDateTimeOffset("SentAt") is not null;

    /// <summary>Throws <see cref="ArgumentException"/> for a message the outbox cannot hold or send (a caller's bug).</summary>
    public static void Validate(OutboxMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentException.ThrowIfNullOrEmpty(message.EventId, nameof(message));
        ArgumentNullException.ThrowIfNull(message.Body, nameof(message));
        if (message.EventId.Length > BusMessage.MaxMessageIdLength || !StorageNames.HasOnlyKeyCharacters(message.EventId) || message.EventId.Contains('|', StringComparison.Ordinal))
        {
            throw new ArgumentException($"event id '{message.EventId}' is not 1-{BusMessage.MaxMessageIdLength} characters free of | / \\ # ? and control characters", nameof(message));
        }

        BusNames.ValidateEntityName(message.Destination, nameof(message));
        if (message.Body.Length > MaxBodyLength)
        {
            throw new ArgumentException($"event '{message.EventId}' has a body longer than {MaxBodyLength} characters", nameof(message));
        }
    }

    public static TableEntity ToEntity(string partitionKey, OutboxMessage message, DateTimeOffset createdAt)
    {
        var row = new TableEntity(partitionKey, RowKey(message.EventId))
        {
            ["Destination"] = message.Destination,
            ["Body"] = message.Body,
            ["Properties"] = JsonSerializer.Serialize(message.Properties),
            ["CreatedAt"] = createdAt,
        };
        SetIfPresent(row, "ContentType", message.ContentType);
        SetIfPresent(row, "Subject", message.Subject);
        SetIfPresent(row, "CorrelationId", message.CorrelationId);
        return row;
    }

    /// <summary>The message a pending row sends: <c>MessageId</c> = event id.</summary>
    public static BusMessage ToBusMessage(TableEntity row) =>
        new(EventId(row), BinaryData.FromString(row.GetString("Body") ?? string.Empty))
        {
            ContentType = row.GetString("ContentType"),
            Subject = row.GetString("Subject"),
            CorrelationId = row.GetString("CorrelationId"),
            ApplicationProperties = JsonSerializer.Deserialize<Dictionary<string, string>>(row.GetString("Properties") ?? "{}") ?? [],
        };

    public static string Destination(TableEntity row) =>
        row.GetString("Destination") ?? throw new InvalidOperationException($"outbox row {row.PartitionKey}/{row.RowKey} has no Destination");

    private static void SetIfPresent(TableEntity row, string name, string? value)
    {
        if (value is not null)
        {
            row[name] = value;
        }
    }
}
