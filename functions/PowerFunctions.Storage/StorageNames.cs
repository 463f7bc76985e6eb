using System.Text.RegularExpressions;

namespace PowerFunctions.Storage;

/// <summary>Azure's naming and key rules, enforced by both adapters so that embedded data is valid on Azure.</summary>
public static partial class StorageNames
{
    /// <summary>Azure's limit on a partition or row key, in characters (1 KiB of UTF-16).</summary>
    public const int MaxKeyLength = 512;

    public static void ValidateTableName(string name)
    {
        if (!TableName().IsMatch(name))
        {
            throw StorageErrors.InvalidInput($"'{name}' is not a valid table name (letters and digits, 3-63, starting with a letter)");
        }
    }

    public static void ValidateContainerOrQueueName(string name)
    {
        if (!ContainerName().IsMatch(name) || name.Contains("--", StringComparison.Ordinal))
        {
            throw StorageErrors.InvalidInput($"'{name}' is not a valid container or queue name (lower-case letters, digits, single dashes, 3-63)");
        }
    }

    /// <summary>Keys may not hold / \ # ? or control characters (Azure Table rules).</summary>
    public static void ValidateKey(string key, string which)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length > MaxKeyLength)
        {
            throw StorageErrors.InvalidInput($"{which} is longer than {MaxKeyLength} characters");
        }

        if (!HasOnlyKeyCharacters(key))
        {
            throw StorageErrors.InvalidInput($"{which} '{key}' holds a character tables forbid (/ \\ # ? or a control character)");
        }
    }

    /// <summary>True when <paramref name="key"/> holds none of the characters table keys forbid (/ \ # ? and control characters).</summary>
    public static bool HasOnlyKeyCharacters(string key)
    {
        // A plain loop: every key of every entity comes through here (LINQ over a string allocated an enumerator each time).
        foreach (var c in key)
        {
            if (c is '/' or '\\' or '#' or '?' || char.IsControl(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Azure's limit on a property name, in characters.</summary>
    public const int MaxPropertyNameLength = 255;

    /// <summary>A property name is a C# identifier (letters, digits, underscore; not starting with a digit), up to 255 characters, and not a system property.</summary>
    public static void ValidatePropertyName(string name)
    {
        if (string.IsNullOrEmpty(name) || name.Length > MaxPropertyNameLength || !(char.IsLetter(name[0]) || name[0] == '_')
            || !IsIdentifierTail(name)
            || name is "PartitionKey" or "RowKey" or "Timestamp" or "odata")
        {
            throw StorageErrors.InvalidInput($"'{name}' is not a valid property name (a C# identifier up to {MaxPropertyNameLength} characters, not PartitionKey, RowKey or Timestamp)");
        }
    }

    private static bool IsIdentifierTail(string name)
    {
        foreach (var c in name)
        {
            if (!(char.IsLetterOrDigit(c) || c == '_'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Blob names: 1–1024 characters, no control characters, no leading or trailing slash, no empty or dot segments.</summary>
    public static void ValidateBlobName(string name)
    {
        if (string.IsNullOrEmpty(name) || name.Length > 1024 || name.StartsWith('/') || name.EndsWith('/')
            || name.Any(char.IsControl) || name.Split('/').Any(s => s.Length == 0 || s == "." || s == ".."))
        {
            throw StorageErrors.InvalidInput($"'{name}' is not a valid blob name");
        }
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{2,62}$")]
    private static partial Regex TableName();

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]{1,61})[a-z0-9]$")]
    private static partial Regex ContainerName();
}
