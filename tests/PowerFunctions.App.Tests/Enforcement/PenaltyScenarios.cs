using System.Net;
using System.Text.Json;

namespace PowerFunctions.App.Tests.Enforcement;

/// <summary>
/// A penalty case from opening to publication over real HTTP with the manual clock, across 中秋 and 国庆
/// 2026, including a hearing and a refused out-of-tier amount, with the bodies exactly as API.md writes
/// them. Written once; <see cref="PenaltyScenarioTests"/> runs it on the embedded store and
/// <see cref="AzuritePenaltyScenarioTests"/> on Azure Storage (Azurite).
/// </summary>
public abstract class PenaltyScenarios
{
    protected abstract Task<EnforcementApp> StartAppAsync();

    [Fact]
    [Trait("Source", "行政处罚法 第四十二条, 第四十四条, 第四十五条, 第五十七条, 第五十八条, 第五十九条, 第六十条, 第六十一条, 第六十四条, 第八十五条; 国办发〔2018〕118号; 国办发〔2022〕27号")]
    public async Task PenaltyCase_OpeningToPublication_WithAHearingAndARefusedOutOfTierAmount()
    {
        await using var app = await StartAppAsync();

        // The public checks an officer's certificate (执法人员公示): what it shows, nothing else.
        var certificate = await EnforcementApp.Json(await app.Public.GetAsync("/api/enforcement/certificates/" + Uri.EscapeDataString("豫应急D04-0001")));
        Assert.Equal("王执法", certificate.GetProperty("name").GetString());
        Assert.Equal("valid", certificate.GetProperty("status").GetString());
        Assert.Equal("2027-12-31", certificate.GetProperty("validTo").GetString());
        Assert.False(certificate.TryGetProperty("sub", out _));

        // 9/18 (Fri): opened ex officio; the 90-day decision clock runs (calendar days, 第六十条、第八十五条).
        var opened = await EnforcementApp.PostAsync(app.OfficerA, "/api/enforcement/cases", EnforcementApp.CaseBody());
        var openedJson = await EnforcementApp.Json(opened);
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        var caseNo = openedJson.GetProperty("caseNo").GetString()!;
        Assert.Matches(@"^D04-CF-20260918-\d{4}$", caseNo);
        Assert.Equal("opened", openedJson.GetProperty("state").GetString());
        Assert.Equal("2026-12-17", EnforcementApp.Deadline(openedJson, "penalty-decision").GetProperty("due").GetString());

        // Investigation by two certified officers (第四十二条); the prior notice of a serious-tier fine (第四十四条).
        await app.OkAsync(app.OfficerA, caseNo, "investigate", new { officers = new[] { "e-a", "e-b" }, evidence = "现场检查笔录、培训档案、询问笔录" });
        var notified = await app.OkAsync(app.OfficerA, caseNo, "notify", new { proposed = EnforcementApp.Fine(60000), circumstance = "serious" });
        Assert.Equal("notified", notified.GetProperty("state").GetString());
        Assert.Equal("2026-09-24", EnforcementApp.Deadline(notified, "hearing-request").GetProperty("due").GetString()); // 5 wd: the make-up Sunday 9/20 counts

        // 9/21 (Mon): the party states and asks for a hearing; the notice goes out for the earliest lawful day, 7 wd later.
        await app.SetClockAsync(9, 21);
        await app.OkAsync(app.OfficerA, caseNo, "statement", new { text = "已组织全员补训，请求从轻处罚" });
        var requested = await app.OkAsync(app.OfficerA, caseNo, "request-hearing");
        Assert.Equal("hearing-scheduled", requested.GetProperty("state").GetString());
        Assert.Equal("2026-10-08", requested.GetProperty("hearing").GetProperty("date").GetString()); // 9/22–9/30 and 10/8: 国庆 skipped

        // Held too early: refused, naming the date and schedule-hearing; nothing stored.
        var early = await app.RefusedAsync(app.OfficerA, caseNo, "hold-hearing", new { record = "听证笔录" }, HttpStatusCode.Conflict, "enforcement.hearing_not_yet");
        Assert.Contains("schedule-hearing", early.GetProperty("detail").GetString());
        Assert.Equal(requested.GetProperty("version").GetInt64(), (await app.CaseAsync(caseNo)).GetProperty("version").GetInt64());

        // 10/8: the hearing is held; the legal review follows it (第五十八条(二)); the heads decide collectively (第五十七条).
        await app.SetClockAsync(10, 8);
        var held = await app.OkAsync(app.OfficerA, caseNo, "hold-hearing", new { record = "调查人员提出违法事实、证据和处罚建议；当事人申辩称已补训，并质证。" });
        Assert.Equal("hearing-held", held.GetProperty("state").GetString());
        Assert.True(string.CompareOrdinal(EnforcementApp.Deadline(held, "penalty-decision").GetProperty("due").GetString(), "2026-12-17") > 0); // hearing time not counted
        await app.OkAsync(app.LegalReviewer, caseNo, "legal-review", new { opinion = "事实清楚，证据确凿，适用依据正确，程序合法" });
        await app.SetClockAsync(10, 9);
        await app.OkAsync(app.Decider, caseNo, "collective-decision", new
        {
            attendees = new[] { "周局长", "吴副局长", "郑副局长" },
            votes = new[] { new { name = "周局长", vote = "agree" }, new { name = "吴副局长", vote = "agree" }, new { name = "郑副局长", vote = "disagree" } },
            dissent = new[] { new { name = "郑副局长", opinion = "当事人已补训，宜认定为一般情节" } },
        });

        // An amount outside the serious tier (50,000–100,000) is refused (国办发〔2022〕27号); nothing stored.
        var before = (await app.CaseAsync(caseNo)).GetProperty("version").GetInt64();
        var outside = await app.RefusedAsync(app.Decider, caseNo, "decide", new { penalty = EnforcementApp.Fine(30000), circumstance = "serious", reasons = "当事人已补训" }, HttpStatusCode.UnprocessableEntity, "enforcement.outside_discretion");
        Assert.True(outside.TryGetProperty("errors", out _));
        Assert.Equal(before, (await app.CaseAsync(caseNo)).GetProperty("version").GetInt64());

        var decided = await app.OkAsync(app.Decider, caseNo, "decide", new { penalty = EnforcementApp.Fine(52000), circumstance = "serious", reasons = "违法事实清楚，已组织补训，在严重情节档次内从轻" });
        Assert.Equal("decided", decided.GetProperty("state").GetString());
        Assert.Equal("at-edge", decided.GetProperty("decision").GetProperty("fit").GetString());
        Assert.Equal("met", EnforcementApp.Deadline(decided, "penalty-decision").GetProperty("status").GetString());
        Assert.Equal("2026-10-19", EnforcementApp.Deadline(decided, "penalty-delivery").GetProperty("due").GetString());     // 7 wd, the make-up Saturday 10/10 counts
        Assert.Equal("2026-10-19", EnforcementApp.Deadline(decided, "penalty-publication").GetProperty("due").GetString());

        // 10/12: delivered (第六十一条); the publication job runs at delivery; the fine is due in 15 days.
        await app.SetClockAsync(10, 12);
        var delivered = await app.OkAsync(app.OfficerA, caseNo, "deliver", new { method = "in-person", recipient = "张小三" });
        Assert.Equal("delivered", delivered.GetProperty("state").GetString());
        Assert.Equal("2026-10-27", EnforcementApp.Deadline(delivered, "penalty-payment").GetProperty("due").GetString());
        Assert.True(await app.SweepAsync() > 0);
        var published = await app.CaseAsync(caseNo);
        Assert.Equal("2026-10-12", published.GetProperty("publishedOn").GetString());
        Assert.Equal("met", EnforcementApp.Deadline(published, "penalty-publication").GetProperty("status").GetString());

        // The public list: the person masked, no id number (国办发〔2018〕118号).
        var list = await app.Public.GetAsync("/api/enforcement/decisions");
        var listText = await list.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        var decision = JsonDocument.Parse(listText).RootElement.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("caseNo").GetString() == caseNo);
        Assert.Equal("张*三", decision.GetProperty("party").GetString());
        Assert.Equal(52000m, decision.GetProperty("penalty").GetProperty("amount").GetDecimal());
        Assert.DoesNotContain("410102199001011234", listText);
        Assert.DoesNotContain("张小三", listText);

        // Paid on time: the case closes.
        var paid = await app.OkAsync(app.OfficerA, caseNo, "record-payment", new { amount = 52000, paidOn = "2026-10-12", receiptNo = "FS-2026-000123" });
        Assert.Equal("closed", paid.GetProperty("state").GetString());

        // Every written act was sealed and verifies; the chain holds.
        var documents = paid.GetProperty("documents").EnumerateArray().ToArray();
        Assert.Equal(
            ["penalty-notice", "hearing-notice", "hearing-record", "collective-decision-record", "penalty-decision", "penalty-delivery-receipt"],
            documents.Select(d => d.GetProperty("type").GetString()!).ToArray());
        foreach (var document in documents)
        {
            var verify = await EnforcementApp.Json(await app.Public.GetAsync($"/api/documents/{document.GetProperty("id").GetString()}/verify"));
            Assert.True(verify.GetProperty("valid").GetBoolean(), verify.ToString());
            Assert.Equal(document.GetProperty("type").GetString(), verify.GetProperty("documentType").GetString());
        }

        var chain = await EnforcementApp.Json(await app.Supervisor.GetAsync($"/api/enforcement/cases/{caseNo}/audit/verify"));
        Assert.True(chain.GetProperty("valid").GetBoolean());
        Assert.Equal(paid.GetProperty("version").GetInt64(), chain.GetProperty("events").GetInt64());

        // Supervision sees the penalty at the tier's edge, with its department; no clock of the case went red.
        var discretion = await EnforcementApp.Json(await app.Supervisor.GetAsync("/api/supervision/discretion?department=D04"));
        var row = discretion.GetProperty("departments").EnumerateArray().Single();
        Assert.Equal("D04", row.GetProperty("department").GetProperty("code").GetString());
        var flagged = row.GetProperty("flagged").EnumerateArray().Single();
        Assert.Equal(caseNo, flagged.GetProperty("caseNo").GetString());
        Assert.Equal("at-edge", flagged.GetProperty("fit").GetString());
        Assert.DoesNotContain(await app.AlertsAsync(caseNo), a => a.GetProperty("level").GetString() == "red");
    }
}
