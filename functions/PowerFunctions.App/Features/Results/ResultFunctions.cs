using Microsoft.Azure.Functions.Worker;
using PowerFunctions.App.Hosting;
using PowerFunctions.App.Http;

namespace PowerFunctions.App.Features.Results;

/// <summary>
/// <c>GET /api/results[?itemCode=&amp;pageSize=&amp;continuation=]</c> (public): published results, applicant
/// masked, newest first. One page per request (default <see cref="DefaultPageSize"/>), the array of API.md
/// with the next page in <c>X-Continuation</c>/<c>Link</c> (<see cref="Paging.ArrayPage"/>).
/// </summary>
public sealed class ResultFunctions(ResultRegistry registry)
{
    public const int DefaultPageSize = 100;

    public const int MaxPageSize = 500;

    [Function("ResultsList")]
    [Public]
    public async Task<IResult> ListAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "results")] HttpRequest request, CancellationToken cancellationToken)
    {
        var itemCode = request.QueryValue("itemCode") is { Length: > 0 } code ? code.Trim() : null;
        if (itemCode is not null && !Cases.CaseStore.IsCaseNo(itemCode))
        {
            throw Problems.BadParameter("itemCode", "itemCode is an item code: at most 64 letters, digits and dashes");
        }

        var pageSize = Paging.PageSize(request, DefaultPageSize, MaxPageSize);
        var after = Paging.Position(request, ResultRegistry.IsRowKey);
        var (items, last) = await registry.ListAsync(itemCode, after, pageSize, cancellationToken).ConfigureAwait(false);
        return Paging.ArrayPage(request, items, last);
    }
}
