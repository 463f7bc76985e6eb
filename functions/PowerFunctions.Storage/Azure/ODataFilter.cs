using System.Text;

namespace PowerFunctions.Storage.AzureStorage;

/// <summary>
/// Builds the OData <c>$filter</c> of a <see cref="TableQuery"/>. Every value is a string literal
/// whose single quotes are doubled, so no key can end the literal early and widen or break the
/// query; the caller URL-encodes the whole filter as one query value.
/// </summary>
internal static class ODataFilter
{
    /// <summary>An OData string literal: <c>'</c> + value with <c>'</c> doubled + <c>'</c>.</summary>
    public static string Literal(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>The filter, or null when the query reads the whole table.</summary>
    public static string? Build(TableQuery query)
    {
        var clauses = new List<string>();
        if (query.PartitionKey is not null)
        {
            clauses.Add($"PartitionKey eq {Literal(query.PartitionKey)}");
        }
        else
        {
            if (query.PartitionKeyFrom is not null)
            {
                clauses.Add($"PartitionKey ge {Literal(query.PartitionKeyFrom)}");
            }

            if (query.PartitionKeyTo is not null)
            {
                clauses.Add($"PartitionKey lt {Literal(query.PartitionKeyTo)}");
            }
        }

        if (query.RowKeyFrom is not null)
        {
            clauses.Add($"RowKey ge {Literal(query.RowKeyFrom)}");
        }

        if (query.RowKeyTo is not null)
        {
            clauses.Add($"RowKey lt {Literal(query.RowKeyTo)}");
        }

        if (clauses.Count == 0)
        {
            return null;
        }

        var filter = new StringBuilder();
        foreach (var clause in clauses)
        {
            filter.Append(filter.Length == 0 ? string.Empty : " and ").Append('(').Append(clause).Append(')');
        }

        return filter.ToString();
    }

    /// <summary>The key part of an entity's address: <c>(PartitionKey='..',RowKey='..')</c>, quotes doubled, then percent-encoded.</summary>
    public static string EntityKeyPath(string partitionKey, string rowKey) =>
        $"(PartitionKey='{Uri.EscapeDataString(partitionKey.Replace("'", "''", StringComparison.Ordinal))}',RowKey='{Uri.EscapeDataString(rowKey.Replace("'", "''", StringComparison.Ordinal))}')";
}
