using PowerFunctions.App.Hosting;
using PowerFunctions.App.Http;

namespace PowerFunctions.App.Features.Results;

/// <summary><c>GET /api/results[?itemCode=]</c> (public): published results, applicant masked.</summary>
public sealed class ResultFunctions(ResultRegistry registry) : IFunctionModule
{
    public IEnumerable<FunctionDeclaration> Declare()
    {
        yield return Function.Http("ResultsList", "GET", "results", Access.Public, ListAsync);
    }

    private async Task<HttpResult> ListAsync(HttpCall call, CancellationToken cancellationToken) =>
        HttpResult.Ok(await registry.ListAsync(call.QueryValue("itemCode"), cancellationToken).ConfigureAwait(false));
}
