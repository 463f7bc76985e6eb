using System.Net;
using System.Net.Http.Json;
using PowerFunctions.App.Features.Enforcement;

namespace PowerFunctions.App.Tests.Enforcement;

/// <summary>
/// 持证上岗 over HTTP: the admin's register, the public certificate lookup, and every enforcement action
/// refused with 403 <c>enforcement.no_certificate</c> for an officer without a certificate valid that day
/// for the case's department. Refused commands store nothing.
/// </summary>
public sealed class OfficerCertificateTests(EnforcementFixture fixture) : IClassFixture<EnforcementFixture>
{
    private EnforcementApp App => fixture.App;

    [Theory]
    [Trait("Source", "行政处罚法 第四十二条, 第五十五条; 国办发〔2018〕118号")]
    [InlineData("e-expired", "2024-01-01", "2026-09-17")]     // expired the day before
    [InlineData("e-future", "2026-09-19", "2028-12-31")]      // valid only from tomorrow
    [InlineData("e-none", null, null)]                         // not in the register
    public async Task Open_WithoutACertificateValidToday_403NothingStored(string sub, string? validFrom, string? validTo)
    {
        await App.SetClockAsync(9, 18);
        if (validFrom is not null)
        {
            await App.RegisterAsync(sub, "孙执法", "豫应急" + sub, validFrom: validFrom, validTo: validTo!);
        }

        var open = App.App.Get<PenaltyStore>();
        var before = (await open.OpenCasesAsync(CancellationToken.None)).Count;
        using var officer = App.App.ClientFor("enforcer", "D04", sub, "孙执法");

        await EnforcementApp.AssertProblemAsync(await EnforcementApp.PostAsync(officer, "/api/enforcement/cases", EnforcementApp.CaseBody()), HttpStatusCode.Forbidden, "enforcement.no_certificate");

        Assert.Equal(before, (await open.OpenCasesAsync(CancellationToken.None)).Count);
    }

    [Fact]
    [Trait("Source", "行政处罚法 第四十二条; 国办发〔2018〕118号")]
    public async Task Open_CertificateOfAnotherDepartment_403()
    {
        await App.SetClockAsync(9, 18);
        await App.RegisterAsync("e-d01", "郑外局", "豫市监D01-0009", department: "D01");
        using var officer = App.App.ClientFor("enforcer", "D04", "e-d01", "郑外局");

        var problem = await EnforcementApp.AssertProblemAsync(await EnforcementApp.PostAsync(officer, "/api/enforcement/cases", EnforcementApp.CaseBody()), HttpStatusCode.Forbidden, "enforcement.no_certificate");

        Assert.Contains("D01", problem.GetProperty("detail").GetString());
    }

    [Fact]
    [Trait("Source", "行政处罚法 第四十二条")]
    public async Task Investigate_NamingAnOfficerWithoutCertificate_403()
    {
        await App.SetClockAsync(9, 18);
        var caseNo = await App.OpenAsync();

        await App.RefusedAsync(App.OfficerA, caseNo, "investigate", new { officers = new[] { "e-a", "e-x" }, evidence = "笔录" }, HttpStatusCode.Forbidden, "enforcement.no_certificate");

        Assert.Equal(1, (await App.CaseAsync(caseNo)).GetProperty("version").GetInt64());
    }

    [Theory]
    [Trait("Source", "行政处罚法 第四十二条, 第五十五条; 国办发〔2018〕118号")]
    [InlineData("notify")]
    [InlineData("collective-decision")]
    [InlineData("decide")]
    public async Task EveryActionOfAnEnforcer_WithoutCertificate_403(string action)
    {
        await App.SetClockAsync(9, 18);
        var caseNo = await App.InvestigatedAsync(EnforcementApp.Company);
        object body = action switch
        {
            "notify" => new { proposed = EnforcementApp.Fine(20000), circumstance = "ordinary" },
            "collective-decision" => EnforcementApp.Meeting(),
            _ => new { penalty = EnforcementApp.Fine(20000), circumstance = "ordinary", reasons = "理由" },
        };

        await App.RefusedAsync(App.Uncertified, caseNo, action, body, HttpStatusCode.Forbidden, "enforcement.no_certificate");
    }

    [Fact]
    [Trait("Source", "国办发〔2018〕118号 (执法人员 信息公示)")]
    public async Task CertificateLookup_PublicShowsTheCertificateOnly()
    {
        await App.SetClockAsync(9, 18);
        await App.RegisterAsync("e-pub", "冯执法", "豫应急D04-0777", validFrom: "2020-01-01", validTo: "2025-12-31");

        var response = await App.Public.GetAsync("/api/enforcement/certificates/" + Uri.EscapeDataString("豫应急D04-0777"));
        var json = await EnforcementApp.Json(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["certificateNo", "department", "fields", "name", "status", "validFrom", "validTo"], json.EnumerateObject().Select(p => p.Name).Order().ToArray());
        Assert.Equal("expired", json.GetProperty("status").GetString());
        Assert.Equal("市应急管理局", json.GetProperty("department").GetProperty("name").GetString());
        await EnforcementApp.AssertProblemAsync(await App.Public.GetAsync("/api/enforcement/certificates/NOPE-0000"), HttpStatusCode.NotFound, "enforcement.certificate_not_found");
    }

    [Fact]
    [Trait("Source", "国办发〔2018〕118号")]
    public async Task PutOfficer_BadBodyUnknownDepartmentOrTakenCertificate_RefusedNothingChanged()
    {
        await App.SetClockAsync(9, 18);

        var invalid = await App.Admin.PutAsJsonAsync("/api/enforcement/officers/e-bad", new { name = "", department = "D04", certificateNo = "x", validFrom = "2026-01-01", validTo = "2025-01-01" });
        var errors = (await EnforcementApp.AssertProblemAsync(invalid, HttpStatusCode.UnprocessableEntity, "enforcement.invalid_officer")).GetProperty("errors");
        Assert.Equal(["certificateNo", "name", "validTo"], errors.EnumerateObject().Select(p => p.Name).Order().ToArray());

        var unknown = await App.Admin.PutAsJsonAsync("/api/enforcement/officers/e-bad", new { name = "某人", department = "D99", certificateNo = "豫X-0001", validFrom = "2026-01-01", validTo = "2027-01-01" });
        await EnforcementApp.AssertProblemAsync(unknown, HttpStatusCode.UnprocessableEntity, "enforcement.unknown_department");

        var taken = await App.Admin.PutAsJsonAsync("/api/enforcement/officers/e-bad", new { name = "某人", department = "D04", certificateNo = "豫应急D04-0001", validFrom = "2026-01-01", validTo = "2027-01-01" });
        await EnforcementApp.AssertProblemAsync(taken, HttpStatusCode.Conflict, "enforcement.certificate_taken");

        var list = await EnforcementApp.Json(await App.Supervisor.GetAsync("/api/enforcement/officers?department=D04"));
        Assert.DoesNotContain(list.GetProperty("items").EnumerateArray(), o => o.GetProperty("sub").GetString() == "e-bad");
        Assert.Equal("王执法", (await EnforcementApp.Json(await App.Public.GetAsync("/api/enforcement/certificates/" + Uri.EscapeDataString("豫应急D04-0001")))).GetProperty("name").GetString());
    }

    [Fact]
    [Trait("Source", "国办发〔2018〕118号")]
    public async Task PutOfficer_NewCertificateNumber_OldOneNoLongerFound()
    {
        await App.SetClockAsync(9, 18);
        var first = await App.Admin.PutAsJsonAsync("/api/enforcement/officers/e-move", new { name = "陈执法", department = "D04", certificateNo = "豫应急D04-0500", validFrom = "2025-01-01", validTo = "2026-12-31", fields = new[] { "安全生产" } });
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);

        var second = await App.Admin.PutAsJsonAsync("/api/enforcement/officers/e-move", new { name = "陈执法", department = "D04", certificateNo = "豫应急D04-0501", validFrom = "2027-01-01", validTo = "2031-12-31" });

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await App.Public.GetAsync("/api/enforcement/certificates/" + Uri.EscapeDataString("豫应急D04-0500"))).StatusCode);
        var current = await EnforcementApp.Json(await App.Public.GetAsync("/api/enforcement/certificates/" + Uri.EscapeDataString("豫应急D04-0501")));
        Assert.Equal("not-yet-valid", current.GetProperty("status").GetString());
    }
}
