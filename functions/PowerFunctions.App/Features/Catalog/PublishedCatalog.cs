using System.Text.Json;
using PowerFunctions.App.Http;
using PowerFunctions.Domain.Catalog;

namespace PowerFunctions.App.Features.Catalog;

/// <summary>
/// An immutable snapshot of the published items, ordered by code, with each item's list entry
/// already serialized and the whole unfiltered list as one byte array: the list route answers
/// without serializing anything, a filtered list by joining the entries that match. The public lists
/// leave out 涉密 items (<see cref="CatalogVisibility"/>, seed 001 §四(一)3); <see cref="Find"/> still
/// knows them (applications, staff).
/// </summary>
public sealed class PublishedCatalog
{
    private static readonly byte[] Open = "["u8.ToArray();
    private static readonly byte[] Comma = ","u8.ToArray();
    private static readonly byte[] Close = "]"u8.ToArray();

    private readonly Dictionary<string, int> _index;

    private PublishedCatalog(IReadOnlyList<PowerItem> items, IReadOnlyList<byte[]> entries, long loadedAt)
    {
        Items = items;
        EntryJson = entries;
        LoadedAt = loadedAt;
        _index = new Dictionary<string, int>(items.Count, StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            _index[items[i].Code] = i;
        }

        AllJson = Join(Enumerable.Range(0, items.Count).Where(i => CatalogVisibility.IsPublic(items[i])));
    }

    /// <summary>Published items, ordered by code.</summary>
    public IReadOnlyList<PowerItem> Items { get; }

    /// <summary>The unfiltered public list as the API answers it.</summary>
    public byte[] AllJson { get; }

    /// <summary>When the snapshot was read from storage (a <see cref="System.Diagnostics.Stopwatch"/> timestamp); kept by local updates.</summary>
    public long LoadedAt { get; }

    private IReadOnlyList<byte[]> EntryJson { get; }

    public static PublishedCatalog Create(IEnumerable<PowerItem> published, long loadedAt)
    {
        var items = published.OrderBy(i => i.Code, StringComparer.Ordinal).ToList();
        return new PublishedCatalog(items, items.Select(Serialize).ToList(), loadedAt);
    }

    public PowerItem? Find(string code) => _index.TryGetValue(code, out var i) ? Items[i] : null;

    /// <summary>
    /// The list of the items that match, as the API answers it: the public ones, and the 涉密 ones
    /// <paramref name="canSeeConfidential"/> lets the caller see (staff of their department; none when null).
    /// </summary>
    public byte[] Filter(Func<PowerItem, bool> match, Func<PowerItem, bool>? canSeeConfidential = null) =>
        Join(Enumerable.Range(0, Items.Count).Where(i => (CatalogVisibility.IsPublic(Items[i]) || canSeeConfidential?.Invoke(Items[i]) == true) && match(Items[i])));

    /// <summary>This snapshot with item <paramref name="code"/> replaced by <paramref name="published"/>, or removed when null.</summary>
    public PublishedCatalog With(string code, PowerItem? published)
    {
        var items = new List<PowerItem>(Items.Count + 1);
        var entries = new List<byte[]>(Items.Count + 1);
        var placed = published is null;
        for (var i = 0; i < Items.Count; i++)
        {
            if (!placed && string.CompareOrdinal(published!.Code, Items[i].Code) < 0)
            {
                items.Add(published);
                entries.Add(Serialize(published));
                placed = true;
            }

            if (!string.Equals(Items[i].Code, code, StringComparison.Ordinal))
            {
                items.Add(Items[i]);
                entries.Add(EntryJson[i]);
            }
        }

        if (!placed)
        {
            items.Add(published!);
            entries.Add(Serialize(published!));
        }

        return new PublishedCatalog(items, entries, LoadedAt);
    }

    private static byte[] Serialize(PowerItem item) => JsonSerializer.SerializeToUtf8Bytes(CatalogListEntry.From(item), JsonDefaults.Options);

    private byte[] Join(IEnumerable<int> indexes)
    {
        using var buffer = new MemoryStream();
        buffer.Write(Open);
        var first = true;
        foreach (var i in indexes)
        {
            if (!first)
            {
                buffer.Write(Comma);
            }

            buffer.Write(EntryJson[i]);
            first = false;
        }

        buffer.Write(Close);
        return buffer.ToArray();
    }
}
