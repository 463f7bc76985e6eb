using Azure;
using PowerFunctions.App.Http;
using PowerFunctions.Domain.Experts;

namespace PowerFunctions.App.Features.Experts;

/// <summary>
/// Keeps the expert register (专家库) for its administrators, apart from the reviewers who draw from it
/// (管用分离, seed 000 配套2): add or replace an expert, make one available or not, list them. Each record
/// is checked by the domain (<see cref="ExpertRegister.Check"/>); a draw made earlier keeps the pool it
/// recorded, so changing the register never changes a past draw.
/// </summary>
public sealed class ExpertService(ExpertStore store, TimeProvider clock)
{
    /// <summary>Adds or replaces the expert <paramref name="expert"/>; answers whether it was new. 422 <c>experts.invalid</c> naming every problem.</summary>
    public async Task<bool> PutAsync(Expert expert, string changedBy, CancellationToken cancellationToken)
    {
        var errors = ExpertRegister.Check(expert);
        if (errors.Count > 0)
        {
            throw Problems.From(Domain.Common.DomainError.Validation("experts.invalid", "专家信息不完整", string.Join("; ", errors.SelectMany(e => e.Value.Select(v => $"{e.Key}: {v}"))), errors));
        }

        var clean = ExpertRegister.Empty.Put(expert).OrThrow().Experts[0];
        var existing = await store.GetAsync(clean.Id, cancellationToken).ConfigureAwait(false);
        await WriteAsync(clean, existing?.ETag, changedBy, cancellationToken).ConfigureAwait(false);
        return existing is null;
    }

    /// <summary>Makes an expert available for later draws or not (回避, illness, term ended); 404 <c>experts.not_found</c>.</summary>
    public async Task<Expert> SetAvailableAsync(string id, bool available, string changedBy, CancellationToken cancellationToken)
    {
        var existing = await store.GetAsync(id, cancellationToken).ConfigureAwait(false)
            ?? throw Problems.NotFound("experts.not_found", "专家不存在", $"no expert '{id}' in the register");
        var changed = ExpertRegister.Of([existing.Expert]).OrThrow().SetAvailable(id, available).OrThrow().Experts[0];
        await WriteAsync(changed, existing.ETag, changedBy, cancellationToken).ConfigureAwait(false);
        return changed;
    }

    public Task<ExpertRegister> RegisterAsync(CancellationToken cancellationToken) => store.RegisterAsync(cancellationToken);

    private async Task WriteAsync(Expert expert, ETag? ifMatch, string changedBy, CancellationToken cancellationToken)
    {
        try
        {
            await store.WriteAsync(expert, ifMatch, changedBy, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            throw Problems.PreconditionFailed($"expert '{expert.Id}' was changed meanwhile; read it again");
        }
    }
}
