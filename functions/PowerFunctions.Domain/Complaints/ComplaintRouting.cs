using PowerFunctions.Domain.Catalog;

namespace PowerFunctions.Domain.Complaints;

/// <summary>
/// Which department a new ticket reaches first, and so owns (首问负责): the department the filer chose,
/// else the department handling the named case, else the department that exercises the named item
/// (its 实施主体 in the catalog), else none (the hotline or a supervisor assigns it). An explicit choice
/// wins because it IS the first department the filer reached; a case is more precise than its item.
/// Source: seed 003 (第五篇 首问负责制).
/// </summary>
public static class ComplaintRouting
{
    /// <summary>
    /// The route of a ticket from the explicit department, the case's department (when a case was named and
    /// found) and the item's department (when an item was named and found). Blank codes count as absent.
    /// Source: seed 003 (第五篇 首问负责制).
    /// </summary>
    public static ComplaintRoute Route(string? explicitDepartment, string? caseDepartment, string? itemDepartment)
    {
        if (!string.IsNullOrWhiteSpace(explicitDepartment))
        {
            return new ComplaintRoute(explicitDepartment.Trim(), RouteSource.Explicit);
        }

        if (!string.IsNullOrWhiteSpace(caseDepartment))
        {
            return new ComplaintRoute(caseDepartment.Trim(), RouteSource.Case);
        }

        return string.IsNullOrWhiteSpace(itemDepartment) ? ComplaintRoute.None : new ComplaintRoute(itemDepartment.Trim(), RouteSource.Item);
    }

    /// <summary>
    /// The same route from what the app looked up: the terms the named case runs under (its department,
    /// 承办机构) and the named item's department in the catalog (实施主体). Source: seed 003 (第五篇 首问负责制).
    /// </summary>
    public static ComplaintRoute FromCatalog(string? explicitDepartment, ItemTerms? caseTerms, Department? itemDepartment) =>
        Route(explicitDepartment, caseTerms?.DepartmentCode, itemDepartment?.Code);
}
