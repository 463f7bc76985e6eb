using System.Net;
using System.Net.Http.Json;
using PowerFunctions.App.Tests.Cases;

namespace PowerFunctions.App.Tests.PersonalData;

/// <summary>
/// One application through its whole life (submitted by a named citizen, accepted, reviewed by A and B,
/// approved, an objection by a named member of the public during publicity, answered, delivered to a named
/// recipient) and a 举报 filed by a named reporter, handled and read by a supervisor: every kind of personal
/// data the app stores, under values found nowhere else.
/// </summary>
internal static class PersonalDataScenario
{
    public const string ApplicantName = "欧阳晓测";
    public const string IdNumber = "11010519491231002X";
    public const string Phone = "13912345678";
    public const string ObjectorName = "司马异议";
    public const string ObjectorPhone = "13698765432";
    public const string ReporterName = "上官举报";
    public const string ReporterPhone = "13587654321";

    /// <summary>What must never be found at rest or in a log.</summary>
    public static readonly string[] Secrets = [IdNumber, Phone, ObjectorPhone, ReporterName, ReporterPhone];

    /// <summary>Runs the scenario; answers the case and ticket numbers.</summary>
    public static async Task<(string CaseNo, string TicketNo)> RunAsync(CaseApp app)
    {
        using var applicant = app.App.ClientFor("citizen", "", "citizen-pd", ApplicantName);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/applications")
        {
            Content = JsonContent.Create(new
            {
                itemCode = "XK-D01-0002",
                applicant = new { name = ApplicantName, idType = "身份证", idNumber = IdNumber, phone = Phone },
                materials = new[] { "M01", "M02", "M03", "M04" }.Select(c => new { code = c, name = "材料" + c }),
                form = new { address = "郑州市金水区" },
            }),
        };
        request.Headers.Add("Idempotency-Key", "pd-scenario");
        var submitted = await applicant.SendAsync(request);
        Assert.True(submitted.StatusCode == HttpStatusCode.Created, await submitted.Content.ReadAsStringAsync());
        var caseNo = (await CaseApp.Json(submitted)).GetProperty("caseNo").GetString()!;

        await app.OkAsync(app.Acceptor, caseNo, "accept");
        await app.OkAsync(app.ReviewerA, caseNo, "review", new { role = "A", opinion = "材料齐全", recommendation = "approve" });
        await app.OkAsync(app.ReviewerB, caseNo, "review", new { role = "B", opinion = "同意", recommendation = "approve" });
        var decided = await app.OkAsync(app.Decider, caseNo, "decide", new { outcome = "approve", reasons = "符合条件" });
        Assert.Equal("in-publicity", decided.GetProperty("state").GetString());

        var objection = await app.App.Client.PostAsJsonAsync($"/api/cases/{caseNo}/objections", new { name = ObjectorName, contact = ObjectorPhone, content = "申请人门店油烟扰民" });
        Assert.Equal(HttpStatusCode.Created, objection.StatusCode);
        var objectionId = (await CaseApp.Json(objection)).GetProperty("objectionId").GetString()!;
        await app.OkAsync(app.Decider, caseNo, "objection-answer", new { objectionId, finding = "dismissed", reasons = "经核查油烟排放达标" });

        await app.SetClockAsync(10, 12, 10);
        await app.SweepAsync();
        var delivered = await app.OkAsync(app.Deliverer, caseNo, "deliver", new { method = "in-person", recipient = ApplicantName });
        Assert.Equal("delivered", delivered.GetProperty("state").GetString());
        await app.CaseAsync(caseNo, app.Supervisor);

        using var reporter = app.App.ClientFor("citizen", "", "citizen-reporter", ReporterName);
        using var report = new HttpRequestMessage(HttpMethod.Post, "/api/complaints")
        {
            Content = JsonContent.Create(new
            {
                category = "report",
                subject = "窗口工作人员索要好处费",
                description = "办理食品经营许可时窗口人员暗示需要“打点”。",
                department = "D01",
                caseNo,
                contact = new { name = ReporterName, phone = ReporterPhone },
            }),
        };
        report.Headers.Add("Idempotency-Key", "pd-report");
        var filed = await reporter.SendAsync(report);
        Assert.True(filed.StatusCode == HttpStatusCode.Created, await filed.Content.ReadAsStringAsync());
        var ticketNo = (await CaseApp.Json(filed)).GetProperty("ticketNo").GetString()!;

        using var handler = app.App.ClientFor("handler", "D01", "handler-1", "处理员");
        foreach (var (action, body) in new (string, object)[] { ("accept", new { }), ("answer", new { answer = "经查属实，已依规处理。" }) })
        {
            var acted = await handler.PostAsJsonAsync($"/api/complaints/{ticketNo}/{action}", body);
            Assert.True(acted.StatusCode == HttpStatusCode.OK, $"{action}: {await acted.Content.ReadAsStringAsync()}");
        }

        var read = await app.Supervisor.GetAsync($"/api/complaints/{ticketNo}");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(ReporterPhone, (await CaseApp.Json(read)).GetProperty("contact").GetProperty("phone").GetString()); // readable where allowed
        return (caseNo, ticketNo);
    }
}
