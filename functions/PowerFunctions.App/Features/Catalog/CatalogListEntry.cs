using PowerFunctions.Domain.Catalog;

namespace PowerFunctions.App.Features.Catalog;

/// <summary>One row of <c>GET /api/catalog/items</c>, exactly as API.md lists it.</summary>
public sealed record CatalogListEntry(
    string Code,
    string Name,
    string Kind,
    Department Department,
    HandlingType HandlingType,
    TimeLimit LegalLimit,
    TimeLimit PromisedLimit,
    ReviewMode ReviewMode,
    bool Publicised,
    bool ExpertReview,
    bool CollectiveDecision)
{
    public static CatalogListEntry From(PowerItem item) => new(
        item.Code,
        item.Name,
        item.Kind,
        new Department(item.Department.Code, item.Department.Name),
        item.HandlingType,
        item.LegalLimit,
        item.PromisedLimit,
        item.ReviewMode,
        item.Publicised,
        item.ExpertReview,
        item.CollectiveDecision);
}
