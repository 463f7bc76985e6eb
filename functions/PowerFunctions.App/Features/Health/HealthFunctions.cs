using PowerFunctions.App.Config;
using PowerFunctions.App.Hosting;
using PowerFunctions.App.Http;
using PowerFunctions.Storage;

namespace PowerFunctions.App.Features.Health;

/// <summary><c>GET /api/health</c> → <c>{status:"ok", storage, clock, now}</c>.</summary>
public sealed class HealthFunctions(IStorageAccount storage, TimeProvider clock, ClockOptions clockOptions) : IFunctionModule
{
    public IEnumerable<FunctionDeclaration> Declare()
    {
        yield return Function.Http("Health", "GET", "health", Access.Public, (_, _) => Task.FromResult(HttpResult.Ok(new
        {
            status = "ok",
            storage = storage.Provider,
            clock = clockOptions.Mode,
            now = Domain.Common.ChinaTime.InChina(clock.GetUtcNow()),
        })));
    }
}
