using PowerFunctions.Tests.Shared;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PowerFunctions.App.Tests.Support;

namespace PowerFunctions.App.Tests.Evaluations;

/// <summary>好差评 over real HTTP with the real catalog, documents, timers and supervision.</summary>
public sealed class EvaluationApiTests
{
    private const string Source = "国办发〔2019〕51号 and local rules";

    [Fact]
    [Trait("Source", Source)]
    public async Task Rate_BadReviewOfRefusedCase_RectificationNoticeAlertAndRectify()
    {
        await using var app = await TestApp.StartAsync();
        await BadReviewScenarioAsync(app);
    }

    /// <summary>The same path with the real catalog, sealed documents (blobs), timers and alerts on Azure Storage (Azurite).</summary>
    [Fact]
    [Trait("Source", Source)]
    public async Task Rate_BadReviewOnAzurite_SamePathThroughTheAzureAdapter()
    {
        var azurite = new Azurite();
        await azurite.InitializeAsync();
        try
        {
            await using var app = await TestApp.StartAsync(new Dictionary<string, string?>
            {
                ["Storage:Provider"] = "AzureStorage",
                ["Storage:ConnectionString"] = azurite.ConnectionString,
            });
            await BadReviewScenarioAsync(app);
        }
        finally
        {
            await azurite.DisposeAsync();
        }
    }

    private static async Task BadReviewScenarioAsync(TestApp app)
    {
        using var citizen = app.ClientFor("citizen", "", "citizen-9", "张小三");
        using var acceptor = app.ClientFor("acceptor", "D01", "acc-1", "李受理");
        using var supervisor = app.ClientFor("supervisor", "", "sup-1", "周监察");
        using var admin = app.ClientFor("admin", "", "adm-1", "管理员");
        using var otherDept = app.ClientFor("acceptor", "D02", "acc-2", "吴受理");
        var caseNo = await SampleApplications.SubmitAsync(citizen);

        // Not concluded yet: no rating.
        var early = await citizen.PostAsJsonAsync("/api/evaluations", new { caseNo, level = "satisfied" });
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Equal("evaluation.case_not_concluded", await SampleApplications.CodeOf(early));

        var refused = await acceptor.PostAsJsonAsync($"/api/cases/{caseNo}/refuse", new { reason = "不属于本机关职权范围" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);

        using var stranger = app.ClientFor("citizen", "", "citizen-10", "李四");
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.PostAsJsonAsync("/api/evaluations", new { caseNo, level = "dissatisfied", comment = "x" })).StatusCode);

        var rated = await citizen.PostAsJsonAsync("/api/evaluations", new { caseNo, level = "very-dissatisfied", comment = "不予受理理由说明不清" });
        Assert.Equal(HttpStatusCode.Created, rated.StatusCode);
        var view = await SampleApplications.Json(rated);
        Assert.Equal("awaiting-rectification", view.GetProperty("status").GetString());
        Assert.Equal("2026-10-09", view.GetProperty("rectificationDue").GetString()); // 10 wd across 中秋 and 国庆 2026
        var notice = view.GetProperty("rectificationNotice").GetString()!;
        using var reader = app.DocumentReader();
        var pdf = await reader.GetAsync($"/api/documents/{notice}");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        var verify = await SampleApplications.Json(await app.Client.GetAsync($"/api/documents/{notice}/verify"));
        Assert.True(verify.GetProperty("valid").GetBoolean());

        // Once per case.
        var twice = await citizen.PostAsJsonAsync("/api/evaluations", new { caseNo, level = "satisfied" });
        Assert.Equal("evaluation.already_rated", await SampleApplications.CodeOf(twice));

        // The due day ends unrectified: a red alert for supervisors.
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync("/api/admin/clock", new { set = "2026-10-10T08:00:00+08:00" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync("/api/admin/timers/sweep", null)).StatusCode);
        var alerts = await SampleApplications.Json(await supervisor.GetAsync("/api/supervision/alerts?level=red&department=D01"));
        Assert.Contains(alerts.EnumerateArray(), a => a.GetProperty("caseNo").GetString() == caseNo && a.GetProperty("deadlineKind").GetString() == "evaluation-rectification");
        var overdue = await SampleApplications.Json(await supervisor.GetAsync("/api/evaluations?status=overdue"));
        Assert.Single(overdue.EnumerateArray());

        // Another department may not rectify; the case's department does, and the alert closes.
        Assert.Equal(HttpStatusCode.Forbidden, (await otherDept.PostAsJsonAsync($"/api/evaluations/{caseNo}/rectification", new { measures = "x" })).StatusCode);
        var rectified = await acceptor.PostAsJsonAsync($"/api/evaluations/{caseNo}/rectification", new { measures = "已重新出具说明并电话回访申请人" });
        Assert.Equal(HttpStatusCode.OK, rectified.StatusCode);
        Assert.Equal("rectified", (await SampleApplications.Json(rectified)).GetProperty("status").GetString());
        var open = await SampleApplications.Json(await supervisor.GetAsync("/api/supervision/alerts?level=red&department=D01"));
        // A red alert is a recorded violation (seed 003 预警纠错): rectified late, it records when and stays for the department to answer.
        var red = Assert.Single(open.EnumerateArray(), a => a.GetProperty("caseNo").GetString() == caseNo && a.GetProperty("deadlineKind").GetString() == "evaluation-rectification");
        Assert.True(red.TryGetProperty("resolvedAt", out _));
    }

    [Theory]
    [InlineData("{\"caseNo\":\"X\",\"level\":\"great\"}", 422, "request.validation_failed")]
    [InlineData("{\"level\":\"satisfied\"}", 422, "request.validation_failed")]
    [InlineData("{not json", 400, "request.malformed_json")]
    [InlineData("{\"caseNo\":\"D01-20990101-000001\",\"level\":\"satisfied\"}", 404, "case.not_found")]
    public async Task Rate_BadInput_ProblemAndNothingStored(string body, int status, string code)
    {
        await using var app = await TestApp.StartAsync();
        using var citizen = app.ClientFor("citizen", "", "citizen-9", "张小三");
        using var supervisor = app.ClientFor("supervisor", "", "sup-1", "周监察");

        var response = await citizen.PostAsync("/api/evaluations", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(code, await SampleApplications.CodeOf(response));
        Assert.Empty((await SampleApplications.Json(await supervisor.GetAsync("/api/evaluations"))).EnumerateArray());
    }

    [Fact]
    public async Task List_StaffOfOtherDepartment_Forbidden()
    {
        await using var app = await TestApp.StartAsync();
        using var acceptor = app.ClientFor("acceptor", "D01", "acc-1", "李受理");

        Assert.Equal(HttpStatusCode.Forbidden, (await acceptor.GetAsync("/api/evaluations?department=D02")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await acceptor.GetAsync("/api/evaluations")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await acceptor.GetAsync("/api/evaluations?status=late")).StatusCode);
    }
}
