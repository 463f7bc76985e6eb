using System.Net;
using System.Net.Http.Json;
using PowerFunctions.App.Tests.Support;

namespace PowerFunctions.App.Tests.Security;

/// <summary>
/// Issue 16, "admins read personal data": the views that hold an applicant's identity number and phone, a
/// party's, a guidance target's, are for the department's staff and supervisors (API.md). An <c>admin</c>
/// operates (clock, calendar, registers) and reads none of them; a citizen role on another subject opens
/// nothing either.
/// </summary>
public sealed class PersonalDataReadersTests : IAsyncLifetime
{
    private const string IdNumber = "410102199001011234";
    private TestApp _app = null!;
    private string _caseNo = null!;

    public async Task InitializeAsync()
    {
        _app = await TestApp.StartAsync();
        using var citizen = _app.ClientFor("citizen", "", "citizen-9", "张小三");
        _caseNo = await SampleApplications.SubmitAsync(citizen);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("/api/cases/{caseNo}")]
    [InlineData("/api/cases")]
    [InlineData("/api/cases/{caseNo}/audit/verify")]
    [InlineData("/api/enforcement/cases/{caseNo}")]
    [InlineData("/api/enforcement/cases/{caseNo}/audit/verify")]
    [InlineData("/api/guidance")]
    [InlineData("/api/guidance/G-1")]
    public async Task Read_Admin_Problem403WithoutPersonalData(string route)
    {
        using var admin = _app.ClientFor("admin", "D01", "adm-1", "管理员");

        var response = await admin.GetAsync(route.Replace("{caseNo}", _caseNo, StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain(IdNumber, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CaseView_SupervisorAndDepartment_Read()
    {
        using var supervisor = _app.ClientFor("supervisor", "", "sup-1", "周监察");
        using var acceptor = _app.ClientFor("acceptor", "D01", "acc-1", "李受理");

        Assert.Equal(HttpStatusCode.OK, (await supervisor.GetAsync($"/api/cases/{_caseNo}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await acceptor.GetAsync($"/api/cases/{_caseNo}")).StatusCode);
    }

    [Fact]
    public async Task Evaluation_StaffTokenWithTheApplicantsSubject_Problem403()
    {
        using var acceptor = _app.ClientFor("acceptor", "D01", "acc-1", "李受理");
        using var citizen = _app.ClientFor("citizen", "", "citizen-9", "张小三");
        using var sameSubject = _app.ClientFor("admin", "", "citizen-9", "管理员");
        Assert.Equal(HttpStatusCode.OK, (await acceptor.PostAsJsonAsync($"/api/cases/{_caseNo}/refuse", new { reason = "不属于本机关职权范围" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await citizen.PostAsJsonAsync("/api/evaluations", new { caseNo = _caseNo, level = "satisfied" })).StatusCode);

        var applicant = await citizen.GetAsync($"/api/evaluations/{_caseNo}");
        var admin = await sameSubject.GetAsync($"/api/evaluations/{_caseNo}");

        Assert.Equal(HttpStatusCode.OK, applicant.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, admin.StatusCode);
    }
}
