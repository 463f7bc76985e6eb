using System.Net;
using PowerFunctions.App.Hosting;
using PowerFunctions.App.Tests.Support;

namespace PowerFunctions.App.Tests.Hosting;

/// <summary>A handler that is declared but not built yet answers 501 to the Functions host (still a failed delivery).</summary>
public sealed class NotSupportedHandlerTests
{
    [Fact]
    public async Task QueueEnvelope_HandlerNotBuilt_Answers501WithLogs()
    {
        await using var app = await TestApp.StartCustomHandlerAsync(overrideServices: s => s.AddFunctionModule<Unbuilt>());

        var (response, body) = await Envelopes.PostAsync(app.Client, "TestUnbuilt", Envelopes.ServiceBus("{}", "m-1"));

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
        Assert.Contains(body.GetProperty("Logs").EnumerateArray(), l => l.GetString()!.Contains("not available yet", StringComparison.Ordinal));
    }

    public sealed class Unbuilt : IFunctionModule
    {
        public IEnumerable<FunctionDeclaration> Declare()
        {
            yield return Function.ServiceBusQueue("TestUnbuilt", "test-unbuilt", (_, _) => throw new NotSupportedException("coming with its issue"));
        }
    }
}
