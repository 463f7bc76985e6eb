using System.Diagnostics;
using System.Text.Json;
using PowerFunctions.App.Config;
using PowerFunctions.App.Hosting;
using PowerFunctions.App.Http;
using PowerFunctions.Domain.Catalog;

namespace PowerFunctions.App.Features.Catalog;

/// <summary>
/// Loads the sample catalog (<c>SampleCatalog.json</c>, an embedded resource) into an EMPTY store
/// when <c>Seed:Catalog</c> is on, every item published as version 1 after passing every publishing
/// rule (a sample item that breaks a rule stops the start, naming the item and the problems).
/// </summary>
public sealed class CatalogSeedStartupTask(CatalogStore store, SeedOptions seed, TimeProvider clock, ILogger<CatalogSeedStartupTask> logger) : IStartupTask
{
    public const string ResourceName = "PowerFunctions.App.Features.Catalog.SampleCatalog.json";

    public int Order => 200;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (seed.Catalog != true || !await store.IsEmptyAsync(cancellationToken).ConfigureAwait(false))
        {
            store.WarmInBackground(logger);
            return;
        }

        var started = Stopwatch.GetTimestamp();
        var items = SampleItems(Domain.Common.ChinaTime.InChina(clock.GetUtcNow()));
        var parsed = Stopwatch.GetElapsedTime(started);
        await store.ImportAsync(items, cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Seeded the sample catalog: {Count} published items in {Elapsed:0} ms ({Parsed:0} ms to read and check them)", items.Count, Stopwatch.GetElapsedTime(started).TotalMilliseconds, parsed.TotalMilliseconds);
        store.WarmInBackground(logger);
    }

    /// <summary>The sample catalog as published items, or an exception naming the sample item that breaks a rule.</summary>
    public static IReadOnlyList<PowerItem> SampleItems(DateTimeOffset now)
    {
        using var stream = typeof(CatalogSeedStartupTask).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource {ResourceName} is missing");
        var requests = JsonSerializer.Deserialize<List<PowerItemRequest>>(stream, JsonDefaults.Options) ?? [];
        var items = new List<PowerItem>();
        foreach (var request in requests)
        {
            var (content, errors) = request.ToContent();
            var published = content is null
                ? PowerItemRules.Invalid(errors.ToDictionary(e => e.Key, e => e.Value.ToList()))
                : PowerItem.CreateDraft(content, now).Bind(d => d.Publish(now));
            if (!published.IsSuccess)
            {
                throw new InvalidOperationException($"sample item {request.Code} is invalid: {published.Error.Detail}");
            }

            items.Add(published.Value);
        }

        return items;
    }
}
