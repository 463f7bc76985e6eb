using System.Net;
using System.Net.Http.Headers;
using PowerFunctions.App.Cli;
using PowerFunctions.App.Tests.Support;

namespace PowerFunctions.App.Tests.Hosting;

/// <summary>The <c>token</c> command: a token signed with the configured key works against the app; no key, no token.</summary>
public sealed class TokenCommandTests
{
    [Fact]
    public async Task Token_WithSigningKey_WorksAgainstTheApp()
    {
        await using var app = await TestApp.StartAsync();
        using var output = new StringWriter();

        Commands.TryRun(["token", "--sub", "admin1", "--name", "管理员", "--roles", "admin", $"--Auth:SigningKey={TestApp.SigningKey}"], output, TextWriter.Null, out var exitCode);

        Assert.Equal(0, exitCode);
        var client = new HttpClient { BaseAddress = app.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", output.ToString().Trim());
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/api/admin/timers/sweep", null)).StatusCode);
    }

    [Fact]
    public async Task Token_OtherRole_ForbiddenByTheApp()
    {
        await using var app = await TestApp.StartAsync();
        using var output = new StringWriter();

        Commands.TryRun(["token", "--sub", "c1", "--roles", "citizen", $"--Auth:SigningKey={TestApp.SigningKey}"], output, TextWriter.Null, out _);

        var client = new HttpClient { BaseAddress = app.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", output.ToString().Trim());
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync("/api/admin/timers/sweep", null)).StatusCode);
    }

    [Fact]
    public async Task Token_NoSigningKey_RefusedByTheBuiltApp()
    {
        var (exitCode, stdout, stderr) = await AppProcess.RunAsync(["token", "--sub", "u1", "--roles", "admin"], new Dictionary<string, string> { ["Auth__SigningKey"] = string.Empty });

        Assert.Equal(2, exitCode);
        Assert.Empty(stdout.Trim());
        Assert.Contains("Auth:SigningKey", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--roles", "wizard", "unknown role")]
    [InlineData("--name", "x", "usage")]
    public void Token_BadArguments_Refused(string option, string value, string message)
    {
        using var error = new StringWriter();

        Commands.TryRun(["token", option, value, $"--Auth:SigningKey={TestApp.SigningKey}", .. option == "--roles" ? new[] { "--sub", "u1" } : []], TextWriter.Null, error, out var exitCode);

        Assert.Equal(2, exitCode);
        Assert.Contains(message, error.ToString(), StringComparison.Ordinal);
    }
}
