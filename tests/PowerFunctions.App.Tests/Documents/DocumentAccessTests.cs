using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting.Internal;
using PowerFunctions.App.Config;
using PowerFunctions.App.Features.Documents;
using PowerFunctions.App.Tests.Support;

namespace PowerFunctions.App.Tests.Documents;

/// <summary>
/// Who may download a sealed PDF (issue 16: they were public by a guessable id): the applicant (token or
/// query code), the issuing department's staff, supervisors; anonymous 401, anyone else 403. Verification
/// stays public and says nothing of the content. Ids are an HMAC of the deterministic id.
/// </summary>
public sealed class DocumentAccessTests : IAsyncLifetime
{
    private TestApp _app = null!;
    private string _caseNo = null!;
    private string _queryCode = null!;
    private string _noticeId = null!;

    public async Task InitializeAsync()
    {
        _app = await TestApp.StartAsync();
        using var citizen = _app.ClientFor("citizen", "", "applicant-1", "张小三");
        using var submission = new HttpRequestMessage(HttpMethod.Post, "/api/applications")
        {
            Content = JsonContent.Create(new
            {
                itemCode = SampleApplications.Item,
                applicant = new { name = "张小三", idType = "身份证", idNumber = "410102199001011234", phone = "13800000000" },
                materials = new[] { "M01", "M02", "M03", "M04" }.Select(c => new { code = c, name = "材料" + c }),
                form = new { address = "郑州市金水区" },
            }),
        };
        submission.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        var submitted = await SampleApplications.Json(await citizen.SendAsync(submission));
        _caseNo = submitted.GetProperty("caseNo").GetString()!;
        _queryCode = submitted.GetProperty("queryCode").GetString()!;
        using var acceptor = _app.ClientFor("acceptor", "D01", "acc-1", "李受理");
        var accepted = await acceptor.PostAsync($"/api/cases/{_caseNo}/accept", JsonContent.Create(new { }));
        var view = await SampleApplications.Json(accepted);
        Assert.True(accepted.IsSuccessStatusCode, view.ToString());
        _noticeId = view.GetProperty("documents").EnumerateArray().Single(d => d.GetProperty("type").GetString() == "acceptance-notice").GetProperty("id").GetString()!;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Get_Anonymous_Problem401AndNoPdf()
    {
        var response = await _app.Client.GetAsync($"/api/documents/{_noticeId}");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("auth.unauthorized", await SampleApplications.CodeOf(response));
    }

    [Theory]
    [InlineData("citizen", "", "applicant-1", HttpStatusCode.OK)]          // the applicant
    [InlineData("citizen", "", "someone-else", HttpStatusCode.Forbidden)]  // another citizen
    [InlineData("acceptor", "D01", "acc-2", HttpStatusCode.OK)]            // the issuing department
    [InlineData("reviewer", "D01", "rev-1", HttpStatusCode.OK)]
    [InlineData("deliverer", "D01", "del-1", HttpStatusCode.OK)]
    [InlineData("acceptor", "D02", "acc-9", HttpStatusCode.Forbidden)]     // another department
    [InlineData("supervisor", "", "sup-1", HttpStatusCode.OK)]
    [InlineData("admin", "D01", "adm-1", HttpStatusCode.Forbidden)]        // operators do not read files
    [InlineData("catalog-admin", "D01", "cat-1", HttpStatusCode.Forbidden)]
    [InlineData("hotline", "", "hot-1", HttpStatusCode.Forbidden)]         // the hotline reads complaint answers only
    [InlineData("enforcer", "D02", "enf-1", HttpStatusCode.Forbidden)]
    [InlineData("admin,citizen", "", "adm-2", HttpStatusCode.Forbidden)]   // a citizen role on another subject opens nothing
    public async Task Get_ByCaller_OnlyApplicantDepartmentAndSupervisors(string roles, string department, string subject, HttpStatusCode expected)
    {
        using var client = _app.ClientFor(roles, department, subject, "某人");

        var response = await client.GetAsync($"/api/documents/{_noticeId}");

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.OK)
        {
            Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("no-store", response.Headers.CacheControl?.ToString() ?? string.Empty, StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal("auth.forbidden", await SampleApplications.CodeOf(response));
        }
    }

    [Fact]
    public async Task Get_QueryCode_OpensWithoutToken()
    {
        var response = await _app.Client.GetAsync($"/api/documents/{_noticeId}?queryCode={_queryCode.ToLowerInvariant()}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString((await response.Content.ReadAsByteArrayAsync())[..5]), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("WRONGCODE2")]
    [InlineData("")]
    public async Task Get_WrongQueryCode_SameAnswerAsUnknownDocument(string code)
    {
        var wrong = await _app.Client.GetAsync($"/api/documents/{_noticeId}?queryCode={code}");
        var unknown = await _app.Client.GetAsync($"/api/documents/{new string('0', 32)}?queryCode={_queryCode}");

        var expected = code.Length == 0 ? HttpStatusCode.Unauthorized : HttpStatusCode.NotFound;
        Assert.Equal(expected, wrong.StatusCode);
        Assert.Equal(code.Length == 0 ? "auth.unauthorized" : "documents.not_found", await SampleApplications.CodeOf(wrong));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Id_NotDerivableFromTheCaseNumber()
    {
        using var supervisor = _app.DocumentReader();

        Assert.Matches("^[0-9a-f]{32}$", _noticeId);
        Assert.DoesNotContain(_caseNo, _noticeId, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await supervisor.GetAsync($"/api/documents/{_caseNo}-acceptance-notice")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _app.Client.GetAsync($"/api/documents/{_caseNo}-acceptance-notice/verify")).StatusCode);
    }

    [Fact]
    public async Task Verify_Anonymous_ValidityTypeSealerDateOnly()
    {
        var response = await _app.Client.GetAsync($"/api/documents/{_noticeId}/verify");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(text);
        Assert.True(json.RootElement.GetProperty("valid").GetBoolean());
        Assert.Equal("acceptance-notice", json.RootElement.GetProperty("documentType").GetString());
        Assert.Equal("市市场监督管理局", json.RootElement.GetProperty("sealedBy").GetString());
        Assert.True(json.RootElement.TryGetProperty("sealedAt", out _));
        string[] allowed = ["valid", "sha256", "documentType", "caseNo", "sealedBy", "sealedAt", "algorithm", "reason", "reasonCode", "documentId", "sealId", "contentDigest"];
        Assert.All(json.RootElement.EnumerateObject(), p => Assert.Contains(p.Name, allowed));
        Assert.DoesNotContain("张小三", text, StringComparison.Ordinal);
        Assert.DoesNotContain("410102199001011234", text, StringComparison.Ordinal);
        Assert.DoesNotContain(_queryCode, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Issue_SameActAgain_SameUnguessableId()
    {
        var issuer = _app.Get<IDocumentIssuer>();
        var request = SampleDocuments.For(DocumentType.ApprovalDecision);

        var first = await issuer.IssueAsync(request, CancellationToken.None);
        var retried = await issuer.IssueAsync(request, CancellationToken.None);

        Assert.Equal(first.Id, retried.Id);
        Assert.Equal(_app.Get<DocumentIds>().PublicId(request.DocumentId), first.Id);
        Assert.NotEqual(request.DocumentId, first.Id);
    }

    [Fact]
    public void PublicId_OtherKey_OtherId()
    {
        var a = new DocumentIds(new string('a', 32));
        var b = new DocumentIds(new string('b', 32));

        Assert.Equal(a.PublicId("D01-2026-000001-acceptance-notice"), a.PublicId("D01-2026-000001-acceptance-notice"));
        Assert.NotEqual(a.PublicId("D01-2026-000001-acceptance-notice"), b.PublicId("D01-2026-000001-acceptance-notice"));
        Assert.NotEqual(a.PublicId("D01-2026-000001-acceptance-notice"), a.PublicId("D01-2026-000002-acceptance-notice"));
    }

    [Theory]
    [InlineData("Production", null, true)]
    [InlineData("Production", "short", true)]
    [InlineData("Production", "0123456789abcdef0123456789abcdef", false)]
    [InlineData("Production", "@Microsoft.KeyVault(VaultName=kv-pf;SecretName=document-id-key)", true)]
    [InlineData("Development", null, false)]
    public void Read_IdKey_RequiredInProductionAtLeast32Bytes(string environment, string? key, bool refused)
    {
        var options = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Documents:IdKey"] = key }).Build()
            .GetSection("Documents").Get<DocumentOptions>() ?? new DocumentOptions();

        var read = () => DocumentIds.Read(options, new HostingEnvironment { EnvironmentName = environment });

        if (refused)
        {
            Assert.Contains("Documents:IdKey", Assert.Throws<ConfigurationException>(read).Message, StringComparison.Ordinal);
        }
        else
        {
            Assert.Matches("^[0-9a-f]{32}$", read().PublicId("x"));
        }
    }
}
