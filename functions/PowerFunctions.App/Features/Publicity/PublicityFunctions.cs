using Microsoft.Azure.Functions.Worker;
using PowerFunctions.App.Hosting;
using PowerFunctions.App.Http;
using PowerFunctions.Domain.Common;

namespace PowerFunctions.App.Features.Publicity;

/// <summary>
/// <c>GET /api/publicity[?pageSize=&amp;continuation=]</c> (public): approvals currently under publicity,
/// applicant masked, by case number. One page per request (default <see cref="DefaultPageSize"/>), the
/// array of API.md with the next page in <c>X-Continuation</c>/<c>Link</c> (<see cref="Paging.ArrayPage"/>).
/// </summary>
public sealed class PublicityFunctions(PublicityBoard board, TimeProvider clock)
{
    public const int DefaultPageSize = 100;

    public const int MaxPageSize = 500;

    [Function("PublicityList")]
    [Public]
    public async Task<IResult> ListAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "publicity")] HttpRequest request, CancellationToken cancellationToken)
    {
        var pageSize = Paging.PageSize(request, DefaultPageSize, MaxPageSize);
        var after = Paging.Position(request, PublicityBoard.IsRowKey);
        var (items, last) = await board.ListAsync(ChinaTime.Today(clock), after, pageSize, cancellationToken).ConfigureAwait(false);
        return Paging.ArrayPage(request, items, last);
    }
}
