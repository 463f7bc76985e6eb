using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace PowerFunctions.App.Tests.Cases;

/// <summary>
/// The expert register (专家库) kept by admins apart from the reviewers who draw from it (管用分离, seed 000
/// 配套2), and <c>expert-draw {count, expectedUntil?}</c> drawing from it: the item's field, available
/// experts only, at least one third external (seed 000 §5(三)2), a pool in the request refused.
/// </summary>
[Trait("Source", "seed 000 配套2; seed 000 §5(三)2")]
public sealed class ExpertRegisterAppTests
{
    private const string Item = "XK-D01-0003"; // 特种设备安装改造修理许可: expert review in field 特种设备, site inspection, collective decision

    [Fact]
    public async Task Register_AdminKeepsIt_OthersMayNot_InvalidRecordChangesNothing()
    {
        await using var app = await CaseApp.StartAsync();

        var created = await app.Admin.PutAsJsonAsync("/api/experts/E01", new { name = "孙工", external = true, fields = new[] { "特种设备", "压力容器" } });
        var replaced = await app.Admin.PutAsJsonAsync("/api/experts/E01", new { name = "孙工", external = true, fields = new[] { "特种设备" } });
        var byReviewer = await app.ReviewerA.PutAsJsonAsync("/api/experts/E02", new { name = "王工", external = false, fields = new[] { "特种设备" } });
        var invalid = await app.Admin.PutAsJsonAsync("/api/experts/E%20X", new { name = "", external = false, fields = Array.Empty<string>() });
        var unavailable = await app.Admin.PostAsJsonAsync("/api/experts/E01/availability", new { available = false });
        var unknown = await app.Admin.PostAsJsonAsync("/api/experts/E99/availability", new { available = false });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byReviewer.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, invalid.StatusCode);
        var problem = await CaseApp.Json(invalid);
        Assert.Equal("experts.invalid", problem.GetProperty("code").GetString());
        Assert.Equal(["fields", "id", "name"], problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.False((await CaseApp.Json(unavailable)).GetProperty("available").GetBoolean());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var register = await CaseApp.Json(await app.Supervisor.GetAsync("/api/experts?field=特种设备"));
        var only = Assert.Single(register.GetProperty("experts").EnumerateArray());
        Assert.Equal(["特种设备"], only.GetProperty("fields").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal(0, register.GetProperty("drawPool").GetProperty("available").GetInt32());
        Assert.Equal(HttpStatusCode.Forbidden, (await app.ReviewerA.GetAsync("/api/experts")).StatusCode);
        Assert.Equal("adm-1", (await CaseApp.Json(await app.Admin.GetAsync("/api/experts/E01"))).GetProperty("updatedBy").GetString());
    }

    [Fact]
    public async Task ExpertDraw_TakesTheAvailableExpertsOfTheItemsField_OneThirdExternal_PoolInBodyRefused()
    {
        await using var app = await CaseApp.StartWithSampleCatalogAsync();
        var experts = new (string Id, bool External, string Field)[]
        {
            ("E01", true, "特种设备"), ("E02", false, "特种设备"), ("E03", false, "特种设备"), ("E04", false, "特种设备"),
            ("E05", true, "食品安全"), ("E06", true, "特种设备"),
        };
        foreach (var e in experts)
        {
            Assert.Equal(HttpStatusCode.Created, (await app.Admin.PutAsJsonAsync($"/api/experts/{e.Id}", new { name = "专家" + e.Id, external = e.External, fields = new[] { e.Field } })).StatusCode);
        }

        var caseNo = (await CaseApp.Json(await app.SubmitAsync(CaseApp.SampleApplication(Item, "赵六", "M01", "M02", "M03", "M04"), "draw-1"))).GetProperty("caseNo").GetString()!;
        await app.OkAsync(app.Acceptor, caseNo, "accept");

        // E06 is away: the field's pool is E01 (external), E02, E03, E04 — under one third external.
        await app.Admin.PostAsJsonAsync("/api/experts/E06/availability", new { available = false });
        var underThird = await app.ActAsync(app.ReviewerA, caseNo, "expert-draw", new { count = 2, expectedUntil = "2026-10-16" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, underThird.StatusCode);
        Assert.Equal("case.expert_pool_invalid", (await CaseApp.Json(underThird)).GetProperty("code").GetString());

        // A pool in the request is refused whatever it holds, and changes nothing.
        var withPool = await app.ActAsync(app.ReviewerA, caseNo, "expert-draw", new { count = 1, pool = new[] { new { id = "X1", name = "自选专家", external = true } } });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, withPool.StatusCode);
        Assert.Equal("case.expert_pool_not_accepted", (await CaseApp.Json(withPool)).GetProperty("code").GetString());
        Assert.Equal("accepted", (await app.CaseAsync(caseNo)).GetProperty("state").GetString());

        // E06 back: five in the field, two external. The draw records that pool and its seed; the clock stops.
        await app.Admin.PostAsJsonAsync("/api/experts/E06/availability", new { available = true });
        var drawn = await app.OkAsync(app.ReviewerA, caseNo, "expert-draw", new { count = 3, expectedUntil = "2026-10-16" });

        Assert.Equal("suspended", drawn.GetProperty("state").GetString());
        var draw = drawn.GetProperty("expertDraw");
        Assert.Equal(["E01", "E02", "E03", "E04", "E06"], draw.GetProperty("pool").EnumerateArray().Select(e => e.GetProperty("id").GetString()));
        Assert.Equal(3, draw.GetProperty("drawn").GetArrayLength());
        Assert.Contains("suspension-notice", CaseDocumentsCheck.Listed(drawn).Keys);
        Assert.Equal("2026-10-16", drawn.GetProperty("suspensions")[0].GetProperty("expectedUntil").GetString());
        var verify = await CaseApp.Json(await app.Supervisor.GetAsync($"/api/cases/{caseNo}/expert-draw/verify"));
        Assert.True(verify.GetProperty("matches").GetBoolean());

        // Changing the register later leaves the recorded draw as it was.
        await app.Admin.PostAsJsonAsync("/api/experts/E01/availability", new { available = false });
        Assert.Equal(5, (await app.CaseAsync(caseNo)).GetProperty("expertDraw").GetProperty("pool").GetArrayLength());
        Assert.True((await CaseApp.Json(await app.Supervisor.GetAsync($"/api/cases/{caseNo}/expert-draw/verify"))).GetProperty("matches").GetBoolean());
    }
}
