using System.Buffers.Text;
using System.Text;

namespace PowerFunctions.Storage.AzureStorage;

/// <summary>
/// Packs the Table service's two continuation headers (<c>x-ms-continuation-NextPartitionKey</c> and
/// <c>-NextRowKey</c>) into one opaque, URL-safe token, and unpacks it; a token that was not made
/// here is refused with 400 rather than sent on.
/// </summary>
internal static class TableContinuationToken
{
    private const string Version = "t1";

    public static string? Pack(string? nextPartitionKey, string? nextRowKey)
    {
        if (string.IsNullOrEmpty(nextPartitionKey) && string.IsNullOrEmpty(nextRowKey))
        {
            return null;
        }

        var text = $"{Version}\n{nextPartitionKey}\n{nextRowKey}";
        return Base64Url.EncodeToString(Encoding.UTF8.GetBytes(text));
    }

    public static (string? NextPartitionKey, string? NextRowKey) Unpack(string token)
    {
        string text;
        try
        {
            text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
        }
        catch (FormatException)
        {
            throw StorageErrors.InvalidInput("the continuation token is not one this store issued");
        }

        var parts = text.Split('\n');
        if (parts.Length != 3 || parts[0] != Version)
        {
            throw StorageErrors.InvalidInput("the continuation token is not one this store issued");
        }

        return (parts[1].Length == 0 ? null : parts[1], parts[2].Length == 0 ? null : parts[2]);
    }
}
