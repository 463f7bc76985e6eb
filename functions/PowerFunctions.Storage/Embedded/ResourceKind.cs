namespace PowerFunctions.Storage.Embedded;

/// <summary>What a row of the <c>resources</c> table names.</summary>
internal enum ResourceKind
{
    Table = 1,
    Container = 2,
    Queue = 3,
}
