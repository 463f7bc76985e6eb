using Microsoft.Azure.Functions.Worker;
using PowerFunctions.App.Config;
using PowerFunctions.App.Hosting;
using PowerFunctions.App.Http;
using PowerFunctions.Storage;

namespace PowerFunctions.App.Features.Health;

/// <summary><c>GET /api/health</c> → <c>{status:"ok", storage, clock, now}</c>.</summary>
public sealed class HealthFunctions(IStorageAccount storage, TimeProvider clock, ClockOptions clockOptions)
{
    [Function("Health")]
    [Public]
    public IResult Health([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request) => HttpResult.Ok(new
    {
        status = "ok",
        storage = storage.Provider,
        clock = clockOptions.Mode,
        now = Domain.Common.ChinaTime.InChina(clock.GetUtcNow()),
    });
}
