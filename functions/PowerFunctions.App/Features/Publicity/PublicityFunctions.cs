using PowerFunctions.App.Hosting;
using PowerFunctions.App.Http;
using PowerFunctions.Domain.Common;

namespace PowerFunctions.App.Features.Publicity;

/// <summary><c>GET /api/publicity</c> (public): approvals currently under publicity, applicant masked.</summary>
public sealed class PublicityFunctions(PublicityBoard board, TimeProvider clock) : IFunctionModule
{
    public IEnumerable<FunctionDeclaration> Declare()
    {
        yield return Function.Http("PublicityList", "GET", "publicity", Access.Public, ListAsync);
    }

    private async Task<HttpResult> ListAsync(HttpCall call, CancellationToken cancellationToken) =>
        HttpResult.Ok(await board.ListAsync(ChinaTime.Today(clock), cancellationToken).ConfigureAwait(false));
}
