namespace PowerFunctions.App.Config;

/// <summary><c>Storage:*</c> settings.</summary>
public sealed class StorageOptions
{
    public const string Embedded = "Embedded";
    public const string AzureStorage = "AzureStorage";

    /// <summary><c>Embedded</c> (SQLite under <see cref="DataPath"/>) or <c>AzureStorage</c>.</summary>
    public string Provider { get; set; } = Embedded;

    /// <summary>Folder of the embedded store.</summary>
    public string DataPath { get; set; } = "./.data";

    /// <summary>Azure Storage connection string (<c>UseDevelopmentStorage=true</c> for Azurite).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>With no connection string: the account reached with Microsoft Entra ID.</summary>
    public string? AccountName { get; set; }
}
