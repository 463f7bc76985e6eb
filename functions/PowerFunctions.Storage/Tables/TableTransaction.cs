namespace PowerFunctions.Storage;

/// <summary>The entity-group transaction rules, checked by both adapters before anything is written (Azurite does not enforce them).</summary>
public static class TableTransaction
{
    /// <summary>Azure's limit on operations in one entity-group transaction.</summary>
    public const int MaxActions = 100;

    /// <summary>Throws 400 unless the batch is 1–100 actions in one partition with no row twice.</summary>
    public static void Validate(IReadOnlyList<TableTransactionAction> actions)
    {
        ArgumentNullException.ThrowIfNull(actions);
        if (actions.Count == 0)
        {
            throw StorageErrors.InvalidTransaction("a transaction needs at least one action");
        }

        if (actions.Count > MaxActions)
        {
            throw StorageErrors.InvalidTransaction($"a transaction holds at most {MaxActions} actions, not {actions.Count}");
        }

        var partition = actions[0].Entity.PartitionKey;
        var rows = new HashSet<string>(StringComparer.Ordinal);
        foreach (var action in actions)
        {
            if (!string.Equals(action.Entity.PartitionKey, partition, StringComparison.Ordinal))
            {
                throw StorageErrors.InvalidTransaction("every action of a transaction must be in one partition");
            }

            if (!rows.Add(action.Entity.RowKey))
            {
                throw StorageErrors.InvalidTransaction($"row '{action.Entity.RowKey}' appears twice in one transaction");
            }
        }
    }
}
