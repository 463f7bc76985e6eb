using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Azure;
using Microsoft.Extensions.DependencyInjection;
using PowerFunctions.App.Clock;
using PowerFunctions.App.Config;
using PowerFunctions.App.Features.Documents;
using PowerFunctions.App.Features.Documents.Sealing;
using PowerFunctions.App.Features.Documents.Storage;
using PowerFunctions.App.Http;
using PowerFunctions.App.Tests.Support;
using PowerFunctions.Storage;
using Azure.Security.KeyVault.Secrets;

namespace PowerFunctions.App.Tests.Documents;

/// <summary>The running app's seal keys: rotation by configuration and by Key Vault, and the key sources' failures.</summary>
public sealed class SealKeysAppTests
{
    private const string Handover = "2026-09-19T00:00:00+08:00";

    [Fact]
    public async Task Rotation_ByConfiguration_OldAndNewDocumentsBothVerify()
    {
        var dataPath = TempData();
        var (oldPrivate, oldPublic) = SealCrypto.GenerateKey();
        var (newPrivate, _) = SealCrypto.GenerateKey();
        await using var issuing = await TestApp.StartAsync(Current("D01-2026", oldPrivate, "2026-01-01T00:00:00+08:00"), dataPath);
        var before = (await issuing.Get<IDocumentIssuer>().IssueAsync(SampleDocuments.For(DocumentType.AcceptanceNotice), CancellationToken.None)).Id;

        // Rotated: the new key is current from the handover, the old one listed as retired with its public key only.
        var rotated = Current("D01-2027", newPrivate, Handover);
        foreach (var (name, value) in Retired(0, "D01-2026", oldPublic, "2026-01-01T00:00:00+08:00"))
        {
            rotated[name] = value;
        }

        rotated["Clock:Start"] = "2026-09-21T10:00:00+08:00";
        await using var app = await TestApp.StartAsync(rotated, dataPath);
        var after = (await app.Get<IDocumentIssuer>().IssueAsync(SampleDocuments.For(DocumentType.ApprovalDecision), CancellationToken.None)).Id;

        Assert.Equal("D01-2026", (await StoredSeal(app, before)).Seal.KeyId);
        Assert.Equal("D01-2027", (await StoredSeal(app, after)).Seal.KeyId);
        foreach (var id in new[] { before, after })
        {
            await AssertValid(app, id);
        }
    }

    [Fact]
    public async Task Rotation_ByConfigurationAhead_OldKeySignsUntilTheHandoverNewOneFrom()
    {
        // The rotation is configured before the handover: the retired key keeps its private key until then.
        var (oldPrivate, _) = SealCrypto.GenerateKey();
        var (newPrivate, _) = SealCrypto.GenerateKey();
        var settings = Current("D01-2027", newPrivate, Handover);
        foreach (var (name, value) in Retired(0, "D01-2026", null, "2026-01-01T00:00:00+08:00", oldPrivate))
        {
            settings[name] = value;
        }

        await using var app = await TestApp.StartAsync(settings);
        var issuer = app.Get<IDocumentIssuer>();
        var before = await issuer.IssueAsync(SampleDocuments.For(DocumentType.AcceptanceNotice), CancellationToken.None);
        ((ManualClock)app.Get<TimeProvider>()).Set(DateTimeOffset.Parse(Handover));
        var after = await issuer.IssueAsync(SampleDocuments.For(DocumentType.ApprovalDecision), CancellationToken.None);

        Assert.Equal("D01-2026", (await StoredSeal(app, before.Id)).Seal.KeyId);
        Assert.Equal("D01-2027", (await StoredSeal(app, after.Id)).Seal.KeyId);
        await AssertValid(app, before.Id);
        await AssertValid(app, after.Id);
    }

    [Fact]
    public async Task KeyVault_SealsWithTheSecretRotatesByANewVersionRevokesByDisabling()
    {
        var vault = new FakeSecretClient();
        var start = TestApp.DefaultStart;
        var first = vault.Set("seal-D01", KeyVaultSealKeysTests.Secret("D01", "D01-2026", start.AddMonths(-8)).Json, start.AddMonths(-8));
        await using var app = await TestApp.StartAsync(KeyVault(), overrideServices: s => s.AddSingleton<SecretClient>(vault));
        var issuer = app.Get<IDocumentIssuer>();
        var clock = (ManualClock)app.Get<TimeProvider>();

        var before = await issuer.IssueAsync(SampleDocuments.For(DocumentType.AcceptanceNotice), CancellationToken.None);
        vault.Set("seal-D01", KeyVaultSealKeysTests.Secret("D01", "D01-2027", start.AddMinutes(10)).Json, start);
        clock.Advance(TimeSpan.FromMinutes(10));
        var after = await issuer.IssueAsync(SampleDocuments.For(DocumentType.ApprovalDecision), CancellationToken.None);

        Assert.Equal("D01-2026", (await StoredSeal(app, before.Id)).Seal.KeyId);
        Assert.Equal("D01-2027", (await StoredSeal(app, after.Id)).Seal.KeyId);
        await AssertValid(app, before.Id);
        await AssertValid(app, after.Id);
        Assert.False(Directory.Exists(Path.Combine(app.DataPath, "seals")));   // no development key was made

        // Revocation: the first version disabled; after the refresh its documents no longer verify.
        vault.Disable("seal-D01", first);
        clock.Advance(TimeSpan.FromMinutes(5));
        using var revoked = await Verify(app, before.Id);
        Assert.False(revoked.RootElement.GetProperty("valid").GetBoolean());
        Assert.Equal("key-not-trusted", revoked.RootElement.GetProperty("reasonCode").GetString());
    }

    [Fact]
    public async Task KeyVault_SecretMissing_ConfiguredKeyUsed()
    {
        var (privateKey, _) = SealCrypto.GenerateKey();
        var settings = Current("D01-CONFIG", privateKey, "2026-01-01T00:00:00+08:00");
        foreach (var (name, value) in KeyVault())
        {
            settings[name] = value;
        }

        var vault = new FakeSecretClient();
        await using var app = await TestApp.StartAsync(settings, overrideServices: s => s.AddSingleton<SecretClient>(vault));

        var issued = await app.Get<IDocumentIssuer>().IssueAsync(SampleDocuments.For(DocumentType.AcceptanceNotice), CancellationToken.None);

        Assert.Equal("D01-CONFIG", (await StoredSeal(app, issued.Id)).Seal.KeyId);
        Assert.Equal(1, vault.ListCalls);
    }

    [Fact]
    public async Task KeyVault_Unreachable_IssuingAnswers503AndStoresNothing()
    {
        var vault = new FakeSecretClient { Failure = new RequestFailedException(403, "Caller is not authorized.", "Forbidden", null) };
        await using var app = await TestApp.StartAsync(KeyVault(), overrideServices: s => s.AddSingleton<SecretClient>(vault));

        var problem = await Assert.ThrowsAsync<ProblemException>(() =>
            app.Get<IDocumentIssuer>().IssueAsync(SampleDocuments.For(DocumentType.AcceptanceNotice), CancellationToken.None));

        Assert.Equal(503, problem.Status);
        Assert.Equal("documents.seal_keys_unavailable", problem.Code);
        var blobs = await app.Get<IStorageAccount>().GetBlobContainerClient(DocumentStore.ContainerName).ListAsync("cases/");
        Assert.Empty(blobs.Blobs);
    }

    [Fact]
    public async Task KeyVault_AmbiguousVersions_IssuingRefusedSealKeyInvalid()
    {
        var vault = new FakeSecretClient();
        var start = TestApp.DefaultStart;
        vault.Set("seal-D01", KeyVaultSealKeysTests.Secret("D01", "D01-2026", start.AddMonths(-8)).Json, start.AddMonths(-8));
        vault.Set("seal-D01", KeyVaultSealKeysTests.Secret("D01", "D01-2026", start.AddMonths(-1)).Json, start.AddMonths(-1));
        await using var app = await TestApp.StartAsync(KeyVault(), overrideServices: s => s.AddSingleton<SecretClient>(vault));

        var problem = await Assert.ThrowsAsync<ProblemException>(() =>
            app.Get<IDocumentIssuer>().IssueAsync(SampleDocuments.For(DocumentType.AcceptanceNotice), CancellationToken.None));

        Assert.Equal("documents.seal_key_invalid", problem.Code);
    }

    [Fact]
    public void Production_NoKeyVaultNorKeys_AppRefusesToStartNamingTheSetting()
    {
        var settings = new Dictionary<string, string?> { ["environment"] = "Production", ["Clock:Mode"] = "System", ["Auth:SigningKey"] = null };

        var error = Assert.ThrowsAny<Exception>(() => TestApp.StartAsync(settings).GetAwaiter().GetResult());

        Assert.IsType<ConfigurationException>(error);
        Assert.Contains("Seal:KeyVaultUri", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_KeyVaultUri_StartsWithoutReachingTheVault()
    {
        var vault = new FakeSecretClient();
        var settings = KeyVault();
        settings["environment"] = "Production";
        settings["Clock:Mode"] = "System";
        settings["Auth:SigningKey"] = null; // refused in Production

        await using var app = await TestApp.StartAsync(settings, overrideServices: s => s.AddSingleton<SecretClient>(vault));

        Assert.Equal(HttpStatusCode.OK, (await app.Client.GetAsync("/api/health")).StatusCode);
        Assert.Equal(0, vault.ListCalls);
    }

    private static Dictionary<string, string?> KeyVault() => new() { ["Seal:KeyVaultUri"] = FakeSecretClient.Address.ToString() };

    private static Dictionary<string, string?> Current(string keyId, string privateKey, string from) => new()
    {
        ["Seal:Keys:D01:KeyId"] = keyId,
        ["Seal:Keys:D01:SealId"] = "D01-SEAL",
        ["Seal:Keys:D01:PrivateKey"] = privateKey,
        ["Seal:Keys:D01:DepartmentName"] = SampleDocuments.Department,
        ["Seal:Keys:D01:ValidFrom"] = from,
        ["Seal:Keys:D01:ValidTo"] = "2031-01-01T00:00:00+08:00",
    };

    private static Dictionary<string, string?> Retired(int index, string keyId, string? publicKey, string from, string? privateKey = null) => new()
    {
        [$"Seal:Keys:D01:Retired:{index}:KeyId"] = keyId,
        [$"Seal:Keys:D01:Retired:{index}:SealId"] = "D01-SEAL",
        [$"Seal:Keys:D01:Retired:{index}:PublicKey"] = publicKey,
        [$"Seal:Keys:D01:Retired:{index}:PrivateKey"] = privateKey,
        [$"Seal:Keys:D01:Retired:{index}:ValidFrom"] = from,
        [$"Seal:Keys:D01:Retired:{index}:ValidTo"] = "2031-01-01T00:00:00+08:00",
    };

    private static async Task<SealEnvelope> StoredSeal(TestApp app, string id)
    {
        var store = app.Get<DocumentStore>();
        var record = (await store.FindAsync(id, CancellationToken.None))!;
        return JsonSerializer.Deserialize<SealEnvelope>((await store.DownloadAsync(record.SealBlobName, CancellationToken.None))!, JsonDefaults.Options)!;
    }

    /// <summary>Valid by id and by the file itself (posted to the public verify route).</summary>
    private static async Task AssertValid(TestApp app, string id)
    {
        using (var byId = await Verify(app, id))
        {
            Assert.True(byId.RootElement.GetProperty("valid").GetBoolean(), byId.RootElement.ToString());
        }

        var store = app.Get<DocumentStore>();
        var pdf = (await store.DownloadAsync((await store.FindAsync(id, CancellationToken.None))!.BlobName, CancellationToken.None))!;
        var content = new ByteArrayContent(pdf);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        using var response = await app.Client.PostAsync("/api/documents/verify", content);
        using var byFile = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(byFile.RootElement.GetProperty("valid").GetBoolean(), byFile.RootElement.ToString());
        Assert.Equal(id, byFile.RootElement.GetProperty("documentId").GetString());
    }

    private static async Task<JsonDocument> Verify(TestApp app, string id)
    {
        using var response = await app.Client.GetAsync($"/api/documents/{id}/verify");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body);
    }

    private static string TempData() => Path.Combine(Path.GetTempPath(), "pf-test-" + Guid.NewGuid().ToString("N"));
}
