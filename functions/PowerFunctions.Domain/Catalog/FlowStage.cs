namespace PowerFunctions.Domain.Catalog;

/// <summary>One box of the flowchart: the stage, the post that handles it, its limit in days (the unit of the promised limit) and the stages that may follow.</summary>
public sealed record FlowStage(string Id, string Name, string Post, int LimitDays, IReadOnlyList<string> Next);
