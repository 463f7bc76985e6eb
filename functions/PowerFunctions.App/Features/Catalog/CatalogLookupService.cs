namespace PowerFunctions.App.Features.Catalog;

/// <summary>
/// The case lifecycle's view of the catalog: the published terms of an item. A published item is answered
/// from the published list the catalog keeps in memory (<see cref="CatalogStore.PublishedAsync"/>: updated at
/// once by this instance's writes, re-read within <see cref="CatalogStore.CacheLifetime"/> for other
/// instances'), so a submission reads no catalog row; an item not in that list (unknown, a draft, or published
/// by another instance since the list was read) is read fresh from its row.
/// </summary>
public sealed class CatalogLookupService(CatalogStore store) : ICatalogLookup
{
    public async Task<CatalogLookup> LookupAsync(string itemCode, CancellationToken cancellationToken)
    {
        var published = await store.PublishedAsync(cancellationToken).ConfigureAwait(false);
        if (published.Find(itemCode) is { } item)
        {
            return new CatalogLookup(true, item.ToTerms());
        }

        var record = await store.GetAsync(itemCode, cancellationToken).ConfigureAwait(false);
        if (record is null || (record.Public is null && record.Draft is null))
        {
            return new CatalogLookup(false, null);
        }

        return new CatalogLookup(true, record.Published?.ToTerms());
    }
}
