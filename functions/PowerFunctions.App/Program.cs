using PowerFunctions.App.Cli;
using PowerFunctions.App.Config;
using PowerFunctions.App.Hosting;

namespace PowerFunctions.App;

/// <summary>
/// One executable: the function app as an Azure Functions isolated worker (when the Functions host starts
/// it, with <c>--functions-uri</c>) or standalone (Kestrel and in-process runners: <c>dotnet run</c>), and the
/// command <c>token</c>.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        try
        {
            if (PowerFunctionsHost.IsFunctionsHost(args))
            {
                using var host = PowerFunctionsHost.BuildFunctionsHost(args);
                await host.RunAsync().ConfigureAwait(false);
                return 0;
            }

            if (args.Length > 0 && Commands.TryRun(args, Console.Out, Console.Error, out var exitCode))
            {
                return exitCode;
            }

            await using var app = PowerFunctionsHost.Build(args);
            await PowerFunctionsHost.StartAsync(app).ConfigureAwait(false);
            await app.WaitForShutdownAsync().ConfigureAwait(false);
            return 0;
        }
        catch (ConfigurationException e)
        {
            await Console.Error.WriteLineAsync($"配置错误 (configuration error): {e.Message}").ConfigureAwait(false);
            return 2;
        }
    }
}
