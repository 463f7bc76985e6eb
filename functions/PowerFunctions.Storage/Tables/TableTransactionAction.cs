using Azure;

namespace PowerFunctions.Storage;

/// <summary>What one action of an entity-group transaction does.</summary>
public enum TableTransactionActionType
{
    /// <summary>Create-only insert.</summary>
    Add,

    /// <summary>Replace, under If-Match.</summary>
    UpdateReplace,

    /// <summary>Insert or replace.</summary>
    UpsertReplace,

    /// <summary>Delete, under If-Match; the row must exist.</summary>
    Delete,
}

/// <summary>One action of an entity-group transaction.</summary>
public sealed record TableTransactionAction(TableTransactionActionType ActionType, TableEntity Entity, ETag IfMatch = default);
