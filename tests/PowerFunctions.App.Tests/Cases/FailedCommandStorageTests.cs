using System.Net;
using PowerFunctions.App.Tests.Support;

namespace PowerFunctions.App.Tests.Cases;

/// <summary>
/// API.md: "No failed request changes stored data". A command whose commit fails (here: a text past the
/// storage's 32,768-character property limit, which the commit, not the validation, refuses) leaves
/// every row, blob and message of the store as it was: no timer rows of the change that never happened.
/// </summary>
public sealed class FailedCommandStorageTests
{
    private static readonly string TooLong = new('长', 40_000);

    [Theory]
    [InlineData("extend")]
    [InlineData("supplement")]
    [InlineData("correction-notice")]
    [InlineData("refuse")]
    [InlineData("withdraw")]
    [InlineData("suspend")]
    public async Task Command_CommitFails_StoreUnchanged(string action)
    {
        await using var app = await CaseApp.StartAsync();
        var caseNo = await app.NewCaseAsync();
        var (client, body) = action switch
        {
            "extend" => (app.Decider, (object)new { workingDays = 3, reason = TooLong }),
            "supplement" => (app.Citizen, new { materials = new[] { new { code = "M1", name = TooLong } } }),
            "correction-notice" => (app.Acceptor, new { missing = new[] { new { code = "M1", reason = TooLong } } }),
            "refuse" => (app.Acceptor, new { reason = TooLong }),
            "withdraw" => (app.Citizen, new { reason = TooLong }),
            _ => (app.ReviewerA, new { reason = "testing", note = TooLong }),
        };
        if (action == "supplement")
        {
            await app.OkAsync(app.Acceptor, caseNo, "correction-notice", new { missing = new[] { new { code = "M1", reason = "缺少签字页" } } });
        }
        else if (action is "extend" or "suspend")
        {
            await app.OkAsync(app.Acceptor, caseNo, "accept");
        }

        var version = (await app.CaseAsync(caseNo)).GetProperty("version").GetInt64();
        var before = StoredRows.Of(app.App); // after the read: reading a case view is itself audited (a row of personaldatareads)

        var failed = await app.ActAsync(client, caseNo, action, body);
        var after = StoredRows.Of(app.App);

        Assert.False(failed.IsSuccessStatusCode, $"{action} answered {(int)failed.StatusCode}");
        Assert.Empty(StoredRows.Changes(before, after));
        Assert.Equal(version, (await app.CaseAsync(caseNo)).GetProperty("version").GetInt64());
    }
}
