using PowerFunctions.Domain.Catalog;

namespace PowerFunctions.App.Features.Catalog;

/// <summary>What the case lifecycle asks of the catalog: the published terms of an item.</summary>
public interface ICatalogLookup
{
    Task<CatalogLookup> LookupAsync(string itemCode, CancellationToken cancellationToken);
}

/// <summary>The answer: <see cref="Exists"/> false for an unknown code; <see cref="Terms"/> null when the item exists but is not published (draft or abolished).</summary>
public sealed record CatalogLookup(bool Exists, ItemTerms? Terms);
