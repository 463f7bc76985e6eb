using System.Text.Json;
using Azure;
using Azure.Identity;
using Microsoft.Extensions.Logging.Abstractions;
using PowerFunctions.App.Clock;
using PowerFunctions.App.Features.Documents.Sealing;
using PowerFunctions.App.Http;

namespace PowerFunctions.App.Tests.Documents;

/// <summary>Seal keys from Key Vault (secret <c>seal-{dept}</c>, one version per key) through a fake <c>SecretClient</c>.</summary>
public sealed class KeyVaultSealKeysTests
{
    private static readonly DateTimeOffset Start = new(2026, 9, 18, 9, 30, 0, TimeSpan.FromHours(8));
    private static readonly TimeSpan Refresh = TimeSpan.FromMinutes(5);
    private static readonly byte[] Pdf = "%PDF-1.7 sealed with a key from Key Vault"u8.ToArray();

    private readonly FakeSecretClient _vault = new();
    private readonly ManualClock _clock = new(Start);

    [Fact]
    public async Task Get_SecretFound_KeyFromItsVersion()
    {
        var (privateKey, publicKey, json) = Secret("D01", "D01-2026", Start.AddYears(-1));
        _vault.Set("seal-D01", json, Start.AddYears(-1));

        var ring = await Keys().GetAsync("D01", null, CancellationToken.None);

        var key = Assert.Single(ring!.Keys);
        Assert.Equal("D01-2026", key.KeyId);
        Assert.Equal(publicKey, key.PublicKey);
        Assert.Equal(privateKey, key.PrivateKey);
        Assert.Equal("key-vault", key.Source);
        Assert.Equal("示例市市场监督管理局", key.DepartmentName);
        Assert.Empty(ring.Problems);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Get_SecretMissing_NullSoTheNextSourceIsAsked(bool missingIs404)
    {
        _vault.MissingIs404 = missingIs404;
        _vault.Set("seal-D02", Secret("D02", "D02-2026", Start).Json, Start);

        Assert.Null(await Keys().GetAsync("D01", null, CancellationToken.None));
    }

    [Theory]
    [InlineData("D_01", "seal-D-01")]
    [InlineData("d01", "seal-d01")]
    public void SecretName_DepartmentCode_KeyVaultSafe(string department, string secret)
    {
        Assert.Equal(secret, KeyVaultSealKeys.SecretName(department));
    }

    [Fact]
    public async Task Get_WithinTheRefreshInterval_ServedFromCacheThenReadAgain()
    {
        _vault.Set("seal-D01", Secret("D01", "D01-2026", Start.AddYears(-1)).Json, Start.AddYears(-1));
        var keys = Keys();

        await keys.GetAsync("D01", null, CancellationToken.None);
        _clock.Advance(Refresh - TimeSpan.FromSeconds(1));
        await keys.GetAsync("D01", "D01-2026", CancellationToken.None);
        Assert.Equal(1, _vault.ListCalls);
        Assert.Equal(1, _vault.GetCalls);

        _clock.Advance(TimeSpan.FromSeconds(1));
        await keys.GetAsync("D01", null, CancellationToken.None);

        Assert.Equal(2, _vault.ListCalls);
        Assert.Equal(1, _vault.GetCalls);   // a version is immutable: read once
    }

    [Fact]
    public async Task Get_RotatedByANewVersion_BothKeysAfterTheRefreshNewOneSigns()
    {
        _vault.Set("seal-D01", Secret("D01", "D01-2026", Start.AddYears(-1)).Json, Start.AddYears(-1));
        var keys = Keys();
        var before = (await keys.GetAsync("D01", null, CancellationToken.None))!;
        var oldSeal = DocumentSealer.Seal(Pdf, "doc-1", before.SigningKeyAt(_clock.GetUtcNow())!, _clock.GetUtcNow()).Value;

        // Rotation: a new version that takes over one refresh interval after it is stored.
        var handover = _clock.GetUtcNow() + Refresh;
        _vault.Set("seal-D01", Secret("D01", "D01-2027", handover).Json, _clock.GetUtcNow());
        _clock.Advance(Refresh);
        var after = (await keys.GetAsync("D01", null, CancellationToken.None))!;
        var newSeal = DocumentSealer.Seal(Pdf, "doc-2", after.SigningKeyAt(_clock.GetUtcNow())!, _clock.GetUtcNow()).Value;

        Assert.Equal(["D01-2026", "D01-2027"], after.Keys.Select(k => k.KeyId));
        Assert.Equal(handover, after.Keys[0].RetiredAt);
        Assert.Null(after.Keys[0].PrivateKey);   // retired: its private key is not kept in memory
        Assert.Equal("D01-2027", newSeal.Seal.KeyId);
        Assert.Equal(SealCheck.Ok, DocumentSealer.Verify(Pdf, oldSeal, after.Trusted));
        Assert.Equal(SealCheck.Ok, DocumentSealer.Verify(Pdf, newSeal, after.Trusted));
        Assert.False(DocumentSealer.Seal(Pdf, "doc-3", after.Keys[0], _clock.GetUtcNow()).IsSuccess);
    }

    [Fact]
    public async Task Get_SealNamesAKeyNotYetSeen_LooksAgainAtMostOnceAMinute()
    {
        _vault.Set("seal-D01", Secret("D01", "D01-2026", Start.AddYears(-1)).Json, Start.AddYears(-1));
        var keys = Keys();
        await keys.GetAsync("D01", null, CancellationToken.None);

        // Another instance already seals with a key stored after this one last looked.
        _vault.Set("seal-D01", Secret("D01", "D01-2027", Start.AddMinutes(-1)).Json, Start.AddMinutes(-10));
        Assert.DoesNotContain((await keys.GetAsync("D01", "D01-2027", CancellationToken.None))!.Keys, k => k.KeyId == "D01-2027");
        _clock.Advance(KeyVaultSealKeys.UnknownKeyRecheck);
        Assert.Contains((await keys.GetAsync("D01", "D01-2027", CancellationToken.None))!.Keys, k => k.KeyId == "D01-2027");

        // A forged key id makes it look at most once a minute, however often it is asked.
        for (var i = 0; i < 20; i++)
        {
            await keys.GetAsync("D01", "D01-FORGED", CancellationToken.None);
        }

        Assert.Equal(2, _vault.ListCalls);
    }

    [Fact]
    public async Task Get_DisabledVersion_NotTrusted()
    {
        var revoked = _vault.Set("seal-D01", Secret("D01", "D01-2025", Start.AddYears(-2)).Json, Start.AddYears(-2));
        _vault.Set("seal-D01", Secret("D01", "D01-2026", Start.AddYears(-1)).Json, Start.AddYears(-1));
        _vault.Disable("seal-D01", revoked);

        var ring = await Keys().GetAsync("D01", null, CancellationToken.None);

        Assert.Equal(["D01-2026"], ring!.Keys.Select(k => k.KeyId));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"departmentCode":"D01","keyId":"D01-BAD","privateKey":"zz","validFrom":"2026-01-01T00:00:00+08:00","validTo":"2031-01-01T00:00:00+08:00","departmentName":"x"}""")]
    [InlineData("""{"departmentCode":"D02","keyId":"D01-BAD","privateKey":"@key","validFrom":"2026-01-01T00:00:00+08:00","validTo":"2031-01-01T00:00:00+08:00","departmentName":"x"}""")]
    [InlineData("""{"keyId":"D01-BAD","privateKey":"@key","validFrom":"2026-01-01T00:00:00+08:00","validTo":"2031-01-01T00:00:00+08:00","departmentName":"x"}""")]
    [InlineData("""{"departmentCode":"D01","keyId":"D01-NEW","privateKey":"@key","retired":null,"validFrom":"2026-01-01T00:00:00+08:00","validTo":"2031-01-01T00:00:00+08:00","departmentName":"x","extra":1,"validTo2":2}""", false)]
    [InlineData("""{"departmentCode":"D01","keyId":"D01-NEW","privateKey":"@key","retired":[{}],"validFrom":"2026-01-01T00:00:00+08:00","validTo":"2031-01-01T00:00:00+08:00","departmentName":"x"}""")]
    [InlineData("""{"departmentCode":"D01","keyId":"D01-2026","privateKey":"@key","validFrom":"2026-02-01T00:00:00+08:00","validTo":"2031-01-01T00:00:00+08:00","departmentName":"x"}""")]
    public async Task Get_VersionValue_UnusableOnesAreProblemsTheOtherKeysStillVerify(string value, bool unusable = true)
    {
        var (_, _, good) = Secret("D01", "D01-2026", Start.AddYears(-1));
        _vault.Set("seal-D01", good, Start.AddYears(-1));
        _vault.Set("seal-D01", value.Replace("@key", SealCrypto.GenerateKey().PrivateKey, StringComparison.Ordinal), Start.AddDays(-1));

        var ring = await Keys().GetAsync("D01", null, CancellationToken.None);

        Assert.Equal(unusable, ring!.Problems.Count > 0);
        Assert.Contains(ring.Keys, k => k.KeyId == "D01-2026");
    }

    [Fact]
    public async Task Get_VaultUnreachableFirstTime_Problem503()
    {
        _vault.Failure = new AuthenticationFailedException("ManagedIdentityCredential authentication unavailable.");

        var problem = await Assert.ThrowsAsync<ProblemException>(() => Keys().GetAsync("D01", null, CancellationToken.None));

        Assert.Equal(503, problem.Status);
        Assert.Equal("documents.seal_keys_unavailable", problem.Code);
    }

    [Fact]
    public async Task Get_VaultUnreachableAfterARead_LastKeysKeptThenRetried()
    {
        _vault.Set("seal-D01", Secret("D01", "D01-2026", Start.AddYears(-1)).Json, Start.AddYears(-1));
        var keys = Keys();
        await keys.GetAsync("D01", null, CancellationToken.None);
        _vault.Failure = new RequestFailedException(403, "Caller is not authorized to perform action on resource.", "Forbidden", null);
        _clock.Advance(Refresh);

        Assert.Equal("D01-2026", Assert.Single((await keys.GetAsync("D01", null, CancellationToken.None))!.Keys).KeyId);
        await keys.GetAsync("D01", null, CancellationToken.None);
        Assert.Equal(2, _vault.ListCalls);   // no retry before RetryAfterFailure

        _vault.Failure = null;
        _clock.Advance(KeyVaultSealKeys.RetryAfterFailure);
        await keys.GetAsync("D01", null, CancellationToken.None);
        Assert.Equal(3, _vault.ListCalls);
    }

    [Fact]
    public async Task SealKeyCommand_Output_IsASecretVersionTheAppReads()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var handled = PowerFunctions.App.Cli.Commands.TryRun(
            ["seal-key", "--dept", "D01", "--name", "示例市市场监督管理局", "--key-id", "D01-2027", "--seal-id", "D01-SEAL-2027",
             "--valid-from", "2026-01-01T00:00:00+08:00", "--valid-to", "2031-01-01T00:00:00+08:00"], output, error, out var exitCode);
        _vault.Set("seal-D01", output.ToString(), Start);
        var key = Assert.Single((await Keys().GetAsync("D01", null, CancellationToken.None))!.Keys);

        Assert.True(handled);
        Assert.Equal(0, exitCode);
        Assert.Equal("D01-2027", key.KeyId);
        Assert.Equal("D01-SEAL-2027", key.SealId);
        Assert.True(DocumentSealer.Seal(Pdf, "doc-1", key, _clock.GetUtcNow()).IsSuccess);
        Assert.Contains(key.PublicKey, error.ToString());
        Assert.DoesNotContain(key.PrivateKey!, error.ToString());
    }

    [Theory]
    [InlineData("--name", "示例市市场监督管理局")]
    [InlineData("--dept", "D01", "--name", "x", "--valid-from", "soon", "--valid-to", "2031-01-01T00:00:00+08:00")]
    [InlineData("--dept", "D01", "--name")]
    public void SealKeyCommand_BadArguments_Exit2AndNoKey(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        PowerFunctions.App.Cli.Commands.TryRun(["seal-key", .. args], output, error, out var exitCode);

        Assert.Equal(2, exitCode);
        Assert.Equal(string.Empty, output.ToString());
        Assert.Contains("usage: seal-key", error.ToString());
    }

    internal static (string PrivateKey, string PublicKey, string Json) Secret(string department, string keyId, DateTimeOffset validFrom, string? sealId = null)
    {
        var (privateKey, publicKey) = SealCrypto.GenerateKey();
        var json = JsonSerializer.Serialize(new
        {
            departmentCode = department,
            keyId,
            sealId = sealId ?? $"{department}-SEAL",
            departmentName = "示例市市场监督管理局",
            privateKey,
            validFrom = validFrom.ToString("O"),
            validTo = validFrom.AddYears(5).ToString("O"),
        });
        return (privateKey, publicKey, json);
    }

    private KeyVaultSealKeys Keys() => new(_vault, Refresh, _clock, NullLogger.Instance);
}
