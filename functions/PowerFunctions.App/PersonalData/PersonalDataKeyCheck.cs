using Azure;
using PowerFunctions.App.Hosting;
using PowerFunctions.Storage;

namespace PowerFunctions.App.PersonalData;

/// <summary>
/// At start, proves the configured keys are the ones this store's data was written with: table
/// <c>personaldatakeys</c> holds, per key id, a known text encrypted with that key when it first became active.
/// A listed key that does not open its row (the same id with other bytes: a wrong secret version, a key from
/// another environment) stops the start, naming the setting, before anything is written with it.
/// </summary>
public sealed class PersonalDataKeyCheck(IStorageAccount storage, PersonalDataProtector protector) : IStartupTask
{
    public const string TableName = "personaldatakeys";

    private const string Partition = "check";
    private const string Text = "PowerFunctions personal-data key check";

    private readonly ITableClient _table = storage.GetTableClient(TableName);

    public int Order => 5;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await _table.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        foreach (var key in protector.Keys.Keys)
        {
            var row = await _table.GetEntityAsync(Partition, key.KeyId, cancellationToken).ConfigureAwait(false);
            if (row is null && key == protector.Keys.Active)
            {
                try
                {
                    await _table.AddEntityAsync(new TableEntity(Partition, key.KeyId) { ["Value"] = protector.Protect(Text, Context(key.KeyId)) }, cancellationToken).ConfigureAwait(false);
                    continue;
                }
                catch (RequestFailedException e) when (StorageErrors.IsConflict(e))
                {
                    row = await _table.GetEntityAsync(Partition, key.KeyId, cancellationToken).ConfigureAwait(false);
                }
            }

            if (row?.GetString("Value") is { } stored && protector.Reveal(stored, Context(key.KeyId)) != Text)
            {
                throw new Config.ConfigurationException(
                    $"PersonalData:Keys:{key.KeyId} is not the key this store's personal data was written with under that id; "
                    + "restore the right secret version (a new key needs a new key id).");
            }
        }
    }

    private static string Context(string keyId) => $"{TableName}/{Partition}/{keyId}";
}
