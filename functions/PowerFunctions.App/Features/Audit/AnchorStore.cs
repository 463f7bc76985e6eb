using System.Globalization;
using System.Text;
using System.Text.Json;
using Azure;
using PowerFunctions.App.Http;
using PowerFunctions.Storage;

namespace PowerFunctions.App.Features.Audit;

/// <summary>
/// The anchors: container <c>anchors</c>, one blob per China date, <c>{yyyy-MM-dd}.json</c>, written create-only
/// (<c>If-None-Match: *</c>): a second anchor of a day is refused and the first stays. In Azure the container
/// also carries a time-based immutability policy (infra/README.md), so not even the account's keys rewrite one.
/// Anchors never change, so the ones read are kept in memory.
/// </summary>
public sealed class AnchorStore(IStorageAccount storage)
{
    public const string ContainerName = "anchors";

    private const string DateFormat = "yyyy-MM-dd";

    private readonly IBlobContainerClient _container = storage.GetBlobContainerClient(ContainerName);
    private readonly Dictionary<DateOnly, ChainAnchor> _read = [];
    private readonly Lock _gate = new();

    public static string BlobName(DateOnly date) => date.ToString(DateFormat, CultureInfo.InvariantCulture) + ".json";

    public Task EnsureCreatedAsync(CancellationToken cancellationToken) => _container.CreateIfNotExistsAsync(cancellationToken);

    /// <summary>Writes the anchor of its date; false (and nothing written) when that date has one already.</summary>
    public async Task<bool> TryWriteAsync(ChainAnchor anchor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(anchor);
        var bytes = JsonSerializer.SerializeToUtf8Bytes(anchor, JsonDefaults.Options);
        try
        {
            await _container.UploadAsync(BlobName(anchor.Date), bytes, "application/json", new Dictionary<string, string> { ["root"] = anchor.Root }, overwrite: false, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException e) when (StorageErrors.IsConflict(e))
        {
            return false;
        }
    }

    /// <summary>The dates that have an anchor, newest first.</summary>
    public async Task<IReadOnlyList<DateOnly>> DatesAsync(CancellationToken cancellationToken)
    {
        var dates = new List<DateOnly>();
        string? token = null;
        do
        {
            var page = await _container.ListAsync(null, token, cancellationToken: cancellationToken).ConfigureAwait(false);
            foreach (var blob in page.Blobs)
            {
                if (blob.Name.EndsWith(".json", StringComparison.Ordinal)
                    && DateOnly.TryParseExact(blob.Name[..^".json".Length], DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    dates.Add(date);
                }
            }

            token = page.ContinuationToken;
        }
        while (token is not null);

        dates.Sort((a, b) => b.CompareTo(a));
        return dates;
    }

    /// <summary>The anchor of <paramref name="date"/>, or null when there is none.</summary>
    public async Task<ChainAnchor?> ReadAsync(DateOnly date, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_read.TryGetValue(date, out var known))
            {
                return known;
            }
        }

        var blob = await _container.DownloadAsync(BlobName(date), cancellationToken).ConfigureAwait(false);
        if (blob is null)
        {
            return null;
        }

        var anchor = JsonSerializer.Deserialize<ChainAnchor>(Encoding.UTF8.GetString(blob.Content), JsonDefaults.Options)
            ?? throw new InvalidOperationException($"anchor {BlobName(date)} is empty");
        lock (_gate)
        {
            if (_read.Count >= 16)
            {
                _read.Remove(_read.Keys.Min());
            }

            _read[date] = anchor;
        }

        return anchor;
    }
}
