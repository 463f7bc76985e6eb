using PowerFunctions.Domain.Experts;

namespace PowerFunctions.App.Features.Experts;

/// <summary>The JSON of an expert: <c>{id, name, external, fields, available}</c>.</summary>
public static class ExpertViews
{
    public static object Of(Expert e) => new { id = e.Id, name = e.Name, external = e.External, fields = e.Fields, available = e.Available };
}
