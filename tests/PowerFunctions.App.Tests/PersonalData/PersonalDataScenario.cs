using System.Net;
using System.Net.Http.Json;
using PowerFunctions.App.Tests.Cases;

namespace PowerFunctions.App.Tests.PersonalData;

/// <summary>
/// One application through its whole life (submitted by a named citizen, accepted, reviewed by A and B,
/// approved, an objection by a named member of the public during publicity, answered, delivered to a named
/// recipient), a 举报 filed by a named reporter at a precise location, handled and read by a supervisor, and a
/// penalty case against a named person at a home address, read by a supervisor: every kind of personal data
/// the app stores, under values found nowhere else.
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
    public const string ComplaintAddress = "郑州市中原区举报巷十七号";
    public const double ComplaintLat = 34.7466123;
    public const double ComplaintLong = 113.6253987;
    public const string PartyName = "东方受罚";
    public const string PartyIdNumber = "41010219880808123X";
    public const string PartyAddress = "郑州市二七区隐秘路八十八号";

    /// <summary>What must never be found at rest or in a log.</summary>
    public static readonly string[] Secrets =
    [
        IdNumber, Phone, ObjectorPhone, ReporterName, ReporterPhone,
        ComplaintAddress, "34.7466123", "113.6253987", PartyName, PartyIdNumber, PartyAddress,
    ];

    /// <summary>Runs the scenario; answers the case and ticket numbers.</summary>
    public static async Task<(string CaseNo, string TicketNo)> RunAsync(CaseApp app)
    {
        var (caseNo, ticketNo, _) = await RunAllAsync(app);
        return (caseNo, ticketNo);
    }

    /// <summary>Runs the scenario; answers the case, ticket and penalty case numbers.</summary>
    public static async Task<(string CaseNo, string TicketNo, string PenaltyNo)> RunAllAsync(CaseApp app)
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
                location = new { address = ComplaintAddress, lat = ComplaintLat, @long = ComplaintLong },
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
        var ticket = await CaseApp.Json(read);
        Assert.Equal(ReporterPhone, ticket.GetProperty("contact").GetProperty("phone").GetString()); // readable where allowed
        Assert.Equal(ComplaintAddress, ticket.GetProperty("location").GetProperty("address").GetString());
        Assert.Equal(ComplaintLat, ticket.GetProperty("location").GetProperty("lat").GetDouble());

        var penaltyNo = await OpenPenaltyAsync(app);
        return (caseNo, ticketNo, penaltyNo);
    }

    /// <summary>A penalty case against a person with a home address, read by a supervisor.</summary>
    private static async Task<string> OpenPenaltyAsync(CaseApp app)
    {
        using var admin = app.App.ClientFor("admin", "", "adm-1", "管理员");
        var registered = await admin.PutAsJsonAsync("/api/enforcement/officers/e-pd", new { name = "王执法", department = "D04", certificateNo = "豫应急D04-0901", validFrom = "2025-01-01", validTo = "2027-12-31" });
        Assert.True(registered.IsSuccessStatusCode, await registered.Content.ReadAsStringAsync());
        using var officer = app.App.ClientFor("enforcer", "D04", "e-pd", "王执法");
        var opened = await officer.PostAsJsonAsync("/api/enforcement/cases", new
        {
            itemCode = "CF-D04-0001",
            party = new { name = PartyName, idType = "身份证", idNumber = PartyIdNumber, address = PartyAddress },
            facts = "检查发现当事人未经安全生产教育和培训安排从业人员上岗作业。",
            source = "inspection",
        });
        Assert.True(opened.StatusCode == HttpStatusCode.Created, await opened.Content.ReadAsStringAsync());
        var penaltyNo = (await CaseApp.Json(opened)).GetProperty("caseNo").GetString()!;

        var read = await app.Supervisor.GetAsync($"/api/enforcement/cases/{penaltyNo}");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        var party = (await CaseApp.Json(read)).GetProperty("party");
        Assert.Equal(PartyName, party.GetProperty("name").GetString()); // readable where allowed
        Assert.Equal(PartyAddress, party.GetProperty("address").GetString());
        return penaltyNo;
    }
}
