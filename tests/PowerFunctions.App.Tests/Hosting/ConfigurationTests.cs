using PowerFunctions.App.Config;
using PowerFunctions.App.Hosting;

namespace PowerFunctions.App.Tests.Hosting;

/// <summary>Every setting is checked at start; a bad one stops the app with a message naming it.</summary>
public sealed class ConfigurationTests
{
    [Theory]
    [InlineData("--Storage:Provider=Cloud", "Storage:Provider")]
    [InlineData("--Clock:Mode=Sometimes", "Clock:Mode")]
    [InlineData("--Http:MaxBodyBytes=lots", "Http:MaxBodyBytes")]
    [InlineData("--Queues:MaxDequeueCount=0", "Queues:MaxDequeueCount")]
    public async Task App_BadSetting_ExitsNonZeroNamingIt(string setting, string name)
    {
        var (exitCode, _, stderr) = await AppProcess.RunAsync(["--urls=http://127.0.0.1:0", "--Storage:DataPath=" + TempData(), setting]);

        Assert.Equal(2, exitCode);
        Assert.Contains(name, stderr, StringComparison.Ordinal);
        Assert.Contains("配置错误", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task App_ManualClockInProduction_RefusesToStart()
    {
        var (exitCode, _, stderr) = await AppProcess.RunAsync(
            ["--urls=http://127.0.0.1:0", "--Storage:DataPath=" + TempData()],
            new Dictionary<string, string> { ["DOTNET_ENVIRONMENT"] = "Production", ["ASPNETCORE_ENVIRONMENT"] = "Production", ["Clock__Mode"] = "Manual" });

        Assert.Equal(2, exitCode);
        Assert.Contains("Clock:Mode=Manual", stderr, StringComparison.Ordinal);
        Assert.Contains("Production", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Storage:Provider", "Cloud")]
    [InlineData("Storage:DataPath", " ")]
    [InlineData("Clock:Mode", "Sometimes")]
    [InlineData("Clock:Start", "yesterday")]
    [InlineData("Auth:SigningKey", "too-short")]
    [InlineData("Auth:TokenLifetimeHours", "0")]
    [InlineData("Auth:TokenLifetimeHours", "forever")]
    [InlineData("Http:MaxBodyBytes", "0")]
    [InlineData("Http:MaxBodyBytes", "lots")]
    [InlineData("Seed:Catalog", "perhaps")]
    [InlineData("Runners:Enabled", "maybe")]
    [InlineData("Queues:MaxDequeueCount", "0")]
    [InlineData("Queues:MaxDequeueCount", "five")]
    [InlineData("Queues:VisibilityTimeout", "soon")]
    [InlineData("Queues:BatchSize", "33")]
    [InlineData("Queues:MaxPollingInterval", "00:00:00")]
    [InlineData("OTEL_EXPORTER_OTLP_ENDPOINT", "collector:4317")]
    [InlineData("IdleTrim:Enabled", "sometimes")]
    [InlineData("IdleTrim:Delay", "idle")]
    [InlineData("IdleTrim:Delay", "00:00:00")]
    [InlineData("IdleTrim:Delay", "2.00:00:00")]
    public void Build_BadSetting_ConfigurationExceptionNamesIt(string name, string value)
    {
        var e = Assert.Throws<ConfigurationException>(() => PowerFunctionsHost.Build(
            ["--environment=Development", "--urls=http://127.0.0.1:0", "--Storage:DataPath=" + TempData(), $"--{name}={value}"]));

        Assert.Contains(name, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_ManualClockInProduction_Refused()
    {
        var e = Assert.Throws<ConfigurationException>(() => PowerFunctionsHost.Build(
            ["--environment=Production", "--urls=http://127.0.0.1:0", "--Storage:DataPath=" + TempData(), "--Clock:Mode=Manual"]));

        Assert.Contains("Clock:Mode=Manual", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_ManualClockOutsideProduction_Allowed()
    {
        using var app = (IDisposable)PowerFunctionsHost.Build(["--environment=Staging", "--urls=http://127.0.0.1:0", "--Storage:DataPath=" + TempData(), "--Clock:Mode=Manual"]);
    }

    private static string TempData() => Path.Combine(Path.GetTempPath(), "pf-config-" + Guid.NewGuid().ToString("N"));
}
