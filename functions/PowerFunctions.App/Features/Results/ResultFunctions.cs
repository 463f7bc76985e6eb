using Microsoft.Azure.Functions.Worker;
using PowerFunctions.App.Hosting;
using PowerFunctions.App.Http;

namespace PowerFunctions.App.Features.Results;

/// <summary><c>GET /api/results[?itemCode=]</c> (public): published results, applicant masked.</summary>
public sealed class ResultFunctions(ResultRegistry registry)
{
    [Function("ResultsList")]
    [Public]
    public async Task<IResult> ListAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "results")] HttpRequest request, CancellationToken cancellationToken) =>
        HttpResult.Ok(await registry.ListAsync(request.QueryValue("itemCode"), cancellationToken).ConfigureAwait(false));
}
