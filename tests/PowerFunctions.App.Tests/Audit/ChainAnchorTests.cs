using System.Net;
using System.Text.Json;
using Azure;
using PowerFunctions.App.Features.Audit;
using PowerFunctions.App.Features.Cases;
using PowerFunctions.App.Tests.Cases;
using PowerFunctions.Domain.Cases;
using PowerFunctions.Domain.Common;
using PowerFunctions.Storage;

namespace PowerFunctions.App.Tests.Audit;

/// <summary>The daily anchor of the hash chains: a partition rewritten whole after it is caught; an anchor is written once; its root is reproducible.</summary>
public sealed class ChainAnchorTests
{
    private const string Today = "2026-09-18";

    [Fact]
    public async Task Verify_CasePartitionRewrittenConsistentlyAfterTheAnchor_IsReported()
    {
        await using var app = await CaseApp.StartAsync();
        var caseNo = await app.NewCaseAsync();
        await app.OkAsync(app.Acceptor, caseNo, "accept");
        await app.App.RunTimerAsync("ChainAnchor");
        var before = await VerifyAsync(app, caseNo);
        Assert.True(before.GetProperty("valid").GetBoolean());
        Assert.True(before.GetProperty("anchor").GetProperty("matches").GetBoolean());

        // An insider with write access rewrites the whole partition: the acceptor's name changed, every hash recomputed, the snapshot's head too.
        await RewriteAsync(app, caseNo, e => e with { ActorName = e.Seq == 2 ? "冒名者" : e.ActorName });

        var after = await VerifyAsync(app, caseNo);
        Assert.True(after.GetProperty("chainValid").GetBoolean()); // the chain alone cannot tell
        Assert.False(after.GetProperty("valid").GetBoolean());
        Assert.Equal(2, after.GetProperty("brokenAt").GetInt64());
        Assert.False(after.GetProperty("anchor").GetProperty("matches").GetBoolean());
        Assert.Contains("rewritten", after.GetProperty("reason").GetString());

        var supervisor = await CaseApp.Json(await app.Supervisor.GetAsync($"/api/audit/anchors/{Today}/verify"));
        Assert.False(supervisor.GetProperty("valid").GetBoolean());
        Assert.True(supervisor.GetProperty("rootValid").GetBoolean());
        var mismatch = Assert.Single(supervisor.GetProperty("mismatches").EnumerateArray());
        Assert.Equal("case/" + caseNo, mismatch.GetProperty("stream").GetString());
        Assert.Equal("rewritten", mismatch.GetProperty("reason").GetString());
        Assert.Equal(2, mismatch.GetProperty("seq").GetInt64());
    }

    [Fact]
    public async Task Verify_EventsAddedAfterTheAnchor_StillValid_AndAnUntouchedStoreVerifies()
    {
        await using var app = await CaseApp.StartAsync();
        var caseNo = await app.NewCaseAsync();
        await app.App.RunTimerAsync("ChainAnchor");
        await app.OkAsync(app.Acceptor, caseNo, "accept");

        var verified = await VerifyAsync(app, caseNo);
        var all = await CaseApp.Json(await app.Supervisor.GetAsync($"/api/audit/anchors/{Today}/verify"));

        Assert.True(verified.GetProperty("valid").GetBoolean());
        Assert.Equal(1, verified.GetProperty("anchor").GetProperty("seq").GetInt64());
        Assert.True(all.GetProperty("valid").GetBoolean());
        Assert.Empty(all.GetProperty("mismatches").EnumerateArray());
    }

    [Fact]
    public async Task Verify_NoAnchorYet_AnchorIsNull_AndTheRoutesAreForSupervisors()
    {
        await using var app = await CaseApp.StartAsync();
        var caseNo = await app.NewCaseAsync();

        var verified = await VerifyAsync(app, caseNo);

        Assert.True(verified.GetProperty("valid").GetBoolean());
        Assert.False(verified.TryGetProperty("anchor", out _)); // null: left out
        Assert.Equal(HttpStatusCode.NotFound, (await app.Supervisor.GetAsync($"/api/audit/anchors/{Today}/verify")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await app.Supervisor.GetAsync("/api/audit/anchors/18-09-2026/verify")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.Acceptor.GetAsync("/api/audit/anchors")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.App.Client.GetAsync("/api/audit/anchors")).StatusCode);
    }

    [Fact]
    public async Task Anchor_SecondRunTheSameDay_LeavesTheFirst_AndAnOverwriteIsRefused()
    {
        await using var app = await CaseApp.StartAsync();
        await app.NewCaseAsync();
        await app.App.RunTimerAsync("ChainAnchor");
        var container = app.App.Get<IStorageAccount>().GetBlobContainerClient(AnchorStore.ContainerName);
        var first = (await container.DownloadAsync(Today + ".json"))!;

        await app.NewCaseAsync();
        await app.App.RunTimerAsync("ChainAnchor");
        var refused = await Assert.ThrowsAsync<RequestFailedException>(() => container.UploadAsync(Today + ".json", "{}"u8.ToArray(), "application/json"));

        var second = (await container.DownloadAsync(Today + ".json"))!;
        Assert.Equal(409, refused.Status);
        Assert.Equal(first.Properties.ETag, second.Properties.ETag);
        Assert.Equal(first.Content, second.Content);
        Assert.Equal(1, JsonDocument.Parse(second.Content).RootElement.GetProperty("count").GetInt32());
        var list = await CaseApp.Json(await app.Supervisor.GetAsync("/api/audit/anchors"));
        Assert.Equal(Today, Assert.Single(list.GetProperty("items").EnumerateArray()).GetProperty("date").GetString());
    }

    [Fact]
    public async Task Anchor_Root_IsReproducibleFromItsLeaves()
    {
        await using var app = await CaseApp.StartAsync();
        var cases = new[] { await app.NewCaseAsync(), await app.NewCaseAsync(), await app.NewCaseAsync() };
        await app.OkAsync(app.Acceptor, cases[1], "accept");
        await app.App.RunTimerAsync("ChainAnchor");

        var blob = (await app.App.Get<IStorageAccount>().GetBlobContainerClient(AnchorStore.ContainerName).DownloadAsync(Today + ".json"))!;
        var anchor = JsonDocument.Parse(blob.Content).RootElement;
        var leaves = anchor.GetProperty("leaves").EnumerateArray()
            .Select(l => (Stream: l.GetProperty("stream").GetString()!, Seq: l.GetProperty("seq").GetInt64(), Head: l.GetProperty("head").GetString()!))
            .ToArray();
        var recomputed = MerkleTree.Root([.. leaves.Select(l => MerkleTree.Leaf(l.Stream, l.Seq, l.Head))]);

        Assert.Equal(anchor.GetProperty("root").GetString(), recomputed);
        Assert.Equal(cases.Select(c => "case/" + c).Order(StringComparer.Ordinal), leaves.Select(l => l.Stream));
        Assert.Equal(2, leaves.Single(l => l.Stream == "case/" + cases[1]).Seq);
        var heads = await app.App.Get<AuditedChains>().HeadsAsync(default);
        Assert.Equal(recomputed, ChainAnchor.Of(new DateOnly(2026, 9, 18), TestTime, heads).Root);
    }

    private static readonly DateTimeOffset TestTime = new(2026, 9, 18, 9, 30, 0, TimeSpan.FromHours(8));

    private static async Task<JsonElement> VerifyAsync(CaseApp app, string caseNo)
    {
        var response = await app.Supervisor.GetAsync($"/api/cases/{caseNo}/audit/verify");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await CaseApp.Json(response);
    }

    /// <summary>Rewrites every event of the case through <paramref name="change"/>, re-links and re-hashes the chain, and moves the snapshot's head: a consistent forgery.</summary>
    private static async Task RewriteAsync(CaseApp app, string caseNo, Func<CaseEvent, CaseEvent> change)
    {
        var table = app.App.Get<IStorageAccount>().GetTableClient(CaseTables.Cases);
        var events = (await app.App.Get<CaseStore>().LoadEventsAsync(caseNo, default))!.OrderBy(e => e.Seq).ToArray();
        var previous = CaseChain.Genesis;
        foreach (var original in events)
        {
            var e = change(original) with { PreviousHash = previous };
            e = e with { Hash = CaseChain.HashOf(e.Seq, e.Type, e.At, e.Actor, e.ActorName, e.Role, e.Data, e.PreviousHash) };
            var row = (await table.GetEntityAsync(caseNo, CaseStore.EventRow(e.Seq)))!;
            row["ActorName"] = e.ActorName;
            row["PreviousHash"] = e.PreviousHash;
            row["Hash"] = e.Hash;
            await table.UpsertEntityAsync(row);
            previous = e.Hash;
        }

        var snapshot = (await table.GetEntityAsync(caseNo, CaseStore.SnapshotRow))!;
        snapshot["LastHash"] = previous;
        await table.UpsertEntityAsync(snapshot);
    }
}
