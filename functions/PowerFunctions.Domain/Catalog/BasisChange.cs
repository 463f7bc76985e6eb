namespace PowerFunctions.Domain.Catalog;

/// <summary>
/// A change in the law an item rests on, recorded on the item: when it changed, what changed, and
/// by when the catalog entry (7 days) and its flowchart (20 working days) must be revised.
/// </summary>
public sealed record BasisChange(DateOnly ChangedOn, string Description, DateOnly RevisionDue, DateOnly FlowchartDue, bool Provisional);
