using System.Text;
using PowerFunctions.Domain.Common;
using PowerFunctions.Domain.Supervision.CaseFiles;
using PowerFunctions.Domain.Supervision.Reports;

namespace PowerFunctions.Domain.Tests.Supervision.CaseFiles;

[Trait("Source", "seed 000, seed 002 (行权案卷)")]
public sealed class CaseFileManifestTests
{
    private static readonly DateTimeOffset Assembled = new(2026, 10, 15, 9, 0, 0, ChinaTime.Offset);
    private static readonly ChainVerification Chain = new(true, 12, null, null, new string('e', 64));

    private static Dictionary<string, byte[]> Files() => new()
    {
        ["case.json"] = Encoding.UTF8.GetBytes("{\"events\":[]}"),
        ["chain.json"] = Encoding.UTF8.GetBytes("{\"valid\":true}"),
        ["documents/D01-20260918-000001-decision.pdf"] = Encoding.UTF8.GetBytes("%PDF-1.7 决定书"),
        ["documents/D01-20260918-000001-decision.seal.json"] = Encoding.UTF8.GetBytes("{\"alg\":\"SM2\"}"),
    };

    private static CaseFileManifest Build(Dictionary<string, byte[]>? files = null) =>
        CaseFileManifests.Build("D01-20260918-000001", "D01", Assembled, Chain, (files ?? Files()).Select(f => CaseFileManifests.Entry(f.Key, f.Value, "application/octet-stream"))).Value;

    [Fact]
    public void Entry_HashesTheBytes()
    {
        var entry = CaseFileManifests.Entry("case.json", "abc"u8, "application/json");

        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", entry.Sha256);
        Assert.Equal(3, entry.Size);
    }

    [Fact]
    public void Build_ListsEveryEntrySortedWithTheChainVerification()
    {
        var manifest = Build();

        Assert.Equal(["case.json", "chain.json", "documents/D01-20260918-000001-decision.pdf", "documents/D01-20260918-000001-decision.seal.json"], manifest.Entries.Select(e => e.Path));
        Assert.Equal((CaseFileManifests.Format, 12, true), (manifest.Format, manifest.Events, manifest.ChainValid));
        Assert.Equal(CaseFileManifests.DocumentPath("D01-20260918-000001-decision"), manifest.Entries[2].Path);
        Assert.Equal(CaseFileManifests.SealPath("D01-20260918-000001-decision"), manifest.Entries[3].Path);
    }

    [Fact]
    public void ToJson_SameManifest_SameBytes_AndReadsBack()
    {
        var reversed = Files().Reverse().ToDictionary();

        var json = CaseFileManifests.ToJson(Build());

        Assert.Equal(json, CaseFileManifests.ToJson(Build(reversed)));
        Assert.Contains("\"sha256\"", Encoding.UTF8.GetString(json), StringComparison.Ordinal);
        var back = CaseFileManifests.FromJson(json)!;
        Assert.Equal(Build().Entries, back.Entries);
    }

    [Theory]
    [InlineData("case.json", "missing")]
    [InlineData("manifest.json", "list itself")]
    [InlineData("../etc/passwd", "unsafe")]
    [InlineData("/abs.pdf", "unsafe")]
    [InlineData("a//b.pdf", "unsafe")]
    [InlineData("documents\\x.pdf", "unsafe")]
    [InlineData("./x.pdf", "unsafe")]
    public void Build_BadEntries_AreRefused(string path, string problem)
    {
        var files = Files();
        if (path == "case.json")
        {
            files.Remove(path);
        }

        var entries = files.Select(f => CaseFileManifests.Entry(f.Key, f.Value, "application/octet-stream")).ToList();
        if (path != "case.json")
        {
            entries.Add(new CaseFileEntry(path, new string('0', 64), 1, "application/pdf"));
        }

        var result = CaseFileManifests.Build("D01-20260918-000001", "D01", Assembled, Chain, entries);

        Assert.Equal("case_file.invalid", result.Error!.Code);
        Assert.Contains(problem, result.Error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_SamePathTwice_IsRefused()
    {
        var entries = Files().Select(f => CaseFileManifests.Entry(f.Key, f.Value, "x")).Append(CaseFileManifests.Entry("case.json", "x"u8, "x"));

        Assert.False(CaseFileManifests.Build("D01-20260918-000001", "D01", Assembled, Chain, entries).IsSuccess);
    }

    [Fact]
    public void Verify_Intact_NoProblems_ChangedMissingOrExtra_Named()
    {
        var manifest = Build();
        var files = Files();
        files["manifest.json"] = CaseFileManifests.ToJson(manifest);
        Assert.Empty(CaseFileManifests.Verify(manifest, files));

        files["documents/D01-20260918-000001-decision.pdf"][0] ^= 1;
        files.Remove("chain.json");
        files["extra.txt"] = [1];

        Assert.Equal(
            ["chain.json: missing", "documents/D01-20260918-000001-decision.pdf: changed (SHA-256 differs from the manifest)", "extra.txt: not in the manifest"],
            CaseFileManifests.Verify(manifest, files).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Archive_Listing_SortedWithTotals_AndWriteOnceNames()
    {
        var q3 = ReportPeriod.Quarter(2026, 3);
        var items = new[]
        {
            CaseFileArchives.Item("D01-20260918-000002", new DateOnly(2026, 9, 30), new string('b', 64), 2000),
            CaseFileArchives.Item("D01-20260701-000001", new DateOnly(2026, 7, 1), new string('a', 64), 1000),
        };

        var listing = CaseFileArchives.Listing("D01", q3, items, Assembled).Value;

        Assert.Equal("casefiles/D01/2026-Q3.zip", listing.BlobName);
        Assert.Equal("casefiles/D01/2026-Q3.json", CaseFileArchives.ListingBlobName("D01", q3));
        Assert.Equal(["D01-20260701-000001", "D01-20260918-000002"], listing.Cases.Select(c => c.CaseNo));
        Assert.Equal("D01-20260701-000001.zip", listing.Cases[0].FileName);
        Assert.Equal(3000, listing.TotalBytes);
    }

    [Fact]
    public void Archive_Listing_NotAQuarterOrACaseClosedOutsideIt_IsRefused()
    {
        var item = CaseFileArchives.Item("D01-20261001-000001", new DateOnly(2026, 10, 1), new string('a', 64), 1);

        Assert.Equal("case_file.invalid_archive", CaseFileArchives.Listing("D01", ReportPeriod.Quarter(2026, 3), [item], Assembled).Error!.Code);
        Assert.False(CaseFileArchives.Listing("D01", ReportPeriod.Month(2026, 10), [item], Assembled).IsSuccess);
        Assert.False(CaseFileArchives.Listing("D01", ReportPeriod.Quarter(2026, 4), [item, item], Assembled).IsSuccess);
    }
}
