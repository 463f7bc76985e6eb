using PowerFunctions.App.Features.Catalog;
using PowerFunctions.Domain.Catalog;

namespace PowerFunctions.App.Features.Complaints;

/// <summary>
/// What complaints know of the catalog: the departments that exercise a published power (实施主体), who may
/// own tickets and make the Open311 services, and the published items a ticket may name. Read from the
/// catalog's cached published list (refreshed every 30 s).
/// </summary>
public sealed class ComplaintDirectory(CatalogStore catalog)
{
    /// <summary>The departments of the published items, by code.</summary>
    public async Task<IReadOnlyDictionary<string, Department>> DepartmentsAsync(CancellationToken cancellationToken)
    {
        var published = await catalog.PublishedAsync(cancellationToken).ConfigureAwait(false);
        var departments = new SortedDictionary<string, Department>(StringComparer.Ordinal);
        foreach (var item in published.Items)
        {
            departments.TryAdd(item.Department.Code, item.Department);
        }

        return departments;
    }

    /// <summary>The published item <paramref name="code"/>, or null.</summary>
    public async Task<PowerItem?> ItemAsync(string code, CancellationToken cancellationToken) =>
        (await catalog.PublishedAsync(cancellationToken).ConfigureAwait(false)).Find(code);

    /// <summary>Every published item by code (names for the supervisors' summary).</summary>
    public async Task<IReadOnlyList<PowerItem>> ItemsAsync(CancellationToken cancellationToken) =>
        (await catalog.PublishedAsync(cancellationToken).ConfigureAwait(false)).Items;
}
