using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using PowerFunctions.App.Features.Cases;
using PowerFunctions.App.PersonalData;
using PowerFunctions.App.Tests.Cases;

namespace PowerFunctions.App.Tests.PersonalData;

/// <summary>
/// The client key an objection stores for the per-client limit (issue 16): a keyed hash under the personal-data
/// keys, so knowing the case number and the filer's account or address does not give it (it was a plain SHA-256
/// of them). The limits themselves are <c>CaseBadInputAppTests.Objection_OverTheLimits_…</c>, and across a key
/// rotation <c>PersonalDataKeyTests.Rotation_…</c>.
/// </summary>
public sealed class ObjectionClientKeyTests
{
    [Fact]
    [Trait("Source", "个人信息保护法 第五十一条 (去标识化); GB/T 39786-2021")]
    public async Task ObjectionClient_SameFilerUnderTwoKeys_DiffersAndIsNotThePlainHashOfItsInputs()
    {
        var stored = new List<string>();
        foreach (var key in new[] { Key(1), Key(101) })
        {
            await using var app = await CaseApp.StartAsync(settings: new Dictionary<string, string?> { ["PersonalData:Keys:k1"] = key });
            var caseNo = await app.InPublicityAsync();
            using var citizen = app.App.ClientFor("citizen", "", "objector-1", "公众甲");

            var filed = await citizen.PostAsJsonAsync($"/api/cases/{caseNo}/objections", new { name = "公众甲", contact = "13900000009", content = "有异议" });

            Assert.Equal(HttpStatusCode.Created, filed.StatusCode);
            var client = (await app.App.Get<CaseStore>().LoadAsync(caseNo, CancellationToken.None))!.Case.Objections.Single().Client!;
            var plain = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"objection-client\n{caseNo}\nsub:objector-1")).AsSpan(0, 12));
            Assert.NotEqual(plain, client);
            Assert.DoesNotContain("objector-1", client, StringComparison.Ordinal);
            Assert.StartsWith("k1.", client, StringComparison.Ordinal);
            Assert.True(app.App.Get<PersonalDataProtector>().MatchesFingerprint(client, CaseFunctions.ObjectionClientPurpose, $"{caseNo}\nsub:objector-1"));
            stored.Add(client);
        }

        Assert.NotEqual(stored[0], stored[1]); // the same case number and filer: only the key differs
    }

    [Fact]
    public void Fingerprint_AfterRotation_OldValuesStillMatchAndNewOnesNameTheNewKey()
    {
        var before = Protector(("k1", Key(1)));
        var after = Protector(("k1", Key(1)), ("k2", Key(101)));

        var old = before.Fingerprint("objection-client", "D01-1\nip:10.0.0.1");
        var renewed = after.Fingerprint("objection-client", "D01-1\nip:10.0.0.1");

        Assert.StartsWith("k1.", old, StringComparison.Ordinal);
        Assert.StartsWith("k2.", renewed, StringComparison.Ordinal);
        Assert.True(after.MatchesFingerprint(old, "objection-client", "D01-1\nip:10.0.0.1"));
        Assert.False(after.MatchesFingerprint(old, "objection-client", "D01-1\nip:10.0.0.2"));
        Assert.False(after.MatchesFingerprint(old, "another-purpose", "D01-1\nip:10.0.0.1")); // purposes are separate keys
        Assert.False(Protector(("k2", Key(101))).MatchesFingerprint(old, "objection-client", "D01-1\nip:10.0.0.1")); // k1 dropped: no match
    }

    private static string Key(int first) => Convert.ToBase64String(Enumerable.Range(first, 16).Select(i => (byte)i).ToArray());

    private static PersonalDataProtector Protector(params (string Id, string Key)[] keys)
    {
        var options = new Config.PersonalDataOptions { ActiveKey = keys[^1].Id };
        foreach (var (id, key) in keys)
        {
            options.Keys[id] = key;
        }

        return new PersonalDataProtector(PersonalDataKeyRing.Create(options, isProduction: false), Microsoft.Extensions.Logging.Abstractions.NullLogger<PersonalDataProtector>.Instance);
    }
}
