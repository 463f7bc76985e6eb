using System.Net;

namespace PowerFunctions.App.Tests.Complaints;

/// <summary>
/// A ticket's sealed 答复意见书 (issue 16): the filer (token or query code), the owning department's
/// handlers, the hotline and supervisors download it; another department, another citizen and the
/// admin do not, and without a token or code nobody does.
/// </summary>
public sealed class ComplaintDocumentAccessTests : IAsyncLifetime
{
    private ComplaintApp _app = null!;

    public async Task InitializeAsync() => _app = await ComplaintApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task AnswerOpinion_ByCaller_FilerOwnerHotlineSupervisorOnly()
    {
        var filed = await _app.FileOkAsync();
        var ticketNo = filed.GetProperty("ticketNo").GetString()!;
        var queryCode = filed.GetProperty("queryCode").GetString()!;
        await _app.OkAsync(_app.HandlerD01, ticketNo, "accept");
        var answered = await _app.OkAsync(_app.HandlerD01, ticketNo, "answer", new { answer = "已核实并当场办理。" });
        var path = "/api/documents/" + answered.GetProperty("documents")[0].GetProperty("id").GetString();

        Assert.Equal(HttpStatusCode.OK, (await _app.Citizen.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _app.App.Client.GetAsync($"{path}?queryCode={queryCode}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _app.HandlerD01.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _app.Hotline.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _app.Supervisor.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _app.HandlerD02.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _app.OtherCitizen.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _app.Admin.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _app.App.Client.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _app.App.Client.GetAsync($"{path}?queryCode=WRONGCODE2")).StatusCode);
    }
}
