using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using PowerFunctions.App.PersonalData;
using PowerFunctions.App.Tests.Cases;
using PowerFunctions.Storage.Embedded;

namespace PowerFunctions.App.Tests.PersonalData;

/// <summary>
/// The end of a key rotation on the embedded store: everything the whole scenario wrote under k1 (cases, a 举报,
/// a penalty case) is re-encrypted under k2 by <c>POST /api/admin/personal-data/rewrap</c>, after which k1 is
/// dropped and every value still reads, every chain still verifies.
/// </summary>
public sealed class PersonalDataRewrapTests
{
    private static readonly string Key1 = Convert.ToBase64String(Enumerable.Range(1, 16).Select(i => (byte)i).ToArray());
    private static readonly string Key2 = Convert.ToBase64String(Enumerable.Range(101, 16).Select(i => (byte)i).ToArray());

    [Fact]
    [Trait("Source", "GB/T 39786-2021 密钥管理 (密钥更新、归档与销毁)")]
    public async Task Rotation_RewrapMovesEveryValueToTheNewKey_ThenTheOldKeyCanBeDropped()
    {
        var dataPath = Path.Combine(Path.GetTempPath(), "pf-rewrap-" + Guid.NewGuid().ToString("N"));
        try
        {
            string caseNo, ticketNo, penaltyNo;
            await using (var app = await CaseApp.StartWithSampleCatalogAsync(Settings(dataPath, ("PersonalData:Keys:k1", Key1))))
            {
                (caseNo, ticketNo, penaltyNo) = await PersonalDataScenario.RunAllAsync(app);

                // With one key there is nothing to move and nothing is read.
                var single = await RewrapAsync(app);
                Assert.Equal(0, single.GetProperty("rowsRead").GetInt64());
                Assert.True(single.GetProperty("done").GetBoolean());
            }

            Assert.NotEmpty(EventValuesUnder(dataPath, "k1"));

            await using (var app = await CaseApp.StartWithSampleCatalogAsync(Settings(dataPath, ("PersonalData:Keys:k1", Key1), ("PersonalData:Keys:k2", Key2), ("PersonalData:ActiveKey", "k2"))))
            {
                Assert.Equal(HttpStatusCode.Forbidden, (await app.Supervisor.PostAsync("/api/admin/personal-data/rewrap", null)).StatusCode);

                var report = await RewrapAsync(app);
                Assert.Equal("k2", report.GetProperty("activeKey").GetString());
                Assert.Equal(["k1"], report.GetProperty("retiredKeys").EnumerateArray().Select(k => k.GetString()));
                Assert.True(report.GetProperty("valuesRewrapped").GetInt64() >= PersonalDataScenario.Secrets.Length, report.ToString());
                Assert.Equal(0, report.GetProperty("valuesUnreadable").GetInt64());
                Assert.True(report.GetProperty("done").GetBoolean());

                // A second pass finds nothing left to move.
                var again = await RewrapAsync(app);
                Assert.Equal(0, again.GetProperty("valuesRewrapped").GetInt64());
                Assert.True(again.GetProperty("rowsRead").GetInt64() > 0);
            }

            Assert.Empty(EventValuesUnder(dataPath, "k1"));
            Assert.NotEmpty(EventValuesUnder(dataPath, "k2"));

            // k1 dropped: the app starts, reads every value, and every chain verifies over the same plaintext.
            await using (var app = await CaseApp.StartWithSampleCatalogAsync(Settings(dataPath, ("PersonalData:Keys:k2", Key2))))
            {
                var view = await CaseApp.Json(await app.Supervisor.GetAsync($"/api/cases/{caseNo}"));
                Assert.Equal(PersonalDataScenario.IdNumber, view.GetProperty("applicant").GetProperty("idNumber").GetString());
                Assert.True((await CaseApp.Json(await app.Supervisor.GetAsync($"/api/cases/{caseNo}/audit/verify"))).GetProperty("valid").GetBoolean());
                Assert.Contains(PersonalDataScenario.ReporterPhone, await (await app.Supervisor.GetAsync($"/api/complaints/{ticketNo}")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
                Assert.Contains(PersonalDataScenario.PartyIdNumber, await (await app.Supervisor.GetAsync($"/api/enforcement/cases/{penaltyNo}")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(dataPath, recursive: true);
        }
    }

    [Fact]
    public void RewrapEvent_LeavesPlainAndCurrentValues_CountsWhatDoesNotOpen()
    {
        var old = Protector(("k1", Key1));
        var both = Protector(("k1", Key1), ("k2", Key2));
        var fields = Features.Cases.CaseStore.PersonalFields;
        var (name, data) = old.ProtectEvent(fields, "C-1", 1, "submitted", "citizen", "张三", """{"applicant":{"name":"张三","idNumber":"110105194912310021","phone":"13900000000"},"note":"plain"}""");

        var moved = both.RewrapEvent(fields, "C-1", 1, "submitted", "citizen", name, data);
        Assert.Equal(4, moved.Rewrapped); // the actor's name and three applicant fields
        Assert.DoesNotContain(":k1:", moved.Data + moved.ActorName, StringComparison.Ordinal);
        Assert.Contains("\"note\":\"plain\"", moved.Data, StringComparison.Ordinal);
        Assert.Equal(both.RevealEvent(fields, "C-1", 1, "submitted", "citizen", name, data), both.RevealEvent(fields, "C-1", 1, "submitted", "citizen", moved.ActorName, moved.Data));

        var nothing = both.RewrapEvent(fields, "C-1", 1, "submitted", "citizen", moved.ActorName, moved.Data);
        Assert.Equal((0, 0, moved.Data), (nothing.Rewrapped, nothing.Unreadable, nothing.Data));

        // Bound to its event: under another event's context nothing opens, nothing is rewritten.
        var elsewhere = both.RewrapEvent(fields, "C-2", 1, "submitted", "citizen", name, data);
        Assert.Equal((0, 4, data), (elsewhere.Rewrapped, elsewhere.Unreadable, elsewhere.Data));
    }

    private static PersonalDataProtector Protector(params (string Id, string Key)[] keys)
    {
        var options = new Config.PersonalDataOptions { ActiveKey = keys[^1].Id };
        foreach (var (id, key) in keys)
        {
            options.Keys[id] = key;
        }

        return new PersonalDataProtector(PersonalDataKeyRing.Create(options, isProduction: false), Microsoft.Extensions.Logging.Abstractions.NullLogger<PersonalDataProtector>.Instance);
    }

    private static async Task<JsonElement> RewrapAsync(CaseApp app)
    {
        var answer = await app.Admin.PostAsync("/api/admin/personal-data/rewrap", null);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        return await CaseApp.Json(answer);
    }

    private static Dictionary<string, string?> Settings(string dataPath, params (string Key, string Value)[] more)
    {
        var settings = new Dictionary<string, string?> { ["Storage:DataPath"] = dataPath };
        foreach (var (key, value) in more)
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>The rows of every table but the key check's that hold a value encrypted under <paramref name="keyId"/>.</summary>
    private static List<string> EventValuesUnder(string dataPath, string keyId)
    {
        SqliteConnection.ClearAllPools();
        var path = Path.Combine(dataPath, EmbeddedStorageAccount.DatabaseFileName);
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT tbl, pk, rk, props FROM entities WHERE tbl <> $keys";
        command.Parameters.AddWithValue("$keys", PersonalDataKeyCheck.TableName);
        using var reader = command.ExecuteReader();
        var marker = Encoding.UTF8.GetBytes($"sm4gcm:{keyId}:");
        var rows = new List<string>();
        while (reader.Read())
        {
            if (((byte[])reader["props"]).AsSpan().IndexOf(marker) >= 0)
            {
                rows.Add($"{reader.GetString(0)}/{reader.GetString(1)}/{reader.GetString(2)}");
            }
        }

        return rows;
    }
}
