using System.Net;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PowerFunctions.App.PersonalData;
using PowerFunctions.App.Tests.Cases;
using PowerFunctions.App.Tests.Complaints;
using PowerFunctions.App.Tests.Support;
using PowerFunctions.Storage.Embedded;

namespace PowerFunctions.App.Tests.PersonalData;

/// <summary>
/// Identity numbers, phones and reporters' names at rest on the embedded store: after a whole scenario neither
/// the SQLite file's bytes nor any value of any row holds one; the app still shows them to those allowed, the
/// hash chain still verifies, every disclosure is in the audit, and no log line carries them.
/// </summary>
public sealed class PersonalDataAtRestTests
{
    [Fact]
    [Trait("Source", "个人信息保护法 第五十一条 (加密); GB/T 39786-2021 (重要数据存储机密性); 信访工作条例 (2022) (检举人信息保密)")]
    public async Task Scenario_EmbeddedStore_NoPlaintextInTheFileOrItsRows()
    {
        await using var app = await CaseApp.StartWithSampleCatalogAsync();
        var (caseNo, _) = await PersonalDataScenario.RunAsync(app);

        var view = await app.CaseAsync(caseNo, app.Supervisor);
        Assert.Equal(PersonalDataScenario.IdNumber, view.GetProperty("applicant").GetProperty("idNumber").GetString()); // readable where allowed
        var chain = await CaseApp.Json(await app.Supervisor.GetAsync($"/api/cases/{caseNo}/audit/verify"));
        Assert.True(chain.GetProperty("valid").GetBoolean(), chain.ToString());

        await DataFiles.AssertAbsentAsync(app.App.DataPath, [.. PersonalDataScenario.Secrets]);

        var values = await AllValuesAsync(Path.Combine(app.App.DataPath, EmbeddedStorageAccount.DatabaseFileName));
        Assert.Contains(values, v => v.Contains(caseNo, StringComparison.Ordinal)); // the dump sees the case
        Assert.Contains(values, v => v.Contains("pd1:sm4gcm:dev:", StringComparison.Ordinal));
        foreach (var secret in PersonalDataScenario.Secrets)
        {
            Assert.DoesNotContain(values, v => v.Contains(secret, StringComparison.Ordinal));
        }
    }

    [Fact]
    [Trait("Source", "个人信息保护法 第五十一条; GB/T 22239-2019 安全审计")]
    public async Task Scenario_ReadsOfPersonalData_AreAuditedWithReaderRecordAndFields()
    {
        await using var app = await CaseApp.StartWithSampleCatalogAsync();
        var (caseNo, ticketNo, penaltyNo) = await PersonalDataScenario.RunAllAsync(app);

        var audit = app.App.Get<PersonalDataAudit>();
        var reads = new List<PersonalDataRead>();
        foreach (var day in new[] { new DateOnly(2026, 9, 18), new DateOnly(2026, 10, 12) })
        {
            reads.AddRange(await audit.ListAsync(day, CancellationToken.None));
        }

        var supervisorCase = reads.Single(r => r.RecordKind == "case" && r.RecordId == caseNo && r.ReaderSubject == "sup-1" && r.Route.StartsWith("GET ", StringComparison.Ordinal));
        Assert.Equal(["applicant.name", "applicant.idNumber", "applicant.phone", "objections.name", "objections.contact", "delivery.recipient"], supervisorCase.Fields);
        Assert.Equal("周监察", supervisorCase.ReaderName);
        Assert.Equal("supervisor", supervisorCase.ReaderRoles);
        Assert.Equal(new DateTimeOffset(2026, 10, 12, 10, 0, 0, TimeSpan.FromHours(8)), supervisorCase.At);
        Assert.Contains(reads, r => r.RecordId == caseNo && r.ReaderSubject == "acc-1" && r.ReaderDepartment == "D01" && r.Route == $"POST /api/cases/{caseNo}/accept");
        var ticket = Assert.Single(reads, r => r.RecordKind == "ticket" && r.RecordId == ticketNo);
        Assert.Equal("sup-1", ticket.ReaderSubject); // the department's handler never saw the reporter: nothing to record
        Assert.Equal(["contact.name", "contact.phone", "location"], ticket.Fields);
        var penalty = Assert.Single(reads, r => r.RecordKind == "penalty" && r.RecordId == penaltyNo);
        Assert.Equal(("sup-1", "GET"), (penalty.ReaderSubject, penalty.Route[..3]));
        Assert.Equal(["party.name", "party.idNumber", "party.address"], penalty.Fields);
        Assert.All(reads, r => Assert.DoesNotContain(PersonalDataScenario.IdNumber, string.Join(',', r.Fields) + r.Route, StringComparison.Ordinal));
    }

    [Fact]
    [Trait("Source", "个人信息保护法 第五十一条; 信访工作条例 (2022)")]
    public async Task Scenario_EveryLogLineAtTrace_CarriesNoIdentityNumberPhoneOrReporter()
    {
        var logs = new CapturedLogs();
        await using var app = await CaseApp.StartWithSampleCatalogAsync(
            new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Trace", ["Logging:LogLevel:Microsoft"] = "Trace" },
            s => s.AddSingleton<ILoggerProvider>(logs));

        var (caseNo, ticketNo) = await PersonalDataScenario.RunAsync(app);

        Assert.Contains(logs.Lines, l => l.Contains(caseNo, StringComparison.Ordinal)); // the capture works
        Assert.Contains(logs.Lines, l => l.Contains(ticketNo, StringComparison.Ordinal));
        foreach (var secret in PersonalDataScenario.Secrets)
        {
            Assert.DoesNotContain(secret, logs.All, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AuditVerify_CiphertextMovedBetweenFields_DoesNotOpenAndNamesTheEvent()
    {
        await using var app = await CaseApp.StartAsync();
        var caseNo = await app.NewCaseAsync();
        await app.OkAsync(app.Acceptor, caseNo, "accept");
        var table = app.App.Get<PowerFunctions.Storage.IStorageAccount>().GetTableClient(PowerFunctions.App.Features.Cases.CaseTables.Cases);
        var row = (await table.GetEntityAsync(caseNo, PowerFunctions.App.Features.Cases.CaseStore.EventRow(1)))!;
        var data = row.GetString("Data")!;
        var idNumber = Between(data, "\"idNumber\":\"", "\"");
        var phone = Between(data, "\"phone\":\"", "\"");
        row["Data"] = data.Replace(phone, "@@", StringComparison.Ordinal).Replace(idNumber, phone, StringComparison.Ordinal).Replace("@@", idNumber, StringComparison.Ordinal);
        await table.UpdateEntityAsync(row, row.ETag);

        var verify = await CaseApp.Json(await app.Supervisor.GetAsync($"/api/cases/{caseNo}/audit/verify"));

        Assert.False(verify.GetProperty("valid").GetBoolean());
        Assert.Equal(1, verify.GetProperty("brokenAt").GetInt64());
    }

    private static string Between(string text, string start, string end)
    {
        var from = text.IndexOf(start, StringComparison.Ordinal) + start.Length;
        return text[from..text.IndexOf(end, from, StringComparison.Ordinal)];
    }

    /// <summary>Every value of every row of every table, as text (blobs as UTF-8).</summary>
    private static async Task<List<string>> AllValuesAsync(string databasePath)
    {
        var values = new List<string>();
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table'";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        foreach (var table in tables)
        {
            await using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
            await using var reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    values.Add(reader.GetValue(i) switch
                    {
                        byte[] blob => Encoding.UTF8.GetString(blob),
                        DBNull => string.Empty,
                        var other => Convert.ToString(other, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty,
                    });
                }
            }
        }

        return values;
    }
}
