using Microsoft.Extensions.Options;
using PowerFunctions.App.Auth;
using PowerFunctions.App.Config;

namespace PowerFunctions.App.Cli;

/// <summary>The executable's command besides serving: <c>token</c>.</summary>
public static class Commands
{
    /// <summary>Runs the command named by <c>args[0]</c>, if it is one; false means "serve".</summary>
    public static bool TryRun(string[] args, TextWriter output, TextWriter error, out int exitCode)
    {
        switch (args[0])
        {
            case "token":
                exitCode = Token(args[1..], output, error);
                return true;
            case Features.Documents.Sealing.SealKeyCommand.Name:
                exitCode = Features.Documents.Sealing.SealKeyCommand.Run(args[1..], output, error);
                return true;
            default:
                exitCode = 0;
                return false;
        }
    }

    /// <summary>
    /// <c>token --sub u1 --name 张三 --roles acceptor,reviewer --dept D01 [--hours 12]</c>: prints a token
    /// signed with <c>Auth:SigningKey</c>; refused where none is configured.
    /// </summary>
    private static int Token(string[] args, TextWriter output, TextWriter error)
    {
        var options = ParseOptions(args);
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.local.json"), optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(args.Where(a => a.Contains('=', StringComparison.Ordinal)).ToArray())
            .Build();
        AuthOptions auth;
        try
        {
            auth = AppSettings.Auth(configuration, IsProduction(configuration, args));
        }
        catch (ConfigurationException e)
        {
            error.WriteLine(e.Message);
            return 2;
        }

        var tokens = new TokenService(Options.Create(auth));
        if (!tokens.CanIssue)
        {
            error.WriteLine("拒绝签发令牌: 未配置 Auth:SigningKey (no signing key is configured; set Auth__SigningKey).");
            return 2;
        }

        if (!options.TryGetValue("sub", out var sub) || string.IsNullOrWhiteSpace(sub))
        {
            error.WriteLine("usage: token --sub ID --name NAME --roles r1,r2 [--dept CODE] [--hours H]");
            return 2;
        }

        var roles = options.GetValueOrDefault("roles", string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var unknown = roles.Where(r => !Roles.All.Contains(r)).ToArray();
        if (unknown.Length > 0)
        {
            error.WriteLine($"unknown role(s): {string.Join(", ", unknown)}; known: {string.Join(", ", Roles.All)}");
            return 2;
        }

        TimeSpan? lifetime = options.TryGetValue("hours", out var hours) && double.TryParse(hours, System.Globalization.CultureInfo.InvariantCulture, out var h) && h > 0
            ? TimeSpan.FromHours(h)
            : null;
        output.WriteLine(tokens.Issue(sub, options.GetValueOrDefault("name", sub), roles, options.GetValueOrDefault("dept"), lifetime));
        return 0;
    }

    /// <summary>Production as the app would see it (--environment, ASPNETCORE_/DOTNET_/AZURE_FUNCTIONS_ENVIRONMENT); the key is refused there.</summary>
    private static bool IsProduction(IConfiguration configuration, string[] args)
    {
        var named = args.FirstOrDefault(a => a.StartsWith("--environment=", StringComparison.OrdinalIgnoreCase))?["--environment=".Length..]
            ?? configuration["ASPNETCORE_ENVIRONMENT"] ?? configuration["DOTNET_ENVIRONMENT"] ?? configuration["AZURE_FUNCTIONS_ENVIRONMENT"];
        return string.Equals(named, Environments.Production, StringComparison.OrdinalIgnoreCase);
    }

    private static Dictionary<string, string> ParseOptions(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal) && !args[i].Contains('=', StringComparison.Ordinal) && i + 1 < args.Length)
            {
                options[args[i][2..]] = args[++i];
            }
        }

        return options;
    }
}
