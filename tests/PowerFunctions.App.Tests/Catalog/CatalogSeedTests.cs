using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using PowerFunctions.App.Features.Catalog;
using PowerFunctions.App.Hosting;
using PowerFunctions.App.Tests.Support;
using PowerFunctions.Domain.Catalog;

namespace PowerFunctions.App.Tests.Catalog;

public sealed class CatalogSeedTests
{
    [Fact]
    public void SampleCatalog_EveryItem_PassesEveryPublishingRule()
    {
        var items = CatalogSeedStartupTask.SampleItems(TestApp.DefaultStart);

        Assert.True(items.Count >= 12);
        Assert.True(items.Select(i => i.Kind).Distinct().Count() >= 6);
        Assert.All(items, i => Assert.Equal(ItemStatus.Published, i.Status));
        Assert.All(items, i => Assert.NotEmpty(i.LegalBases));
        Assert.Equal(items.Count, items.Select(i => i.Code).Distinct().Count());
    }

    [Fact]
    public async Task Seed_On_LoadsSampleIntoEmptyStoreOnce()
    {
        var started = Stopwatch.GetTimestamp();
        await using var app = await TestApp.StartAsync(new Dictionary<string, string?> { ["Seed:Catalog"] = "true" });
        var elapsed = Stopwatch.GetElapsedTime(started);
        var seed = app.Services.GetServices<IStartupTask>().OfType<CatalogSeedStartupTask>().Single();

        await seed.RunAsync(CancellationToken.None);

        var records = await app.Get<CatalogStore>().ScanAsync(CancellationToken.None);
        Assert.Equal(CatalogSeedStartupTask.SampleItems(TestApp.DefaultStart).Count, records.Count);
        Assert.All(records, r => Assert.Equal(ItemStatus.Published, r.Status));
        Assert.True(elapsed < TimeSpan.FromSeconds(20), $"start took {elapsed}");
    }

    [Fact]
    public async Task Seed_Off_LeavesCatalogEmpty()
    {
        await using var app = await TestApp.StartAsync(new Dictionary<string, string?> { ["Seed:Catalog"] = "false" });

        var list = await app.Client.GetJsonAsync("/api/catalog/items");

        Assert.Empty(list.EnumerateArray());
    }
}
