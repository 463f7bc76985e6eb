using Azure;
using PowerFunctions.Domain.Catalog;

namespace PowerFunctions.App.Features.Catalog;

/// <summary>
/// The current state of one item, as the <c>catalog</c> table holds it (the authority for the item's
/// state; <c>catalogversions</c> keeps every version for reading): the version the public sees
/// (published, or abolished) and the working draft, if any.
/// </summary>
public sealed record CatalogRecord(PowerItem? Public, PowerItem? Draft, ETag ETag)
{
    /// <summary>The newest version, draft or not.</summary>
    public PowerItem Latest => Draft ?? Public ?? throw new InvalidOperationException("a catalog record holds at least one version");

    public string Code => Latest.Code;

    public string DepartmentCode => Latest.Department.Code;

    /// <summary>The item's status as a whole: published while a published version is in force (even with a revision draft pending).</summary>
    public ItemStatus Status => Public?.Status ?? ItemStatus.Draft;

    public PowerItem? Published => Public is { Status: ItemStatus.Published } p ? p : null;
}
