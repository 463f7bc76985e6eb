using System.Text.Json;
using PowerFunctions.App.Http;
using PowerFunctions.Domain.Catalog;

namespace PowerFunctions.App.Features.Catalog;

/// <summary>
/// An immutable snapshot of the published items, ordered by code, with the list view of each and
/// the whole unfiltered list already serialized (the common request answers with these bytes).
/// </summary>
public sealed class PublishedCatalog
{
    private readonly Dictionary<string, PowerItem> _byCode;

    public PublishedCatalog(IReadOnlyList<PowerItem> items, long loadedAt)
    {
        Items = items;
        LoadedAt = loadedAt;
        Entries = items.Select(CatalogListEntry.From).ToList();
        AllJson = JsonSerializer.SerializeToUtf8Bytes(Entries, JsonDefaults.Options);
        _byCode = items.ToDictionary(i => i.Code, StringComparer.Ordinal);
    }

    public IReadOnlyList<PowerItem> Items { get; }

    public IReadOnlyList<CatalogListEntry> Entries { get; }

    /// <summary>The unfiltered list as the API answers it.</summary>
    public byte[] AllJson { get; }

    /// <summary>When it was read (a <see cref="System.Diagnostics.Stopwatch"/> timestamp).</summary>
    public long LoadedAt { get; }

    public PowerItem? Find(string code) => _byCode.GetValueOrDefault(code);
}
