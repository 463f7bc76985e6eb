using System.Net;
using System.Text;
using PowerFunctions.App.Tests.Support;

namespace PowerFunctions.App.Tests.Hosting;

public sealed class StandaloneModeTests
{
    [Fact]
    public async Task InvocationEndpoint_Standalone_NotMapped()
    {
        await using var app = await TestApp.StartAsync();

        var response = await app.Client.PostAsync("/DeadlineSweep", new StringContent("{\"Data\":{}}", Encoding.UTF8, "application/json"));

        // Standalone, nobody but the app's own runner fires timers: no unauthenticated door to them.
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
