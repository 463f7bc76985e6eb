using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using PowerFunctions.App.Features.Applications;
using PowerFunctions.App.Features.Cases;
using Microsoft.Extensions.DependencyInjection;
using PowerFunctions.App.Features.Timers;
using PowerFunctions.App.Hosting;
using PowerFunctions.Storage;

namespace PowerFunctions.App.Tests.Cases;

/// <summary>Submissions: validation against the catalog, idempotency (including 50 concurrent clients retrying the same keys) and the queue intake.</summary>
public sealed class ApplicationIntakeTests
{
    [Fact]
    public async Task Submit_SameKeyAndBodyTwice_AnswersTheSameCase()
    {
        await using var app = await CaseApp.StartAsync();

        var first = await app.SubmitAsync(CaseApp.Application(), "key-1");
        var again = await app.SubmitAsync(CaseApp.Application(), "key-1");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
        Assert.True(again.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(1, await CountCasesAsync(app));
        var body = await CaseApp.Json(first);
        Assert.Equal("submitted", body.GetProperty("state").GetString());
        Assert.Equal("2026-09-18T09:30:00.000+08:00", body.GetProperty("receivedAt").GetString());
        Assert.Equal(10, body.GetProperty("queryCode").GetString()!.Length);
        Assert.Equal("pending", CaseApp.Deadline(body, "correction-notice").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Submit_SameKeyOtherBody_Answers409AndCreatesNothing()
    {
        await using var app = await CaseApp.StartAsync();
        await app.SubmitAsync(CaseApp.Application(), "key-1");

        var other = await app.SubmitAsync(CaseApp.Application(name: "王五"), "key-1");

        Assert.Equal(HttpStatusCode.Conflict, other.StatusCode);
        Assert.Equal("request.idempotency_conflict", (await CaseApp.Json(other)).GetProperty("code").GetString());
        Assert.Equal(1, await CountCasesAsync(app));
    }

    [Fact]
    public async Task Submit_SameKeyByAnotherCitizen_IsAnotherSubmission()
    {
        await using var app = await CaseApp.StartAsync();

        var mine = await CaseApp.Json(await app.SubmitAsync(CaseApp.Application(), "key-1"));
        var theirs = await CaseApp.Json(await app.SubmitAsync(CaseApp.Application(), "key-1", app.OtherCitizen));

        Assert.NotEqual(mine.GetProperty("caseNo").GetString(), theirs.GetProperty("caseNo").GetString());
    }

    [Fact]
    public async Task Submit_FiftyClientsRetryingTheSameKeys_ExactlyOneCasePerKey()
    {
        await using var app = await CaseApp.StartAsync();
        const int keys = 10;
        var answers = new ConcurrentBag<(string Key, HttpStatusCode Status, string? CaseNo)>();

        await Parallel.ForEachAsync(Enumerable.Range(0, 50), new ParallelOptions { MaxDegreeOfParallelism = 50 }, async (client, _) =>
        {
            for (var attempt = 0; attempt < 3; attempt++)
            {
                var key = $"retry-{(client + attempt) % keys}";
                var response = await app.SubmitAsync(CaseApp.Application(), key);
                var caseNo = response.StatusCode == HttpStatusCode.Created ? (await CaseApp.Json(response)).GetProperty("caseNo").GetString() : null;
                answers.Add((key, response.StatusCode, caseNo));
            }
        });

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Created, a.Status));
        Assert.All(answers.GroupBy(a => a.Key), g => Assert.Single(g.Select(a => a.CaseNo).Distinct()));
        Assert.Equal(keys, answers.Select(a => a.CaseNo).Distinct().Count());
        Assert.Equal(keys, await CountCasesAsync(app));
    }

    [Fact]
    public async Task Submit_CrashAfterReservingTheKey_RetryCompletesTheSameCaseOnce()
    {
        var flaky = new FlakyScheduler();
        await using var app = await CaseApp.StartAsync(s => s.AddSingleton<ITimerScheduler>(sp => flaky.Wrap(ActivatorUtilities.CreateInstance<TableTimerScheduler>(sp))));

        var crashed = await app.SubmitAsync(CaseApp.Application(), "crash-key");
        Assert.Equal(HttpStatusCode.InternalServerError, crashed.StatusCode);
        Assert.Equal(0, await CountCasesAsync(app));

        var retried = await app.SubmitAsync(CaseApp.Application(), "crash-key");
        var again = await app.SubmitAsync(CaseApp.Application(), "crash-key");

        Assert.Equal(HttpStatusCode.Created, retried.StatusCode);
        Assert.Equal("D01-20260918-000001", (await CaseApp.Json(retried)).GetProperty("caseNo").GetString());
        Assert.Equal(await retried.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
        Assert.Equal(1, await CountCasesAsync(app));
    }

    [Fact]
    public async Task Submit_WithoutKey_Answers400()
    {
        await using var app = await CaseApp.StartAsync();

        var response = await app.SubmitAsync(CaseApp.Application(), null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("request.idempotency_key_required", (await CaseApp.Json(response)).GetProperty("code").GetString());
        Assert.Equal(0, await CountCasesAsync(app));
    }

    [Theory]
    [InlineData("NO-SUCH", HttpStatusCode.NotFound, "catalog.item_not_found")]
    [InlineData(FakeCatalog.Draft, HttpStatusCode.Conflict, "catalog.item_not_published")]
    public async Task Submit_UnknownOrUnpublishedItem_IsRefusedAndNothingStored(string itemCode, HttpStatusCode status, string code)
    {
        await using var app = await CaseApp.StartAsync();

        var response = await app.SubmitAsync(CaseApp.Application(itemCode), "k");

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(code, (await CaseApp.Json(response)).GetProperty("code").GetString());
        Assert.Equal(0, await CountCasesAsync(app));
        Assert.Equal(HttpStatusCode.Created, (await app.SubmitAsync(CaseApp.Application(), "k")).StatusCode); // the key was not used up
    }

    /// <summary>
    /// 行政许可法 第三十二条 forbids turning an incomplete application away: it is received (201, a
    /// receipt and a query code), what it lacks is listed, the 5 wd correction-notice clock runs, and the
    /// one notice must name at least those materials. (This route answered 422 before.)
    /// </summary>
    [Fact]
    [Trait("Source", "行政许可法 第三十二条")]
    public async Task Submit_MissingRequiredMaterial_ReceivedWithMissingListedAndTheNoticeMustNameThem()
    {
        await using var app = await CaseApp.StartAsync();

        var response = await app.SubmitAsync(CaseApp.Application(FakeCatalog.Plain, "张小三", "M1"), "k");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await CaseApp.Json(response);
        Assert.Equal("submitted", body.GetProperty("state").GetString());
        Assert.Equal(["M2"], body.GetProperty("missingMaterials").EnumerateArray().Select(m => m.GetProperty("code").GetString()!).ToArray());
        Assert.Equal("身份证明", body.GetProperty("missingMaterials")[0].GetProperty("name").GetString());
        Assert.Equal("2026-09-24", CaseApp.Deadline(body, "correction-notice").GetProperty("due").GetString());
        var caseNo = body.GetProperty("caseNo").GetString()!;
        Assert.Equal("M2", (await app.CaseAsync(caseNo)).GetProperty("missingMaterials")[0].GetProperty("code").GetString());

        var accept = await app.ActAsync(app.Acceptor, caseNo, "accept");
        var partial = await app.ActAsync(app.Acceptor, caseNo, "correction-notice", new { missing = new[] { new { code = "M3", reason = "模糊" } } });
        var unknown = await app.ActAsync(app.Acceptor, caseNo, "correction-notice", new { missing = new[] { new { code = "M2", reason = "缺" }, new { code = "M9", reason = "?" } } });

        Assert.Equal("case.materials_incomplete", (await CaseApp.Json(accept)).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, partial.StatusCode);
        Assert.Contains("M2", (await CaseApp.Json(partial)).GetProperty("errors").GetProperty("missing")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("M9", (await CaseApp.Json(unknown)).GetProperty("errors").GetProperty("missing")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(1, (await app.CaseAsync(caseNo)).GetProperty("version").GetInt64());
        var notice = await app.OkAsync(app.Acceptor, caseNo, "correction-notice", new { missing = new[] { new { code = "M2", reason = "未提交" } } });
        Assert.Equal("correction-requested", notice.GetProperty("state").GetString());
    }

    [Fact]
    [Trait("Source", "行政许可法 第三十二条")]
    public async Task Submit_NoApplicantIdentity_Answers422AndNothingStored()
    {
        await using var app = await CaseApp.StartAsync();

        var response = await app.SubmitAsync(CaseApp.Application(FakeCatalog.Plain, " ", "M1"), "k");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("applicant.name", (await CaseApp.Json(response)).GetProperty("errors").EnumerateObject().Select(e => e.Name));
        Assert.Equal(0, await CountCasesAsync(app));
    }

    [Fact]
    public async Task Submit_MalformedJsonOrWrongRole_ChangesNothing()
    {
        await using var app = await CaseApp.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/applications") { Content = new StringContent("{\"itemCode\":", System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Add("Idempotency-Key", "k");

        Assert.Equal(HttpStatusCode.BadRequest, (await app.Citizen.SendAsync(request)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.SubmitAsync(CaseApp.Application(), "k2", app.Acceptor)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.SubmitAsync(CaseApp.Application(), "k3", app.App.Client)).StatusCode);
        Assert.Equal(0, await CountCasesAsync(app));
    }

    [Fact]
    public async Task Submit_TwoIdempotencyKeyHeaders_Answers400AndCreatesNothing()
    {
        await using var app = await CaseApp.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/applications") { Content = System.Net.Http.Json.JsonContent.Create(CaseApp.Application()) };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", ["key-a", "key-b"]);

        var response = await app.Citizen.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("request.idempotency_key_invalid", (await CaseApp.Json(response)).GetProperty("code").GetString());
        Assert.Equal(0, await CountCasesAsync(app));
        Assert.Equal(HttpStatusCode.Created, (await app.SubmitAsync(CaseApp.Application(), "key-a")).StatusCode);
    }

    [Fact]
    public async Task Submit_JsonSentAsTextPlain_Answers415AndCreatesNothing()
    {
        await using var app = await CaseApp.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/applications") { Content = new StringContent(JsonSerializer.Serialize(CaseApp.Application()), System.Text.Encoding.UTF8, "text/plain") };
        request.Headers.Add("Idempotency-Key", "k");

        var response = await app.Citizen.SendAsync(request);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal(0, await CountCasesAsync(app));
    }

    [Fact]
    public async Task Intake_QueueMessageDeliveredTwice_CreatesOneCase_BadMessageThrowsItsReason()
    {
        await using var app = await CaseApp.StartAsync();
        var message = JsonSerializer.Serialize(new
        {
            itemCode = FakeCatalog.Plain,
            applicant = new { name = "赵六", idType = "身份证", idNumber = "410102199202021234", phone = "13700000000" },
            materials = new[] { new { code = "M1", name = "申请书" }, new { code = "M2", name = "身份证明" } },
            idempotencyKey = "hotline-0001",
        });

        await app.App.DeliverAsync("ApplicationIntake", message);
        await app.App.DeliverAsync("ApplicationIntake", message, dequeueCount: 2);
        var bad = await Assert.ThrowsAsync<PoisonMessageException>(() => app.App.DeliverAsync("ApplicationIntake", message.Replace(FakeCatalog.Plain, "NO-SUCH", StringComparison.Ordinal).Replace("hotline-0001", "hotline-0002", StringComparison.Ordinal)));

        Assert.Equal(1, await CountCasesAsync(app));
        Assert.Contains("catalog.item_not_found", bad.Message, StringComparison.Ordinal);

        // An incomplete application on the queue is received like one over HTTP (行政许可法 第三十二条), not poisoned.
        var incomplete = JsonSerializer.Serialize(new
        {
            itemCode = FakeCatalog.Plain,
            applicant = new { name = "钱七", idType = "身份证", idNumber = "410102199303031234", phone = "13600000000" },
            materials = new[] { new { code = "M1", name = "申请书" } },
            idempotencyKey = "hotline-0003",
        });
        await app.App.DeliverAsync("ApplicationIntake", incomplete);
        Assert.Equal(2, await CountCasesAsync(app));
        Assert.Equal("applications", ((QueueFunction)app.App.Get<FunctionIndex>().Find("ApplicationIntake")!).QueueName);
    }

    [Fact]
    public async Task CaseNumbers_ManyInOneDay_AreUniqueAndSequentialPerDepartment()
    {
        await using var app = await CaseApp.StartAsync();
        var numbers = app.App.Get<CaseNumbers>();

        var issued = await Task.WhenAll(Enumerable.Range(0, 250).Select(_ => numbers.NextAsync("D01", new DateOnly(2026, 9, 18), CancellationToken.None)));

        Assert.Equal(250, issued.Distinct().Count());
        Assert.Contains("D01-20260918-000001", issued);
        Assert.Contains("D01-20260918-000250", issued);
    }

    [Fact]
    public async Task CaseNumbers_HalfABlockUsed_ReservesTheNextBlockAhead()
    {
        await using var app = await CaseApp.StartAsync();
        var numbers = app.App.Get<CaseNumbers>();
        var counter = app.App.Get<IStorageAccount>().GetTableClient(CaseTables.Counters);

        for (var i = 0; i < CaseNumbers.BlockSize / 2; i++)
        {
            await numbers.NextAsync("D01", new DateOnly(2026, 9, 18), CancellationToken.None);
        }

        // The next block is taken in the background: the counter moves on while the first block is still in use.
        var waited = System.Diagnostics.Stopwatch.StartNew();
        long? next = null;
        while (waited.Elapsed < TimeSpan.FromSeconds(10))
        {
            next = (await counter.GetEntityAsync("D01", "20260918", CancellationToken.None))?.GetInt64("Next");
            if (next == 1 + (2 * CaseNumbers.BlockSize))
            {
                break;
            }

            await Task.Delay(10);
        }

        Assert.Equal(1 + (2 * CaseNumbers.BlockSize), next);
        var after = await Task.WhenAll(Enumerable.Range(0, CaseNumbers.BlockSize).Select(_ => numbers.NextAsync("D01", new DateOnly(2026, 9, 18), CancellationToken.None)));
        Assert.Contains("D01-20260918-000051", after);
        Assert.Contains("D01-20260918-000150", after);
        Assert.Equal(CaseNumbers.BlockSize, after.Distinct().Count());
    }

    /// <summary>Fails the first scheduling (a crash between the key's reservation and the case's commit).</summary>
    private sealed class FlakyScheduler
    {
        private int _calls;

        public ITimerScheduler Wrap(ITimerScheduler inner) => new Scheduler(this, inner);

        private sealed class Scheduler(FlakyScheduler owner, ITimerScheduler inner) : ITimerScheduler
        {
            public Task ScheduleAsync(IReadOnlyList<DurableTimer> timers, CancellationToken cancellationToken) =>
                Interlocked.Increment(ref owner._calls) == 1 ? throw new IOException("simulated crash") : inner.ScheduleAsync(timers, cancellationToken);
        }
    }

    internal static async Task<int> CountCasesAsync(CaseApp app)
    {
        var table = app.App.Get<IStorageAccount>().GetTableClient(CaseTables.Cases);
        var count = 0;
        string? token = null;
        do
        {
            var page = await table.QueryAsync(new TableQuery { ContinuationToken = token });
            count += page.Entities.Count(e => e.RowKey == CaseStore.SnapshotRow);
            token = page.ContinuationToken;
        }
        while (token is not null);

        return count;
    }
}
