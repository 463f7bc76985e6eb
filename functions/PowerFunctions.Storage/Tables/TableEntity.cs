using Azure;

namespace PowerFunctions.Storage;

/// <summary>
/// A table row: keys, ETag, timestamp and typed properties. Property values are
/// <see cref="string"/>, <see cref="long"/>, <see cref="int"/>, <see cref="bool"/>, <see cref="double"/>,
/// <see cref="DateTimeOffset"/>, <see cref="Guid"/> or <see cref="byte"/>[]; both adapters keep the type.
/// </summary>
public sealed class TableEntity
{
    public TableEntity(string partitionKey, string rowKey)
    {
        PartitionKey = partitionKey;
        RowKey = rowKey;
    }

    public string PartitionKey { get; }

    public string RowKey { get; }

    /// <summary>Set by the store on read and write; ignored on input (pass If-Match separately).</summary>
    public ETag ETag { get; set; }

    /// <summary>Set by the store: when the entity was last written.</summary>
    public DateTimeOffset? Timestamp { get; set; }

    public Dictionary<string, object?> Properties { get; } = new(StringComparer.Ordinal);

    public object? this[string name]
    {
        get => Properties.TryGetValue(name, out var value) ? value : null;
        set => Properties[name] = value;
    }

    public string? GetString(string name) => this[name] as string;

    public long? GetInt64(string name) => this[name] switch
    {
        long l => l,
        int i => i,
        _ => null,
    };

    public int? GetInt32(string name) => this[name] switch
    {
        int i => i,
        long l => checked((int)l),
        _ => null,
    };

    public bool? GetBoolean(string name) => this[name] as bool?;

    public double? GetDouble(string name) => this[name] as double?;

    public DateTimeOffset? GetDateTimeOffset(string name) => this[name] as DateTimeOffset?;

    public byte[]? GetBinary(string name) => this[name] as byte[];
}
