using SdkEntity = Azure.Data.Tables.TableEntity;

namespace PowerFunctions.Storage.AzureStorage;

/// <summary>
/// Our <see cref="TableEntity"/> to the SDK's and back. Keys and property names are checked here with
/// the embedded adapter's rules (so a bad one is 400 before any request); the SDK writes the
/// <c>@odata.type</c> annotations that keep Int64, Double, DateTime, Guid and Binary typed.
/// </summary>
internal static class TableEntityMapping
{
    public static void ValidateKeys(string partitionKey, string rowKey)
    {
        StorageNames.ValidateKey(partitionKey, "PartitionKey");
        StorageNames.ValidateKey(rowKey, "RowKey");
    }

    public static SdkEntity ToSdk(TableEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        ValidateKeys(entity.PartitionKey, entity.RowKey);
        var sdk = new SdkEntity(entity.PartitionKey, entity.RowKey);
        foreach (var (name, value) in entity.Properties)
        {
            if (value is null)
            {
                continue; // tables store no nulls: a null property is an absent one
            }

            StorageNames.ValidatePropertyName(name);
            sdk[name] = value switch
            {
                string or long or int or bool or double or Guid or byte[] => value,
                DateTimeOffset t => t.ToUniversalTime(),
                _ => throw StorageErrors.InvalidInput(
                    $"property '{name}' is a {value.GetType().Name}; tables keep string, long, int, bool, double, DateTimeOffset, Guid and byte[]"),
            };
        }

        return sdk;
    }

    public static TableEntity FromSdk(SdkEntity sdk)
    {
        var entity = new TableEntity(sdk.PartitionKey, sdk.RowKey) { ETag = sdk.ETag, Timestamp = sdk.Timestamp };
        foreach (var (name, value) in sdk)
        {
            if (name is "PartitionKey" or "RowKey" or "Timestamp" || name.StartsWith("odata.", StringComparison.Ordinal))
            {
                continue;
            }

            entity.Properties[name] = value switch
            {
                DateTimeOffset t => t.ToUniversalTime(),
                BinaryData b => b.ToArray(),
                _ => value,
            };
        }

        return entity;
    }
}
