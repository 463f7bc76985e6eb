using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace PowerFunctions.Storage.Embedded;

/// <summary>
/// Checks an entity's properties against Azure's rules and packs them, each with its type, into the
/// compact binary column the embedded store keeps (and unpacks them again).
/// </summary>
internal static class EntityCodec
{
    /// <summary>Azure: at most 252 properties besides PartitionKey, RowKey and Timestamp.</summary>
    public const int MaxProperties = 252;

    /// <summary>Azure: a string property holds at most 64 KiB of UTF-16, i.e. 32,768 characters.</summary>
    public const int MaxStringLength = 32 * 1024;

    /// <summary>Azure: a binary property holds at most 64 KiB.</summary>
    public const int MaxBinaryLength = 64 * 1024;

    /// <summary>Azure: an entity is at most 1 MiB.</summary>
    public const int MaxEntityBytes = 1024 * 1024;

    /// <summary>Azure's earliest DateTime: 1601-01-01 UTC.</summary>
    public static readonly DateTimeOffset MinDateTime = new(1601, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private const byte TagString = 1;
    private const byte TagInt64 = 2;
    private const byte TagInt32 = 3;
    private const byte TagBoolean = 4;
    private const byte TagDouble = 5;
    private const byte TagDateTime = 6;
    private const byte TagGuid = 7;
    private const byte TagBinary = 8;

    /// <summary>Validates keys and properties (400 <see cref="StorageErrorCodes.InvalidInput"/>) and returns the packed properties.</summary>
    public static byte[] Encode(TableEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        StorageNames.ValidateKey(entity.PartitionKey, "PartitionKey");
        StorageNames.ValidateKey(entity.RowKey, "RowKey");

        var buffer = new ArrayBufferWriter<byte>(256);
        var count = 0;
        foreach (var (_, value) in entity.Properties)
        {
            if (value is not null)
            {
                count++;
            }
        }

        if (count > MaxProperties)
        {
            throw StorageErrors.InvalidInput($"an entity holds at most {MaxProperties} properties, not {count}");
        }

        WriteVarint(buffer, (uint)count);
        foreach (var (name, value) in entity.Properties)
        {
            if (value is null)
            {
                continue; // Azure stores no nulls: a null property is an absent one
            }

            StorageNames.ValidatePropertyName(name);
            WriteString(buffer, name);
            switch (value)
            {
                case string s:
                    if (s.Length > MaxStringLength)
                    {
                        throw StorageErrors.InvalidInput($"property '{name}' holds {s.Length} characters; at most {MaxStringLength} fit");
                    }

                    WriteByte(buffer, TagString);
                    WriteString(buffer, s);
                    break;
                case long l:
                    WriteByte(buffer, TagInt64);
                    BinaryPrimitives.WriteInt64LittleEndian(buffer.GetSpan(8), l);
                    buffer.Advance(8);
                    break;
                case int i:
                    WriteByte(buffer, TagInt32);
                    BinaryPrimitives.WriteInt32LittleEndian(buffer.GetSpan(4), i);
                    buffer.Advance(4);
                    break;
                case bool b:
                    WriteByte(buffer, TagBoolean);
                    WriteByte(buffer, b ? (byte)1 : (byte)0);
                    break;
                case double d:
                    WriteByte(buffer, TagDouble);
                    BinaryPrimitives.WriteDoubleLittleEndian(buffer.GetSpan(8), d);
                    buffer.Advance(8);
                    break;
                case DateTimeOffset t:
                    if (t < MinDateTime)
                    {
                        throw StorageErrors.InvalidInput($"property '{name}' is {t:o}; tables keep dates from 1601-01-01 UTC");
                    }

                    WriteByte(buffer, TagDateTime);
                    BinaryPrimitives.WriteInt64LittleEndian(buffer.GetSpan(8), t.UtcTicks);
                    buffer.Advance(8);
                    break;
                case Guid g:
                    WriteByte(buffer, TagGuid);
                    g.TryWriteBytes(buffer.GetSpan(16));
                    buffer.Advance(16);
                    break;
                case byte[] bytes:
                    if (bytes.Length > MaxBinaryLength)
                    {
                        throw StorageErrors.InvalidInput($"property '{name}' holds {bytes.Length} bytes; at most {MaxBinaryLength} fit");
                    }

                    WriteByte(buffer, TagBinary);
                    WriteVarint(buffer, (uint)bytes.Length);
                    buffer.Write(bytes);
                    break;
                default:
                    throw StorageErrors.InvalidInput(
                        $"property '{name}' is a {value.GetType().Name}; tables keep string, long, int, bool, double, DateTimeOffset, Guid and byte[]");
            }
        }

        if (buffer.WrittenCount > MaxEntityBytes)
        {
            throw StorageErrors.InvalidInput($"the entity is {buffer.WrittenCount} bytes; at most {MaxEntityBytes} fit");
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Rebuilds an entity from its row.</summary>
    public static TableEntity Decode(string partitionKey, string rowKey, string etag, long timestampTicks, ReadOnlySpan<byte> packed)
    {
        var entity = new TableEntity(partitionKey, rowKey)
        {
            ETag = new Azure.ETag(etag),
            Timestamp = new DateTimeOffset(timestampTicks, TimeSpan.Zero),
        };
        var position = 0;
        var count = (int)ReadVarint(packed, ref position);
        for (var n = 0; n < count; n++)
        {
            var name = ReadString(packed, ref position);
            var tag = packed[position++];
            object value;
            switch (tag)
            {
                case TagString:
                    value = ReadString(packed, ref position);
                    break;
                case TagInt64:
                    value = BinaryPrimitives.ReadInt64LittleEndian(packed[position..]);
                    position += 8;
                    break;
                case TagInt32:
                    value = BinaryPrimitives.ReadInt32LittleEndian(packed[position..]);
                    position += 4;
                    break;
                case TagBoolean:
                    value = packed[position++] != 0;
                    break;
                case TagDouble:
                    value = BinaryPrimitives.ReadDoubleLittleEndian(packed[position..]);
                    position += 8;
                    break;
                case TagDateTime:
                    value = new DateTimeOffset(BinaryPrimitives.ReadInt64LittleEndian(packed[position..]), TimeSpan.Zero);
                    position += 8;
                    break;
                case TagGuid:
                    value = new Guid(packed.Slice(position, 16));
                    position += 16;
                    break;
                case TagBinary:
                    var length = (int)ReadVarint(packed, ref position);
                    value = packed.Slice(position, length).ToArray();
                    position += length;
                    break;
                default:
                    throw new InvalidDataException($"entity {partitionKey}/{rowKey}: unknown property type {tag}");
            }

            entity.Properties[name] = value;
        }

        return entity;
    }

    private static void WriteByte(ArrayBufferWriter<byte> buffer, byte value)
    {
        buffer.GetSpan(1)[0] = value;
        buffer.Advance(1);
    }

    private static void WriteVarint(ArrayBufferWriter<byte> buffer, uint value)
    {
        while (value >= 0x80)
        {
            WriteByte(buffer, (byte)(value | 0x80));
            value >>= 7;
        }

        WriteByte(buffer, (byte)value);
    }

    private static void WriteString(ArrayBufferWriter<byte> buffer, string value)
    {
        var length = Encoding.UTF8.GetByteCount(value);
        WriteVarint(buffer, (uint)length);
        var written = Encoding.UTF8.GetBytes(value, buffer.GetSpan(length));
        buffer.Advance(written);
    }

    private static uint ReadVarint(ReadOnlySpan<byte> packed, ref int position)
    {
        uint value = 0;
        var shift = 0;
        while (true)
        {
            var b = packed[position++];
            value |= (uint)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }

            shift += 7;
        }
    }

    private static string ReadString(ReadOnlySpan<byte> packed, ref int position)
    {
        var length = (int)ReadVarint(packed, ref position);
        var value = Encoding.UTF8.GetString(packed.Slice(position, length));
        position += length;
        return value;
    }
}
