using Microsoft.Azure.Functions.Worker;
using PowerFunctions.App.Auth;
using PowerFunctions.App.Hosting;
using PowerFunctions.App.Http;
using PowerFunctions.Domain.Experts;

namespace PowerFunctions.App.Features.Experts;

/// <summary>
/// The expert register (专家库) over HTTP, kept by admins apart from the reviewers who draw from it
/// (管用分离, seed 000 配套2): <c>PUT /api/experts/{id}</c> <c>{name, external, fields:[…], available?}</c>
/// (201 new, 200 replaced), <c>POST /api/experts/{id}/availability</c> <c>{available}</c>,
/// <c>GET /api/experts?field=&amp;available=</c> and <c>GET /api/experts/{id}</c> (admins and supervisors).
/// A case's <c>expert-draw</c> takes its pool from here.
/// </summary>
public sealed class ExpertFunctions(ExpertService experts, ExpertStore store)
{
    [Function("ExpertPut")]
    [AnyRole(Roles.Admin)]
    public async Task<IResult> PutAsync([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "experts/{id}")] HttpRequest request, string id, CancellationToken cancellationToken)
    {
        var caller = request.RequireCaller();
        var body = request.ReadJson<ExpertBody>();
        var expert = new Expert(id, body.Name ?? string.Empty, body.External ?? false, body.Fields?.Select(f => f ?? string.Empty).ToArray() ?? [], body.Available ?? true);
        var created = await experts.PutAsync(expert, caller.Subject, cancellationToken).ConfigureAwait(false);
        var stored = (await store.GetAsync(id, cancellationToken).ConfigureAwait(false))!.Value.Expert;
        return created ? HttpResult.Created(ExpertViews.Of(stored), $"/api/experts/{id}") : HttpResult.Ok(ExpertViews.Of(stored));
    }

    [Function("ExpertAvailability")]
    [AnyRole(Roles.Admin)]
    public async Task<IResult> AvailabilityAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "experts/{id}/availability")] HttpRequest request, string id, CancellationToken cancellationToken)
    {
        var caller = request.RequireCaller();
        var body = request.ReadJson<AvailabilityBody>();
        if (body.Available is not { } available)
        {
            throw Problems.Validation(new Dictionary<string, string[]> { ["available"] = ["须写明是否可供抽取（true 或 false）"] });
        }

        return HttpResult.Ok(ExpertViews.Of(await experts.SetAvailableAsync(id, available, caller.Subject, cancellationToken).ConfigureAwait(false)));
    }

    [Function("ExpertGet")]
    [AnyRole(Roles.Admin, Roles.Supervisor)]
    public async Task<IResult> GetAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "experts/{id}")] HttpRequest request, string id, CancellationToken cancellationToken)
    {
        var found = await store.GetAsync(id, cancellationToken).ConfigureAwait(false)
            ?? throw Problems.NotFound("experts.not_found", "专家不存在", $"no expert '{id}' in the register");
        return HttpResult.Ok(new { expert = ExpertViews.Of(found.Expert), updatedBy = found.UpdatedBy, updatedAt = found.UpdatedAt });
    }

    [Function("ExpertList")]
    [AnyRole(Roles.Admin, Roles.Supervisor)]
    public async Task<IResult> ListAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "experts")] HttpRequest request, CancellationToken cancellationToken)
    {
        var field = request.QueryValue("field") is { Length: > 0 } f ? f.Trim() : null;
        bool? available = request.QueryValue("available") switch
        {
            null or "" => null,
            "true" => true,
            "false" => false,
            _ => throw Problems.BadParameter("available", "available is true or false"),
        };
        var register = await experts.RegisterAsync(cancellationToken).ConfigureAwait(false);
        var list = register.Experts
            .Where(e => (field is null || e.Fields.Contains(field, StringComparer.Ordinal)) && (available is null || e.Available == available))
            .Select(ExpertViews.Of)
            .ToList();
        var external = register.Experts.Where(e => field is null || e.Fields.Contains(field, StringComparer.Ordinal)).Where(e => e.Available).ToList();
        return HttpResult.Ok(new
        {
            experts = list,
            drawPool = new { field, available = external.Count, external = external.Count(e => e.External), meetsOneThirdExternal = external.Count > 0 && external.Count(e => e.External) * 3 >= external.Count },
        });
    }

    private sealed record ExpertBody(string? Name, bool? External, IReadOnlyList<string?>? Fields, bool? Available);

    private sealed record AvailabilityBody(bool? Available);
}
