using System.Diagnostics;
using System.Text.Json;
using Azure;
using PowerFunctions.App.Features.Timers;
using PowerFunctions.App.Http;
using PowerFunctions.Domain.Catalog;
using PowerFunctions.Storage;

namespace PowerFunctions.App.Features.Catalog;

/// <summary>
/// The catalog on the storage ports. Table <c>catalog</c>: one partition (<c>items</c>), one row per
/// item (row key = code) holding the public version and the working draft as JSON; it is the
/// authority for an item's state and is written under its ETag, so listing 1,000 items is one
/// partition scan. Table <c>catalogversions</c>: partition = item code, row key = version (six
/// digits), every version ever saved, written after the item row (a snapshot; readers overlay the
/// item row, so a crash between the two writes loses nothing that matters). The published list is
/// cached in memory, updated by every write of this instance and re-read in the background once
/// older than <see cref="CacheLifetime"/> so that other instances' writes show up. Every write that
/// leaves a published item with a pending legal-basis change first schedules the durable timer of its
/// revision deadline (<see cref="CatalogRevisionTimerHandler"/>, seed 002 第十条), as the case
/// lifecycle schedules its clocks before it commits.
/// </summary>
public sealed class CatalogStore(IStorageAccount storage, ITimerScheduler timers)
{
    /// <summary>The timer kind of an entry's revision deadline (key <c>red</c>, target the item code).</summary>
    public const string RevisionTimerKind = PowerItemRules.RevisionAlertKind;

    public const string ItemsTable = "catalog";
    public const string VersionsTable = "catalogversions";
    public const string ItemsPartition = "items";

    /// <summary>How long a cached published list is served before it is read again (other instances may have written).</summary>
    public static readonly TimeSpan CacheLifetime = TimeSpan.FromSeconds(30);

    /// <summary>Azure Tables keeps a string property up to 64 KiB (32K UTF-16 characters); keep a margin.</summary>
    private const int MaxJsonChars = 30_000;

    private readonly ITableClient _items = storage.GetTableClient(ItemsTable);
    private readonly ITableClient _versions = storage.GetTableClient(VersionsTable);
    private readonly SemaphoreSlim _loading = new(1, 1);
    private readonly Lock _gate = new();
    private long _generation;
    private int _refreshing;
    private PublishedCatalog? _snapshot;

    public async Task CreateTablesAsync(CancellationToken cancellationToken)
    {
        await _items.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        await _versions.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> IsEmptyAsync(CancellationToken cancellationToken)
    {
        var page = await _items.QueryAsync(new TableQuery { PartitionKey = ItemsPartition, PageSize = 1 }, cancellationToken).ConfigureAwait(false);
        return page.Entities.Count == 0;
    }

    public async Task<CatalogRecord?> GetAsync(string code, CancellationToken cancellationToken)
    {
        if (!IsKey(code))
        {
            return null;
        }

        var entity = await _items.GetEntityAsync(ItemsPartition, code, cancellationToken).ConfigureAwait(false);
        return entity is null ? null : ToRecord(entity);
    }

    /// <summary>Creates a new item from its first draft; 409 <c>catalog.item_exists</c> when the code is taken.</summary>
    public async Task<CatalogRecord> AddAsync(PowerItem draft, CancellationToken cancellationToken)
    {
        var entity = ToEntity(null, draft);
        ETag etag;
        try
        {
            etag = await _items.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (StorageErrors.IsConflict(e))
        {
            throw new ProblemException(409, "catalog.item_exists", "事项编码已存在", $"an item with code '{draft.Code}' already exists");
        }

        await WriteVersionsAsync([draft], cancellationToken).ConfigureAwait(false);
        return new CatalogRecord(null, draft, etag);
    }

    /// <summary>
    /// Replaces the item row under the ETag it was read with (412 when someone wrote in between), then
    /// writes the version snapshots.
    /// </summary>
    public async Task<CatalogRecord> ReplaceAsync(CatalogRecord current, PowerItem? publicVersion, PowerItem? draft, IReadOnlyList<PowerItem> snapshots, CancellationToken cancellationToken)
    {
        if (publicVersion is { Status: ItemStatus.Published } && PowerItemRules.RevisionAlertAt(publicVersion) is { } alertAt && alertAt != (current.Published is { } before ? PowerItemRules.RevisionAlertAt(before) : null))
        {
            await timers.ScheduleAsync([new DurableTimer(RevisionTimerKind, current.Code, "red", alertAt, publicVersion.Version)], cancellationToken).ConfigureAwait(false);
        }

        var entity = ToEntity(publicVersion, draft);
        var etag = await _items.UpdateEntityAsync(entity, current.ETag, cancellationToken).ConfigureAwait(false);
        Apply(current.Code, publicVersion is { Status: ItemStatus.Published } ? publicVersion : null);
        await WriteVersionsAsync(snapshots, cancellationToken).ConfigureAwait(false);
        return new CatalogRecord(publicVersion, draft, etag);
    }

    /// <summary>Every version of an item, oldest first, the item row's current versions taking precedence over the snapshots.</summary>
    public async Task<IReadOnlyList<PowerItem>> VersionsAsync(CatalogRecord current, CancellationToken cancellationToken)
    {
        var byVersion = new SortedDictionary<int, PowerItem>();
        string? token = null;
        do
        {
            var page = await _versions.QueryAsync(new TableQuery { PartitionKey = current.Code, ContinuationToken = token }, cancellationToken).ConfigureAwait(false);
            foreach (var entity in page.Entities)
            {
                var item = Parse(entity.GetString("Json"));
                if (item is not null)
                {
                    byVersion[item.Version] = item;
                }
            }

            token = page.ContinuationToken;
        }
        while (token is not null);

        foreach (var item in new[] { current.Public, current.Draft })
        {
            if (item is not null)
            {
                byVersion[item.Version] = item;
            }
        }

        // A snapshot that still says "published" but is not the item's public version was superseded.
        return byVersion.Values
            .Where(v => v.Version <= current.Latest.Version)
            .Select(v => v.Status == ItemStatus.Published && v.Version != current.Public?.Version ? v with { Status = ItemStatus.Superseded } : v)
            .ToList();
    }

    /// <summary>Every item row (one partition scan).</summary>
    public async Task<IReadOnlyList<CatalogRecord>> ScanAsync(CancellationToken cancellationToken)
    {
        var records = new List<CatalogRecord>();
        string? token = null;
        do
        {
            var page = await _items.QueryAsync(new TableQuery { PartitionKey = ItemsPartition, ContinuationToken = token }, cancellationToken).ConfigureAwait(false);
            records.AddRange(page.Entities.Select(ToRecord));
            token = page.ContinuationToken;
        }
        while (token is not null);

        return records;
    }

    /// <summary>
    /// The published catalog from memory. The first call reads it (one partition scan); writes of
    /// this instance update it in place; once older than <see cref="CacheLifetime"/> it is re-read
    /// in the background while the current snapshot keeps answering (other instances' writes show
    /// up within that lifetime).
    /// </summary>
    public async ValueTask<PublishedCatalog> PublishedAsync(CancellationToken cancellationToken)
    {
        var snapshot = Volatile.Read(ref _snapshot);
        if (snapshot is not null)
        {
            if (Stopwatch.GetElapsedTime(snapshot.LoadedAt) >= CacheLifetime && Interlocked.CompareExchange(ref _refreshing, 1, 0) == 0)
            {
                _ = Task.Run(async () =>
                {
                    try
                    {
                        await LoadAsync(CancellationToken.None).ConfigureAwait(false);
                    }
                    catch (Exception e) when (e is RequestFailedException or IOException or InvalidOperationException)
                    {
                        // keep serving the current snapshot; the next call tries again
                    }
                    finally
                    {
                        Volatile.Write(ref _refreshing, 0);
                    }
                }, CancellationToken.None);
            }

            return snapshot;
        }

        await _loading.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return Volatile.Read(ref _snapshot) ?? await LoadAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _loading.Release();
        }
    }

    /// <summary>Fills the cache in the background (after start), so the first citizen does not wait for the scan.</summary>
    public void WarmInBackground(ILogger logger) =>
        _ = Task.Run(async () =>
        {
            try
            {
                await PublishedAsync(CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception e) when (e is RequestFailedException or IOException or InvalidOperationException or ObjectDisposedException)
            {
                logger.LogWarning(e, "could not warm the catalog cache; the first request will read it");
            }
        }, CancellationToken.None);

    private async Task<PublishedCatalog> LoadAsync(CancellationToken cancellationToken)
    {
        var generation = Interlocked.Read(ref _generation);
        var started = Stopwatch.GetTimestamp();
        var records = await ScanAsync(cancellationToken).ConfigureAwait(false);
        var loaded = PublishedCatalog.Create(records.Select(r => r.Published).OfType<PowerItem>(), started);
        lock (_gate)
        {
            // A write that landed while we were reading wins: its snapshot is newer than ours.
            if (Interlocked.Read(ref _generation) == generation)
            {
                Volatile.Write(ref _snapshot, loaded);
            }
        }

        return loaded;
    }

    /// <summary>Brings the cached list up to date after this instance wrote item <paramref name="code"/>.</summary>
    private void Apply(string code, PowerItem? published)
    {
        lock (_gate)
        {
            Interlocked.Increment(ref _generation);
            if (Volatile.Read(ref _snapshot) is { } snapshot)
            {
                Volatile.Write(ref _snapshot, snapshot.With(code, published));
            }
        }
    }

    /// <summary>Writes many published items at once (the sample catalog, benchmarks): item rows in transactions of 100.</summary>
    public async Task ImportAsync(IReadOnlyList<PowerItem> items, CancellationToken cancellationToken)
    {
        foreach (var batch in items.Chunk(TableTransaction.MaxActions))
        {
            var actions = batch.Select(i => new TableTransactionAction(TableTransactionActionType.Add, ToEntity(i.Status == ItemStatus.Draft ? null : i, i.Status == ItemStatus.Draft ? i : null))).ToList();
            await _items.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
        }

        Invalidate();
        await WriteVersionsAsync(items, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Drops the cached published list: the next reader reads it again.</summary>
    public void Invalidate()
    {
        lock (_gate)
        {
            Interlocked.Increment(ref _generation);
            Volatile.Write(ref _snapshot, null);
        }
    }

    /// <summary>Throws 422 when an item is too big to store.</summary>
    public static void EnsureStorable(PowerItem item)
    {
        if (Serialize(item).Length > MaxJsonChars)
        {
            throw new ProblemException(422, PowerItemRules.InvalidItemCode, "权力事项信息过长", $"the item is over {MaxJsonChars} characters as JSON", new Dictionary<string, string[]> { ["item"] = ["事项内容过长，请精简"] });
        }
    }

    /// <summary>A code that can be a row key (anything else cannot exist).</summary>
    public static bool IsKey(string code) =>
        code.Length is > 0 and <= 64 && code.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private async Task WriteVersionsAsync(IEnumerable<PowerItem> snapshots, CancellationToken cancellationToken)
    {
        foreach (var item in snapshots)
        {
            var entity = new TableEntity(item.Code, item.Version.ToString("D6", System.Globalization.CultureInfo.InvariantCulture))
            {
                ["Json"] = Serialize(item),
                ["Status"] = item.Status.ToString(),
            };
            await _versions.UpsertEntityAsync(entity, cancellationToken).ConfigureAwait(false);
        }
    }

    private static TableEntity ToEntity(PowerItem? publicVersion, PowerItem? draft)
    {
        var latest = draft ?? publicVersion ?? throw new ArgumentException("an item row needs a version");
        var entity = new TableEntity(ItemsPartition, latest.Code)
        {
            ["Status"] = (publicVersion?.Status ?? ItemStatus.Draft).ToString(),
            ["DepartmentCode"] = latest.Department.Code,
            ["Kind"] = latest.Kind,
            ["Name"] = latest.Name,
            ["LatestVersion"] = latest.Version,
            ["PublishedVersion"] = publicVersion?.Status == ItemStatus.Published ? publicVersion.Version : 0,
            ["RevisionDue"] = (draft?.RevisionDue ?? publicVersion?.RevisionDue)?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Public"] = publicVersion is null ? null : Serialize(publicVersion),
            ["Draft"] = draft is null ? null : Serialize(draft),
        };
        return entity;
    }

    private static CatalogRecord ToRecord(TableEntity entity) =>
        new(Parse(entity.GetString("Public")), Parse(entity.GetString("Draft")), entity.ETag);

    private static string Serialize(PowerItem item) => JsonSerializer.Serialize(item, JsonDefaults.Options);

    private static PowerItem? Parse(string? json) =>
        string.IsNullOrEmpty(json) ? null : JsonSerializer.Deserialize<PowerItem>(json, JsonDefaults.Options);
}
