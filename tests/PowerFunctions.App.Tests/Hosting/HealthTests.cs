using System.Net;
using System.Text.Json;
using PowerFunctions.App.Tests.Support;

namespace PowerFunctions.App.Tests.Hosting;

public sealed class HealthTests
{
    [Fact]
    public async Task Health_Anonymous_AnswersOkWithStorageAndClock()
    {
        await using var app = await TestApp.StartAsync();

        var response = await app.Client.GetAsync("/api/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("ok", json.RootElement.GetProperty("status").GetString());
        Assert.Equal("Embedded", json.RootElement.GetProperty("storage").GetString());
        Assert.Equal("Manual", json.RootElement.GetProperty("clock").GetString());
    }

    [Fact]
    public async Task UnknownRoute_Anything_AnswersProblem404()
    {
        await using var app = await TestApp.StartAsync();

        var response = await app.Client.GetAsync("/api/no-such-thing");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("route.not_found", json.RootElement.GetProperty("code").GetString());
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData("citizen", HttpStatusCode.Forbidden)]
    [InlineData("admin", HttpStatusCode.OK)]
    public async Task Sweep_ByRole_ChecksTokenAndRole(string? roles, HttpStatusCode expected)
    {
        await using var app = await TestApp.StartAsync();
        var client = roles is null ? app.Client : app.ClientFor(roles);

        var response = await client.PostAsync("/api/admin/timers/sweep", null);

        Assert.Equal(expected, response.StatusCode);
    }
}
