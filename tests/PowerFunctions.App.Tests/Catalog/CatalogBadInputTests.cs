using System.Net;
using PowerFunctions.App.Tests.Support;

namespace PowerFunctions.App.Tests.Catalog;

/// <summary>Issue 16: a department's catalog admin cannot file another department's code, nor a draft of no known kind; nothing is stored.</summary>
public sealed class CatalogBadInputTests : IAsyncLifetime
{
    private TestApp _app = null!;

    public async Task InitializeAsync() => _app = await TestApp.StartAsync(new Dictionary<string, string?> { ["Seed:Catalog"] = "false" });

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("XK-D02-7777", "D01", "licensing", 422)]
    [InlineData("XK-D02-7777", "D02", "licensing", 403)]
    [InlineData("XK-D01-7777", "D01", "str", 422)]
    public async Task Create_OtherDepartmentsCodeOrUnknownKind_RefusedAndNotStored(string code, string department, string kind, int status)
    {
        using var admin = _app.ClientFor("catalog-admin", "D01");
        var item = CatalogTestData.Item(code, department);
        item["kind"] = kind;

        using var response = await admin.SendJsonAsync(HttpMethod.Post, "/api/catalog/items", item);

        Assert.Equal(status, (int)response.StatusCode);
        using var get = await admin.GetAsync($"/api/catalog/items/{code}");
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
    }
}
