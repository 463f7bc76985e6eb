using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PowerFunctions.App.Tests.Support;

namespace PowerFunctions.App.Tests.Pages;

/// <summary>What the browser tests need done through the API first, on the real sample catalog (食品经营许可, D01).</summary>
public static class PageScenarios
{
    /// <summary>A complete application, accepted by a D01 acceptor: answers the case number and query code.</summary>
    public static async Task<(string CaseNo, string QueryCode)> AcceptedCaseAsync(TestApp app, string applicant = "张小三")
    {
        using var citizen = app.ClientFor("citizen", "", "citizen-" + Guid.NewGuid().ToString("N")[..8], applicant);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/applications")
        {
            Content = JsonContent.Create(new
            {
                itemCode = SampleApplications.Item,
                applicant = new { name = applicant, idType = "身份证", idNumber = "410102199001011234", phone = "13800000000" },
                materials = new[] { "M01", "M02", "M03", "M04" }.Select(c => new { code = c, name = "材料" + c }),
                form = new { address = "郑州市金水区" },
            }),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        var created = await Ok(await citizen.SendAsync(request), HttpStatusCode.Created);
        var caseNo = created.GetProperty("caseNo").GetString()!;
        using var acceptor = app.ClientFor("acceptor", "D01", "acc-1", "李受理");
        await Ok(await acceptor.PostAsJsonAsync($"/api/cases/{caseNo}/accept", new { }));
        return (caseNo, created.GetProperty("queryCode").GetString()!);
    }

    /// <summary>Reviews A and B and an approval: the case goes under publicity.</summary>
    public static async Task ApproveAsync(TestApp app, string caseNo)
    {
        using var reviewerA = app.ClientFor("reviewer", "D01", "rev-a", "王审查");
        using var reviewerB = app.ClientFor("reviewer", "D01", "rev-b", "赵复核");
        using var decider = app.ClientFor("decider", "D01", "dec-1", "钱局长");
        await Ok(await reviewerA.PostAsJsonAsync($"/api/cases/{caseNo}/review", new { role = "A", opinion = "符合条件", recommendation = "approve" }));
        await Ok(await reviewerB.PostAsJsonAsync($"/api/cases/{caseNo}/review", new { role = "B", opinion = "同意", recommendation = "approve" }));
        await Ok(await decider.PostAsJsonAsync($"/api/cases/{caseNo}/decide", new { outcome = "approve", reasons = "符合法定条件" }));
    }

    /// <summary>The id of the case's document of <paramref name="type"/> (e.g. <c>acceptance-notice</c>), from the case view.</summary>
    public static async Task<string> DocumentIdAsync(TestApp app, string caseNo, string type)
    {
        using var supervisor = app.ClientFor("supervisor", "", "sup-1", "周监察");
        var view = await Ok(await supervisor.GetAsync($"/api/cases/{caseNo}"));
        return view.GetProperty("documents").EnumerateArray().Single(d => d.GetProperty("type").GetString() == type).GetProperty("id").GetString()!;
    }

    /// <summary>The sealed PDF of a case's document, as the applicant fetches it: with the query code, no token.</summary>
    public static async Task<byte[]> DocumentAsync(TestApp app, string caseNo, string queryCode, string type)
    {
        var id = await DocumentIdAsync(app, caseNo, type);
        var response = await app.Client.GetAsync($"/api/documents/{id}?queryCode={queryCode}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }

    /// <summary>Moves the manual clock to <paramref name="instant"/> and fires every due timer (the admin routes).</summary>
    public static async Task MoveClockAndSweepAsync(TestApp app, DateTimeOffset instant)
    {
        using var admin = app.ClientFor("admin", "", "adm-1", "管理员");
        await Ok(await admin.PostAsJsonAsync("/api/admin/clock", new { set = instant.ToString("O") }));
        await Ok(await admin.PostAsync("/api/admin/timers/sweep", null));
    }

    private static async Task<JsonElement> Ok(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
