using System.IO.Compression;
using System.Text.Json;
using PowerFunctions.App.Features.Audit;
using PowerFunctions.App.Features.Cases;
using PowerFunctions.App.Features.Documents.Storage;
using PowerFunctions.App.Http;
using PowerFunctions.Domain.Cases;
using PowerFunctions.Domain.Common;
using PowerFunctions.Domain.Supervision.CaseFiles;

namespace PowerFunctions.App.Features.Supervision.CaseFiles;

/// <summary>
/// Assembles a case's file (行权案卷, seed 000, seed 002) as <see cref="CaseFileManifests"/> lays it out:
/// <c>case.json</c> (the case and its events as stored, the personal fields decrypted as the staff view reads them, each
/// event's <c>data</c> verbatim so anyone can recompute the chain), <c>chain.json</c> (the verification exactly as
/// <c>GET /api/cases/{caseNo}/audit/verify</c> answers it), every sealed document of the case read from the document
/// store (<c>documents/{id}.pdf</c> and its seal <c>documents/{id}.seal.json</c>), and <c>manifest.json</c> with the
/// SHA-256 of every other entry. Entries carry the manifest's instant as their time, so one manifest gives one zip.
/// Who may read it and the personal-data audit are the caller's (<see cref="CaseFileFunctions"/>).
/// </summary>
public sealed class CaseFileService(CaseStore cases, DocumentStore documents, AnchorService anchors, TimeProvider clock)
{
    private const string Json = "application/json";

    public async Task<CaseFileZip> BuildAsync(Case c, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(c);
        var events = (await cases.LoadEventsAsync(c.CaseNo, cancellationToken).ConfigureAwait(false) ?? []).OrderBy(e => e.Seq).ToArray();
        var chain = CaseChain.Verify(events);
        var since = ChinaTime.DateOf(c.Events[0].Instant);
        var anchor = await anchors.CheckAsync(AuditedChains.StreamOf(AuditedChains.CaseKind, c.CaseNo), [.. events.Select(e => new ChainLink(e.Seq, e.Hash))], since, cancellationToken).ConfigureAwait(false);

        var files = new List<(string Path, byte[] Content, string ContentType)>
        {
            (CaseFileManifests.CasePath, JsonSerializer.SerializeToUtf8Bytes(CaseJson(c, events), JsonDefaults.Options), Json),
            (CaseFileManifests.ChainPath, JsonSerializer.SerializeToUtf8Bytes(ChainReport.Of(c.CaseNo, chain, anchor), JsonDefaults.Options), Json),
        };
        foreach (var document in c.Documents.DistinctBy(d => d.Id, StringComparer.Ordinal))
        {
            var record = await documents.FindAsync(document.Id, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"document {document.Id} of case {c.CaseNo} is not in the document store");
            var pdf = await documents.DownloadAsync(record.BlobName, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"the PDF of document {document.Id} ({record.BlobName}) is missing");
            var seal = await documents.DownloadAsync(record.SealBlobName, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"the seal of document {document.Id} ({record.SealBlobName}) is missing");
            files.Add((CaseFileManifests.DocumentPath(document.Id), pdf, "application/pdf"));
            files.Add((CaseFileManifests.SealPath(document.Id), seal, Json));
        }

        var chainHolds = chain with { Valid = chain.Valid && (anchor is null || (anchor.Matches && anchor.RootValid)) };
        var manifest = CaseFileManifests.Build(c.CaseNo, c.Terms.DepartmentCode, clock.GetUtcNow(), chainHolds, files.Select(f => CaseFileManifests.Entry(f.Path, f.Content, f.ContentType))).OrThrow();
        files.Insert(0, (CaseFileManifests.ManifestPath, CaseFileManifests.ToJson(manifest), Json));
        return new CaseFileZip(Zip(files.Select(f => (f.Path, f.Content)), manifest.CreatedAt), manifest);
    }

    /// <summary>A zip of <paramref name="files"/> in the order given, each stamped <paramref name="at"/>.</summary>
    public static byte[] Zip(IEnumerable<(string Path, byte[] Content)> files, DateTimeOffset at)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (path, content) in files)
            {
                var entry = zip.CreateEntry(path, path.EndsWith(".pdf", StringComparison.Ordinal) || path.EndsWith(".zip", StringComparison.Ordinal) ? CompressionLevel.NoCompression : CompressionLevel.Optimal);
                entry.LastWriteTime = at.ToOffset(ChinaTime.Offset);
                using var stream = entry.Open();
                stream.Write(content);
            }
        }

        return buffer.ToArray();
    }

    private static object CaseJson(Case c, IEnumerable<CaseEvent> events) => new
    {
        caseNo = c.CaseNo,
        itemCode = c.Terms.ItemCode,
        department = c.Terms.DepartmentCode,
        state = CaseNames.Of(c.State),
        version = c.Version,
        documents = c.Documents.Select(d => new { id = d.Id, type = d.Type, sha256 = d.Sha256 }),
        events = events.Select(e => new { seq = e.Seq, type = e.Type, at = e.At, actor = e.Actor, actorName = e.ActorName, role = e.Role, data = e.Data, previousHash = e.PreviousHash, hash = e.Hash }),
    };
}
