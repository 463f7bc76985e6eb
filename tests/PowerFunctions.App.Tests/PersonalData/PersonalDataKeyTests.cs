using System.Net;
using System.Net.Http.Json;
using PowerFunctions.App.Config;
using PowerFunctions.App.Features.Cases;
using PowerFunctions.App.PersonalData;
using PowerFunctions.App.Tests.Cases;
using PowerFunctions.App.Tests.Support;
using PowerFunctions.Domain.Cases;
using PowerFunctions.Storage;
using PowerFunctions.Tests.Shared;

namespace PowerFunctions.App.Tests.PersonalData;

/// <summary>The keys of personal data: rotation (old values still read, new ones use the new key), and the refusals at start.</summary>
public sealed class PersonalDataKeyTests
{
    private static readonly string Key1 = Convert.ToBase64String(Enumerable.Range(1, 16).Select(i => (byte)i).ToArray());
    private static readonly string Key2 = Convert.ToBase64String(Enumerable.Range(101, 16).Select(i => (byte)i).ToArray());
    private static readonly string OtherKey1 = Convert.ToBase64String(Enumerable.Range(201, 16).Select(i => (byte)i).ToArray());
    private static readonly string DevelopmentKey = Convert.ToBase64String(PersonalDataKeyRing.DevelopmentKey(PersonalDataAlgorithm.Sm4Gcm).Bytes);

    [Fact]
    public async Task Rotation_Key1ThenKey2_BothReadAndNewValuesUseKey2_AWrongKey1RefusesToStart()
    {
        var azurite = new Azurite();
        await azurite.InitializeAsync();
        try
        {
            await RotateAsync(azurite);
        }
        finally
        {
            await azurite.DisposeAsync();
        }
    }

    private static async Task RotateAsync(Azurite azurite)
    {
        var storage = new Dictionary<string, string?> { ["Storage:Provider"] = "AzureStorage", ["Storage:ConnectionString"] = azurite.ConnectionString };

        string first, inPublicity;
        await using (var app = await CaseApp.StartAsync(settings: With(storage, ("PersonalData:Keys:k1", Key1))))
        {
            first = await app.NewCaseAsync();
            inPublicity = await app.InPublicityAsync();
            for (var i = 0; i < CaseRules.MaxObjectionsPerClient - 1; i++)
            {
                Assert.Equal(HttpStatusCode.Created, (await app.App.Client.PostAsJsonAsync($"/api/cases/{inPublicity}/objections", new { name = "王某", contact = "13900000000", content = $"异议{i}" })).StatusCode);
            }
        }

        await using (var app = await CaseApp.StartAsync(settings: With(storage, ("PersonalData:Keys:k1", Key1), ("PersonalData:Keys:k2", Key2), ("PersonalData:ActiveKey", "k2"))))
        {
            var second = await app.NewCaseAsync();
            foreach (var caseNo in new[] { first, second })
            {
                var view = await app.CaseAsync(caseNo);
                Assert.Equal("410102199001011234", view.GetProperty("applicant").GetProperty("idNumber").GetString());
            }

            var table = app.App.Get<IStorageAccount>().GetTableClient(CaseTables.Cases);
            Assert.Contains("\"idNumber\":\"pd1:sm4gcm:k1:", (await table.GetEntityAsync(first, CaseStore.EventRow(1)))!.GetString("Data"), StringComparison.Ordinal);
            Assert.Contains("\"idNumber\":\"pd1:sm4gcm:k2:", (await table.GetEntityAsync(second, CaseStore.EventRow(1)))!.GetString("Data"), StringComparison.Ordinal);
            var chain = await CaseApp.Json(await app.Supervisor.GetAsync($"/api/cases/{first}/audit/verify"));
            Assert.True(chain.GetProperty("valid").GetBoolean());

            // The per-client objection limit counts across the rotation: the k1 client key is recognised and reused.
            Assert.Equal(HttpStatusCode.Created, (await app.App.Client.PostAsJsonAsync($"/api/cases/{inPublicity}/objections", new { name = "王某", contact = "13900000000", content = "最后一次" })).StatusCode);
            Assert.Equal((HttpStatusCode)429, (await app.App.Client.PostAsJsonAsync($"/api/cases/{inPublicity}/objections", new { name = "王某", contact = "13900000000", content = "超限" })).StatusCode);
            var clients = (await app.App.Get<CaseStore>().LoadAsync(inPublicity, CancellationToken.None))!.Case.Objections.Select(o => o.Client).Distinct().ToList();
            Assert.StartsWith("k1.", Assert.Single(clients), StringComparison.Ordinal);
        }

        var refused = await Assert.ThrowsAsync<ConfigurationException>(() => CaseApp.StartAsync(settings: With(storage, ("PersonalData:Keys:k1", OtherKey1), ("PersonalData:Keys:k2", Key2), ("PersonalData:ActiveKey", "k2"))));
        Assert.Contains("PersonalData:Keys:k1", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(OtherKey1, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Algorithm_Aes256GcmConfigured_WritesAesAndReadsBack()
    {
        var aesKey = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
        await using var app = await CaseApp.StartAsync(settings: new Dictionary<string, string?> { ["PersonalData:Algorithm"] = "AES-256-GCM", ["PersonalData:Keys:a1"] = aesKey });
        var caseNo = await app.NewCaseAsync();

        var row = await app.App.Get<IStorageAccount>().GetTableClient(CaseTables.Cases).GetEntityAsync(caseNo, CaseStore.EventRow(1));

        Assert.Contains("\"phone\":\"pd1:aes256gcm:a1:", row!.GetString("Data"), StringComparison.Ordinal);
        Assert.Equal("13800000000", (await app.CaseAsync(caseNo)).GetProperty("applicant").GetProperty("phone").GetString());
    }

    public static TheoryData<string, string?, string?, string> ProductionRefusals => new()
    {
        { "none", null, null, "PersonalData:Keys is empty" },
        { "dev", DevelopmentKey, null, "PersonalData:Keys:dev is the public development key" },
        { "k1", DevelopmentKey, null, "PersonalData:Keys:k1 is the public development key" },
        { "k1", "@Microsoft.KeyVault(VaultName=kv;SecretName=personal-data-key-k1)", null, "PersonalData:Keys:k1 is an unresolved Key Vault reference" },
        { "k1", "not base64!", null, "PersonalData:Keys:k1 is not base64" },
        { "k1", Convert.ToBase64String(new byte[20]), null, "PersonalData:Keys:k1 is 20 bytes" },
        { "k1", Key1, "k9", "PersonalData:ActiveKey='k9' names no key" },
        { "k1", Key1, "AES", "PersonalData:Algorithm='AES' is not supported" },
    };

    [Theory]
    [MemberData(nameof(ProductionRefusals))]
    public async Task Start_InProductionWithAMissingOrWrongKey_RefusesNamingTheSetting(string keyId, string? key, string? activeOrAlgorithm, string expected)
    {
        var settings = new Dictionary<string, string?>
        {
            ["environment"] = "Production",
            ["Clock:Mode"] = "System",
            ["Auth:SigningKey"] = null,
        };
        if (key is not null)
        {
            settings[$"PersonalData:Keys:{keyId}"] = key;
        }

        if (activeOrAlgorithm is not null)
        {
            settings[activeOrAlgorithm == "AES" ? "PersonalData:Algorithm" : "PersonalData:ActiveKey"] = activeOrAlgorithm;
        }

        var e = await Assert.ThrowsAsync<ConfigurationException>(() => TestApp.StartAsync(settings));

        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_OutsideProductionWithNoKey_UsesTheDevelopmentKey()
    {
        await using var app = await TestApp.StartAsync();

        var keys = app.Get<PersonalDataKeyRing>();

        Assert.True(keys.IsDevelopment);
        Assert.Equal(PersonalDataAlgorithm.Sm4Gcm, keys.Algorithm);
        Assert.Equal(HttpStatusCode.OK, (await app.Client.GetAsync("/api/health")).StatusCode);
    }

    private static Dictionary<string, string?> With(Dictionary<string, string?> settings, params (string Key, string Value)[] more)
    {
        var all = new Dictionary<string, string?>(settings);
        foreach (var (key, value) in more)
        {
            all[key] = value;
        }

        return all;
    }
}
