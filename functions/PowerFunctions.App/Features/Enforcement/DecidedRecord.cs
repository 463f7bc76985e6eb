using PowerFunctions.Domain.Catalog;
using PowerFunctions.Domain.Enforcement;

namespace PowerFunctions.App.Features.Enforcement;

/// <summary>What supervision keeps of a penalty decided: the domain's record, with the names and the tier of the circumstance found, for display.</summary>
public sealed record DecidedRecord(DecidedPenalty Penalty, string DepartmentName, string ItemName, DiscretionTier? Tier);
