using Azure;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using PowerFunctions.App.Features.Cases;
using PowerFunctions.App.Http;
using PowerFunctions.Domain.Common;
using PowerFunctions.Domain.Supervision.CaseFiles;
using PowerFunctions.Domain.Supervision.Reports;
using PowerFunctions.App.Features.Documents.Storage;
using PowerFunctions.Storage;

namespace PowerFunctions.App.Features.Supervision.CaseFiles;

/// <summary>
/// The quarterly archive of case files for inspectors (<see cref="CaseFileArchives"/>): after a quarter ends, each
/// department's cases closed in it (read from <see cref="ClosedCaseIndex"/>, never a scan of every case) go into one zip,
/// blob <c>casefiles/{department}/{2026-Q3}.zip</c> of container <c>supervision</c>, holding <c>{caseNo}.zip</c> per case
/// (each as <see cref="CaseFileService"/> builds it) and <c>listing.json</c>. The zip and its listing
/// (<c>…/{2026-Q3}.json</c>) are uploaded create-only: a quarter's archive is written once and never overwritten; a run
/// that finds the zip already there only restores a missing listing from the zip's own <c>listing.json</c>. The zip holds
/// every act of those cases (names, a party's identity number): it is stored sealed (<see cref="BlobSeal"/>); the listing
/// (case numbers, dates, digests) in the clear.
/// </summary>
public sealed class CaseFileArchiveService(IStorageAccount storage, ClosedCaseIndex closedCases, CaseStore cases, CaseFileService files, BlobSeal seal, TimeProvider clock, ILogger<CaseFileArchiveService> logger)
{
    public const string ContainerName = "supervision";

    public const string ListingEntry = "listing.json";

    private static readonly JsonSerializerOptions ListingJson = new(JsonDefaults.Options) { WriteIndented = true };

    private readonly IBlobContainerClient _container = storage.GetBlobContainerClient(ContainerName);

    /// <summary>The quarter before the one <paramref name="now"/> falls in (China time): the one a run archives.</summary>
    public static ReportPeriod PreviousQuarter(DateTimeOffset now) =>
        ReportPeriod.Containing(ReportPeriodKind.Quarter, ReportPeriod.Containing(ReportPeriodKind.Quarter, ChinaTime.DateOf(now)).From.AddDays(-1));

    /// <summary>Archives the last closed quarter for every department that closed cases in it; answers the archives written by this run.</summary>
    public async Task<IReadOnlyList<CaseFileArchiveListing>> ArchiveLastQuarterAsync(CancellationToken cancellationToken) =>
        await ArchiveAsync(PreviousQuarter(clock.GetUtcNow()), cancellationToken).ConfigureAwait(false);

    /// <summary>Archives <paramref name="quarter"/> (which must have closed) for every department with closed cases in it.</summary>
    public async Task<IReadOnlyList<CaseFileArchiveListing>> ArchiveAsync(ReportPeriod quarter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(quarter);
        if (quarter.Kind != ReportPeriodKind.Quarter || !quarter.IsClosedAt(clock.GetUtcNow()))
        {
            throw new InvalidOperationException($"{quarter.Code} is not a closed quarter");
        }

        await _container.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        var written = new List<CaseFileArchiveListing>();
        var closed = await closedCases.ListAsync(quarter.From, quarter.To, null, cancellationToken).ConfigureAwait(false);
        foreach (var department in closed.GroupBy(c => c.Department, StringComparer.Ordinal))
        {
            var listingName = CaseFileArchives.ListingBlobName(department.Key, quarter);
            if (await _container.GetPropertiesAsync(listingName, cancellationToken).ConfigureAwait(false) is not null)
            {
                continue;
            }

            var listing = await WriteArchiveAsync(department.Key, quarter, department.ToList(), cancellationToken).ConfigureAwait(false);
            if (listing is not null)
            {
                written.Add(listing);
            }
        }

        return written;
    }

    /// <summary>The listings of <paramref name="quarter"/>'s archives, optionally of one department, by department.</summary>
    public async Task<IReadOnlyList<CaseFileArchiveListing>> ListAsync(ReportPeriod quarter, string? department, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(quarter);
        var listings = new List<CaseFileArchiveListing>();
        string? token = null;
        do
        {
            var page = await _container.ListAsync(department is null ? "casefiles/" : $"casefiles/{department}/", token, cancellationToken: cancellationToken).ConfigureAwait(false);
            foreach (var blob in page.Blobs.Where(b => b.Name.EndsWith("/" + quarter.Code + ".json", StringComparison.Ordinal)))
            {
                var download = await _container.DownloadAsync(blob.Name, cancellationToken).ConfigureAwait(false);
                if (download is not null && JsonSerializer.Deserialize<CaseFileArchiveListing>(download.Content, ListingJson) is { } listing)
                {
                    listings.Add(listing);
                }
            }

            token = page.ContinuationToken;
        }
        while (token is not null);

        return [.. listings.OrderBy(l => l.Department, StringComparer.Ordinal)];
    }

    private async Task<CaseFileArchiveListing?> WriteArchiveAsync(string department, ReportPeriod quarter, IReadOnlyList<ClosedCase> closed, CancellationToken cancellationToken)
    {
        var blobName = CaseFileArchives.BlobName(department, quarter);
        if (await ReadArchiveAsync(blobName, cancellationToken).ConfigureAwait(false) is { } existing)
        {
            await TryCreateAsync(CaseFileArchives.ListingBlobName(department, quarter), ListingOf(existing), "application/json", cancellationToken).ConfigureAwait(false);
            return null;
        }

        var now = clock.GetUtcNow();
        var entries = new List<(string Path, byte[] Content)>();
        var items = new List<CaseFileArchiveItem>();
        foreach (var c in closed)
        {
            var loaded = await cases.LoadAsync(c.CaseNo, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"closed case {c.CaseNo} is indexed but not stored");
            var file = await files.BuildAsync(loaded.Case, cancellationToken).ConfigureAwait(false);
            var item = CaseFileArchives.Item(c.CaseNo, c.ClosedOn, Convert.ToHexStringLower(SHA256.HashData(file.Content)), file.Content.Length);
            items.Add(item);
            entries.Add((item.FileName, file.Content));
        }

        var listing = CaseFileArchives.Listing(department, quarter, items, now).OrThrow();
        var listingJson = JsonSerializer.SerializeToUtf8Bytes(listing, ListingJson);
        entries.Insert(0, (ListingEntry, listingJson));
        var zip = CaseFileService.Zip(entries, now);
        if (!await TryCreateAsync(blobName, seal.Seal(ContainerName, blobName, zip), "application/zip", cancellationToken).ConfigureAwait(false))
        {
            // another run won the race: its zip stands, and its listing with it
            if (await ReadArchiveAsync(blobName, cancellationToken).ConfigureAwait(false) is { } winner)
            {
                await TryCreateAsync(CaseFileArchives.ListingBlobName(department, quarter), ListingOf(winner), "application/json", cancellationToken).ConfigureAwait(false);
            }

            return null;
        }

        await TryCreateAsync(CaseFileArchives.ListingBlobName(department, quarter), listingJson, "application/json", cancellationToken).ConfigureAwait(false);
        logger.LogInformation("case file archive {Blob} written: {Count} cases, {Bytes} bytes", blobName, items.Count, zip.Length);
        return listing;
    }

    /// <summary>The archive zip, opened; null when there is none. One that does not open (altered, its key gone) throws.</summary>
    public Task<byte[]?> ReadArchiveAsync(string blobName, CancellationToken cancellationToken) =>
        seal.ReadAsync(_container, blobName, cancellationToken);

    private static byte[] ListingOf(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        var entry = archive.GetEntry(ListingEntry) ?? throw new InvalidOperationException("the archive holds no listing.json");
        using var stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>Create-only upload; false when the blob exists.</summary>
    private async Task<bool> TryCreateAsync(string name, byte[] content, string contentType, CancellationToken cancellationToken)
    {
        try
        {
            await _container.UploadAsync(name, content, contentType, overwrite: false, cancellationToken: cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }
}
