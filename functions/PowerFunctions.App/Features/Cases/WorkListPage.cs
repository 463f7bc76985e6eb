using System.Text.Json.Serialization;

namespace PowerFunctions.App.Features.Cases;

/// <summary><c>GET /api/cases</c>'s answer (API.md): <c>{items, continuation}</c>, <c>continuation</c> written as null on the last page.</summary>
public sealed record WorkListPage(
    IReadOnlyList<WorkListLine> Items,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Continuation);
