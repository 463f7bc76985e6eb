using PowerFunctions.App.Features.Catalog;
using PowerFunctions.Domain.Catalog;
using PowerFunctions.Domain.Supervision.Reports;

namespace PowerFunctions.App.Features.Supervision;

/// <summary>
/// The departments the supervision centre reports on: those exercising a published power (the catalog's cached list,
/// with their names), and any other the centre has seen (an alert, a counter or a notice named it), by code.
/// </summary>
public sealed class SupervisionDirectory(CatalogStore catalog, SupervisionRegistry registry)
{
    /// <summary>Every department, catalog names where known, ordered by code.</summary>
    public async Task<IReadOnlyList<ReportDepartment>> DepartmentsAsync(CancellationToken cancellationToken)
    {
        var names = await NamesAsync(cancellationToken).ConfigureAwait(false);
        foreach (var code in await registry.DepartmentsAsync(cancellationToken).ConfigureAwait(false))
        {
            names.TryAdd(code, code);
        }

        return [.. names.Select(n => new ReportDepartment(n.Key, n.Value))];
    }

    /// <summary>The name of <paramref name="department"/> in the catalog, or the code.</summary>
    public async Task<string> NameOfAsync(string department, CancellationToken cancellationToken) =>
        (await NamesAsync(cancellationToken).ConfigureAwait(false)).GetValueOrDefault(department, department);

    /// <summary>The published item <paramref name="itemCode"/>, or null.</summary>
    public async Task<PowerItem?> ItemAsync(string itemCode, CancellationToken cancellationToken) =>
        (await catalog.PublishedAsync(cancellationToken).ConfigureAwait(false)).Find(itemCode);

    private async Task<SortedDictionary<string, string>> NamesAsync(CancellationToken cancellationToken)
    {
        var published = await catalog.PublishedAsync(cancellationToken).ConfigureAwait(false);
        var names = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in published.Items)
        {
            names.TryAdd(item.Department.Code, item.Department.Name);
        }

        return names;
    }
}
