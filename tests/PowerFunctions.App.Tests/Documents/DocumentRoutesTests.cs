using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Azure;
using PowerFunctions.App.Features.Documents;
using PowerFunctions.App.Features.Documents.Sealing;
using PowerFunctions.App.Features.Documents.Storage;
using PowerFunctions.App.Http;
using PowerFunctions.App.Tests.Support;
using PowerFunctions.Storage;

namespace PowerFunctions.App.Tests.Documents;

public sealed class DocumentRoutesTests
{
    [Fact]
    public async Task Issue_EachType_ServedVerifiedByIdAndByFile()
    {
        await using var app = await TestApp.StartAsync();
        var issuer = app.Get<IDocumentIssuer>();

        foreach (var type in Enum.GetValues<DocumentType>())
        {
            var request = SampleDocuments.For(type);
            var issued = await issuer.IssueAsync(request, CancellationToken.None);

            using var reader = app.DocumentReader();
            var response = await reader.GetAsync($"/api/documents/{issued.Id}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
            var pdf = await response.Content.ReadAsByteArrayAsync();
            Assert.Equal(issued.Sha256, Convert.ToHexStringLower(SHA256.HashData(pdf)));
            Assert.Equal(issued.Length, pdf.Length);
            Assert.Equal($"cases/{request.CaseNo}/{issued.Id}.pdf", issued.BlobName);
            Assert.Contains(Rendering(type), DocumentRenderingTests.Squash(PdfTools.ExtractText(pdf)));

            using var byId = await Json(await app.Client.GetAsync($"/api/documents/{issued.Id}/verify"));
            AssertValid(byId.RootElement, type, issued.Sha256);

            using var byFile = await Json(await PostFile(app, pdf));
            AssertValid(byFile.RootElement, type, issued.Sha256);
        }
    }

    [Fact]
    public async Task PostVerify_OneByteFlipped_InvalidContentChanged()
    {
        await using var app = await TestApp.StartAsync();
        var issued = await app.Get<IDocumentIssuer>().IssueAsync(SampleDocuments.For(DocumentType.ApprovalDecision), CancellationToken.None);
        var pdf = await app.DocumentAsync(issued.Id);
        pdf[pdf.Length / 2] ^= 0x01;

        using var json = await Json(await PostFile(app, pdf));

        var root = json.RootElement;
        Assert.False(root.GetProperty("valid").GetBoolean());
        Assert.Equal("content-changed", root.GetProperty("reasonCode").GetString());
        Assert.False(string.IsNullOrEmpty(root.GetProperty("reason").GetString()));
        Assert.Equal("approval-decision", root.GetProperty("documentType").GetString());
        Assert.Equal(SampleDocuments.CaseNo, root.GetProperty("caseNo").GetString());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(pdf)), root.GetProperty("sha256").GetString());
    }

    [Fact]
    public async Task PostVerify_PdfOfNoDocument_InvalidUnknownDocument()
    {
        await using var app = await TestApp.StartAsync();
        var pdf = DocumentRenderingTests.Render(SampleDocuments.For(DocumentType.AcceptanceNotice, "never-issued-1"));

        using var json = await Json(await PostFile(app, pdf));

        Assert.False(json.RootElement.GetProperty("valid").GetBoolean());
        Assert.Equal("unknown-document", json.RootElement.GetProperty("reasonCode").GetString());
    }

    [Fact]
    public async Task PostVerify_Garbage_InvalidNotAPdf()
    {
        await using var app = await TestApp.StartAsync();

        using var json = await Json(await PostFile(app, "this is not a pdf at all"u8.ToArray()));

        Assert.False(json.RootElement.GetProperty("valid").GetBoolean());
        Assert.Equal("not-a-pdf", json.RootElement.GetProperty("reasonCode").GetString());
    }

    [Fact]
    public async Task PostVerify_EmptyBody_Problem400()
    {
        await using var app = await TestApp.StartAsync();

        var response = await PostFile(app, []);

        await AssertProblem(response, HttpStatusCode.BadRequest, "documents.file_required");
    }

    [Fact]
    public async Task PostVerify_JsonBody_Problem415()
    {
        await using var app = await TestApp.StartAsync();

        var response = await app.Client.PostAsync("/api/documents/verify", new StringContent("{\"id\":\"x\"}", System.Text.Encoding.UTF8, "application/json"));

        await AssertProblem(response, HttpStatusCode.UnsupportedMediaType, "request.unsupported_media_type");
    }

    [Theory]
    [InlineData("/api/documents/no-such-document")]
    [InlineData("/api/documents/no-such-document/verify")]
    [InlineData("/api/documents/a%23b")]
    [InlineData("/api/documents/%E6%96%87%E4%B9%A6/verify")]
    public async Task Get_UnknownId_Problem404(string path)
    {
        await using var app = await TestApp.StartAsync();

        using var reader = app.DocumentReader();
        await AssertProblem(await reader.GetAsync(path), HttpStatusCode.NotFound, "documents.not_found");
    }

    [Fact]
    public async Task Issue_SameIdAgain_AnswersTheStoredDocument()
    {
        await using var app = await TestApp.StartAsync();
        var issuer = app.Get<IDocumentIssuer>();
        var request = SampleDocuments.For(DocumentType.AcceptanceNotice);
        var first = await issuer.IssueAsync(request, CancellationToken.None);
        ((PowerFunctions.App.Clock.ManualClock)app.Get<TimeProvider>()).Advance(TimeSpan.FromHours(1));

        var again = await issuer.IssueAsync(request with { Paragraphs = ["a retried command"] }, CancellationToken.None);
        var concurrent = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => issuer.IssueAsync(request, CancellationToken.None)));

        Assert.Equal(first, again);
        Assert.All(concurrent, c => Assert.Equal(first, c));
        var blobs = await app.Get<IStorageAccount>().GetBlobContainerClient(DocumentStore.ContainerName).ListAsync($"cases/{request.CaseNo}/");
        Assert.Equal([$"{first.Id}.pdf", $"{first.Id}.seal.json"], blobs.Blobs.Select(b => b.Name.Split('/')[^1]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Issue_ConcurrentFirstIssue_OneDocument()
    {
        await using var app = await TestApp.StartAsync();
        var issuer = app.Get<IDocumentIssuer>();
        var request = SampleDocuments.For(DocumentType.DenialDecision);

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => issuer.IssueAsync(request, CancellationToken.None))));

        Assert.Single(results.Distinct());
        using var json = await Json(await app.Client.GetAsync($"/api/documents/{results[0].Id}/verify"));
        Assert.True(json.RootElement.GetProperty("valid").GetBoolean());
    }

    [Fact]
    public async Task Issue_SameIdOtherCase_ProblemIdConflict()
    {
        await using var app = await TestApp.StartAsync();
        var issuer = app.Get<IDocumentIssuer>();
        await issuer.IssueAsync(SampleDocuments.For(DocumentType.AcceptanceNotice, "shared-id-1"), CancellationToken.None);

        var problem = await Assert.ThrowsAsync<ProblemException>(() =>
            issuer.IssueAsync(SampleDocuments.For(DocumentType.AcceptanceNotice, "shared-id-1", "D01-2026-000999"), CancellationToken.None));

        Assert.Equal("documents.id_conflict", problem.Code);
    }

    [Fact]
    public async Task Store_SecondWriteOfTheSameBlobName_Refused409()
    {
        await using var app = await TestApp.StartAsync();
        var issued = await app.Get<IDocumentIssuer>().IssueAsync(SampleDocuments.For(DocumentType.ApprovalDecision), CancellationToken.None);
        var container = app.Get<IStorageAccount>().GetBlobContainerClient(DocumentStore.ContainerName);

        var refused = await Assert.ThrowsAsync<RequestFailedException>(() =>
            container.UploadAsync(issued.BlobName, "%PDF-1.7 forged"u8.ToArray(), "application/pdf"));

        Assert.Equal(409, refused.Status);
        Assert.Equal(StorageErrorCodes.BlobAlreadyExists, refused.ErrorCode);
        var served = await app.DocumentAsync(issued.Id);
        Assert.Equal(issued.Sha256, Convert.ToHexStringLower(SHA256.HashData(served)));
    }

    [Theory]
    [InlineData("2025-01-01T00:00:00+08:00", "2026-01-01T00:00:00+08:00")]   // expired
    [InlineData("2027-01-01T00:00:00+08:00", "2030-01-01T00:00:00+08:00")]   // not yet valid
    public async Task Issue_SealOutsideValidity_RefusedAndNothingStored(string from, string to)
    {
        var (privateKey, _) = SealCrypto.GenerateKey();
        await using var app = await TestApp.StartAsync(SealSettings("D09", privateKey, from, to));
        var request = SampleDocuments.For(DocumentType.AcceptanceNotice, department: "D09");

        var problem = await Assert.ThrowsAsync<ProblemException>(() => app.Get<IDocumentIssuer>().IssueAsync(request, CancellationToken.None));

        Assert.Equal("documents.seal_not_valid", problem.Code);
        Assert.Equal(409, problem.Status);
        using var reader = app.DocumentReader();
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync($"/api/documents/{app.Get<DocumentIds>().PublicId(request.DocumentId)}")).StatusCode);
        var blobs = await app.Get<IStorageAccount>().GetBlobContainerClient(DocumentStore.ContainerName).ListAsync("cases/");
        Assert.Empty(blobs.Blobs);
    }

    [Fact]
    public async Task Verify_DepartmentKeyReplaced_InvalidKeyNotTrusted()
    {
        var dataPath = Path.Combine(Path.GetTempPath(), "pf-test-" + Guid.NewGuid().ToString("N"));
        var (first, _) = SealCrypto.GenerateKey();
        var (second, _) = SealCrypto.GenerateKey();
        await using var issuing = await TestApp.StartAsync(SealSettings("D01", first), dataPath);
        var issued = await issuing.Get<IDocumentIssuer>().IssueAsync(SampleDocuments.For(DocumentType.ApprovalDecision), CancellationToken.None);
        using (var valid = await Json(await issuing.Client.GetAsync($"/api/documents/{issued.Id}/verify")))
        {
            Assert.True(valid.RootElement.GetProperty("valid").GetBoolean());
        }

        await using var rekeyed = await TestApp.StartAsync(SealSettings("D01", second), dataPath);
        using var json = await Json(await rekeyed.Client.GetAsync($"/api/documents/{issued.Id}/verify"));

        Assert.False(json.RootElement.GetProperty("valid").GetBoolean());
        Assert.Equal("key-not-trusted", json.RootElement.GetProperty("reasonCode").GetString());
    }

    [Fact]
    public async Task Verify_RegisteredValidityEndsBeforeSigning_InvalidSealExpired()
    {
        var dataPath = Path.Combine(Path.GetTempPath(), "pf-test-" + Guid.NewGuid().ToString("N"));
        var (key, _) = SealCrypto.GenerateKey();
        await using var issuing = await TestApp.StartAsync(SealSettings("D01", key), dataPath);
        var issued = await issuing.Get<IDocumentIssuer>().IssueAsync(SampleDocuments.For(DocumentType.ApprovalDecision), CancellationToken.None);

        // The seal's registration is corrected: it expired on 2026-09-01, before this document was sealed.
        await using var corrected = await TestApp.StartAsync(SealSettings("D01", key, to: "2026-09-01T00:00:00+08:00"), dataPath);
        var pdf = await corrected.DocumentAsync(issued.Id);
        using var byId = await Json(await corrected.Client.GetAsync($"/api/documents/{issued.Id}/verify"));
        using var byFile = await Json(await PostFile(corrected, pdf));

        foreach (var root in new[] { byId.RootElement, byFile.RootElement })
        {
            Assert.False(root.GetProperty("valid").GetBoolean());
            Assert.Equal("seal-expired", root.GetProperty("reasonCode").GetString());
            Assert.Contains("有效期", root.GetProperty("reason").GetString());
        }
    }

    [Fact]
    public async Task Issue_DevelopmentKey_GeneratedOnceIntoTheDataFolder()
    {
        await using var app = await TestApp.StartAsync();
        var issuer = app.Get<IDocumentIssuer>();

        var a = await issuer.IssueAsync(SampleDocuments.For(DocumentType.AcceptanceNotice), CancellationToken.None);
        var b = await issuer.IssueAsync(SampleDocuments.For(DocumentType.ApprovalDecision), CancellationToken.None);

        Assert.Equal(a.SealId, b.SealId);
        var file = Path.Combine(app.DataPath, "seals", "D01.json");
        Assert.True(File.Exists(file));
        var key = JsonSerializer.Deserialize<SealKey>(File.ReadAllText(file), new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        Assert.Equal(a.SealId, key.SealId);
        Assert.Equal("development", key.Source);
    }

    [Fact]
    public async Task Issue_NoKeyAndGenerationOff_ProblemSealKeyMissing()
    {
        await using var app = await TestApp.StartAsync(new Dictionary<string, string?> { ["Seal:GenerateDevelopmentKeys"] = "false" });

        var problem = await Assert.ThrowsAsync<ProblemException>(() =>
            app.Get<IDocumentIssuer>().IssueAsync(SampleDocuments.For(DocumentType.AcceptanceNotice), CancellationToken.None));

        Assert.Equal("documents.seal_key_missing", problem.Code);
    }

    /// <summary>
    /// A fresh machine: no Debian font at all (the fallback path points at nothing). The acceptance of a
    /// real application, over HTTP, issues its notice with the fonts the app carries, all embedded; the
    /// notice states the acceptance once and prints the decision due date and the query code.
    /// </summary>
    [Fact]
    [Trait("Source", "行政许可法 第三十二条")]
    public async Task Accept_NoSystemFont_AcceptanceNoticeWithDueDateAndQueryCodeInBundledFonts()
    {
        await using var app = await TestApp.StartAsync(new Dictionary<string, string?> { ["Documents:FallbackFontPath"] = "/nonexistent/font.ttf" });
        using var citizen = app.ClientFor("citizen", "", "citizen-9", "赵孟𫖯");
        using var acceptor = app.ClientFor("acceptor", "D01", "acc-1", "李受理");
        using var submission = new HttpRequestMessage(HttpMethod.Post, "/api/applications")
        {
            Content = JsonContent.Create(new
            {
                itemCode = SampleApplications.Item,
                applicant = new { name = "赵孟𫖯", idType = "身份证", idNumber = "410102199001011234", phone = "13800000000" },
                materials = new[] { "M01", "M02", "M03", "M04" }.Select(c => new { code = c, name = "材料" + c }),
                form = new { address = "郑州市金水区" },
            }),
        };
        submission.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        var submitted = await SampleApplications.Json(await citizen.SendAsync(submission));
        var caseNo = submitted.GetProperty("caseNo").GetString()!;
        var queryCode = submitted.GetProperty("queryCode").GetString()!;

        var accepted = await acceptor.PostAsync($"/api/cases/{caseNo}/accept", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var view = await SampleApplications.Json(await acceptor.GetAsync($"/api/cases/{caseNo}"));
        var due = DateOnly.Parse(view.GetProperty("deadlines").EnumerateArray().Single(d => d.GetProperty("kind").GetString() == "decision").GetProperty("due").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        var notice = view.GetProperty("documents").EnumerateArray().Single(d => d.GetProperty("type").GetString() == "acceptance-notice");
        var pdf = await app.DocumentAsync(notice.GetProperty("id").GetString()!);
        Assert.True(PdfTools.Check(pdf).ExitCode == 0);
        DocumentQualityTests.AssertAllFontsEmbedded(pdf);
        var read = PdfReadBack.Read(pdf);
        Assert.Empty(read.Notdefs);
        Assert.DoesNotContain(read.Lines, Features.Documents.Rendering.LineBreaker.Violates);
        var text = DocumentRenderingTests.Squash(PdfTools.ExtractText(pdf));
        var body = text[..text.IndexOf("电子文书核验", StringComparison.Ordinal)];
        Assert.Contains("受理通知书", body);
        Assert.Contains("赵孟𫖯：", body);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(body, "予以受理"));
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(body, caseNo));
        Assert.Contains($"作出决定期限{due.Year}年{due.Month}月{due.Day}日前", body);
        Assert.Contains("查询码" + queryCode, body);
    }

    [Fact]
    public async Task Issue_InvalidRequest_Problem422AndNothingStored()
    {
        await using var app = await TestApp.StartAsync();
        var request = SampleDocuments.For(DocumentType.AcceptanceNotice, "bad/id") with { ApplicantName = " ", CaseNo = "a/b" };

        var problem = await Assert.ThrowsAsync<ProblemException>(() => app.Get<IDocumentIssuer>().IssueAsync(request, CancellationToken.None));

        Assert.Equal("documents.invalid_request", problem.Code);
        Assert.Equal(422, problem.Status);
        Assert.Equal(["applicantName", "caseNo", "documentId"], problem.Errors!.Keys.Order(StringComparer.Ordinal));
        var blobs = await app.Get<IStorageAccount>().GetBlobContainerClient(DocumentStore.ContainerName).ListAsync();
        Assert.Empty(blobs.Blobs);
    }

    [Fact]
    public void Configuration_MalformedSealKey_AppRefusesToStart()
    {
        var settings = SealSettings("D01", "not-a-key");

        var error = Assert.ThrowsAny<Exception>(() => TestApp.StartAsync(settings).GetAwaiter().GetResult());

        Assert.Contains("Seal:Keys:D01:PrivateKey", error.ToString());
    }

    private static string Rendering(DocumentType type) => PowerFunctions.App.Features.Documents.Rendering.DocumentTexts.Title(type);

    private static Dictionary<string, string?> SealSettings(string department, string privateKey, string from = "2026-01-01T00:00:00+08:00", string to = "2031-01-01T00:00:00+08:00") => new()
    {
        [$"Seal:Keys:{department}:PrivateKey"] = privateKey,
        [$"Seal:Keys:{department}:SealId"] = $"{department}-SEAL-2026",
        [$"Seal:Keys:{department}:DepartmentName"] = SampleDocuments.Department,
        [$"Seal:Keys:{department}:ValidFrom"] = from,
        [$"Seal:Keys:{department}:ValidTo"] = to,
    };

    private static void AssertValid(JsonElement root, DocumentType type, string sha256)
    {
        Assert.True(root.GetProperty("valid").GetBoolean(), root.ToString());
        Assert.Equal(sha256, root.GetProperty("sha256").GetString());
        Assert.Equal(SampleDocuments.Kebab(type), root.GetProperty("documentType").GetString());
        Assert.Equal(SampleDocuments.CaseNo, root.GetProperty("caseNo").GetString());
        Assert.Equal(SampleDocuments.Department, root.GetProperty("sealedBy").GetString());
        Assert.Equal(TestApp.DefaultStart, root.GetProperty("sealedAt").GetDateTimeOffset());
        Assert.EndsWith("+08:00", root.GetProperty("sealedAt").GetString());
        Assert.Equal("SM2-SM3", root.GetProperty("algorithm").GetString());
        Assert.False(root.TryGetProperty("reason", out _));
    }

    private static Task<HttpResponseMessage> PostFile(TestApp app, byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        return app.Client.PostAsync("/api/documents/verify", content);
    }

    private static async Task<JsonDocument> Json(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body);
    }

    private static async Task AssertProblem(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(code, json.RootElement.GetProperty("code").GetString());
        Assert.False(string.IsNullOrEmpty(json.RootElement.GetProperty("title").GetString()));
    }
}
