using PowerFunctions.App.Cli;
using PowerFunctions.App.Config;
using PowerFunctions.App.Hosting;

namespace PowerFunctions.App;

/// <summary>
/// One executable: the function app (standalone, or as the Functions host's custom handler) and its
/// commands <c>token</c> and <c>emit-functions</c>.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        try
        {
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
