using Microsoft.Azure.Functions.Worker;
using PowerFunctions.App.Hosting;
using PowerFunctions.App.Http;
using PowerFunctions.Domain.Common;

namespace PowerFunctions.App.Features.Publicity;

/// <summary><c>GET /api/publicity</c> (public): approvals currently under publicity, applicant masked.</summary>
public sealed class PublicityFunctions(PublicityBoard board, TimeProvider clock)
{
    [Function("PublicityList")]
    [Public]
    public async Task<IResult> ListAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "publicity")] HttpRequest request, CancellationToken cancellationToken) =>
        HttpResult.Ok(await board.ListAsync(ChinaTime.Today(clock), cancellationToken).ConfigureAwait(false));
}
