namespace PowerFunctions.App.Features.Catalog;

/// <summary>The case lifecycle's view of the catalog: the published terms of an item, read fresh from the item row.</summary>
public sealed class CatalogLookupService(CatalogStore store) : ICatalogLookup
{
    public async Task<CatalogLookup> LookupAsync(string itemCode, CancellationToken cancellationToken)
    {
        var record = await store.GetAsync(itemCode, cancellationToken).ConfigureAwait(false);
        if (record is null || (record.Public is null && record.Draft is null))
        {
            return new CatalogLookup(false, null);
        }

        return new CatalogLookup(true, record.Published?.ToTerms());
    }
}
