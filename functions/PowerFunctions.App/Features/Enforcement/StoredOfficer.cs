using PowerFunctions.Domain.Enforcement;

namespace PowerFunctions.App.Features.Enforcement;

/// <summary>An officer's register entry with the name of the department (from the catalog when registered).</summary>
public sealed record StoredOfficer(Officer Officer, string DepartmentName);
