using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using PowerFunctions.Domain.Common;
using PowerFunctions.Storage;

namespace PowerFunctions.App.Features.SignIn;

/// <summary>
/// Table <c>signinaudit</c>: every sign-in, refresh, sign-out and proof of identity that reached the
/// platform or one of our sessions, with its result (GB/T 22239 audit: who, when, what, whether it
/// succeeded). Partition = the China date (<c>yyyyMMdd</c>), row = newest first. Written before the answer;
/// attempts the rate limiter turned away are logged, not stored (a flood must not become a flood of writes).
/// </summary>
public sealed class SignInAudit(IStorageAccount storage, TimeProvider clock)
{
    private ITableClient Table => storage.GetTableClient(SignInTables.Audit);

    public Task CreateTableAsync(CancellationToken cancellationToken) => Table.CreateIfNotExistsAsync(cancellationToken);

    public Task RecordAsync(string kind, string result, string? subject, string? sessionId, string correlationId, CancellationToken cancellationToken, bool newSubject = false)
    {
        var at = clock.GetUtcNow();
        // Newest first; at one instant (the manual clock stands still) the machine's monotonic timestamp orders them.
        var row = $"{DateTimeOffset.MaxValue.UtcTicks - at.UtcTicks:D19}-{long.MaxValue - Stopwatch.GetTimestamp():D19}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}";
        return Table.AddEntityAsync(
            new TableEntity(Partition(ChinaTime.DateOf(at)), row)
            {
                ["At"] = at,
                ["Kind"] = kind,
                ["Result"] = result,
                ["Subject"] = subject,
                ["SessionId"] = sessionId,
                ["NewSubject"] = newSubject,
                ["CorrelationId"] = correlationId,
            },
            cancellationToken);
    }

    /// <summary>One China day's entries, newest first.</summary>
    public async Task<IReadOnlyList<SignInAuditEntry>> ListAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var entries = new List<SignInAuditEntry>();
        string? continuation = null;
        do
        {
            var page = await Table.QueryAsync(TableQuery.Partition(Partition(day)) with { ContinuationToken = continuation }, cancellationToken).ConfigureAwait(false);
            entries.AddRange(page.Entities.Select(e => new SignInAuditEntry(
                e.GetDateTimeOffset("At") ?? default,
                e.GetString("Kind") ?? string.Empty,
                e.GetString("Result") ?? string.Empty,
                e.GetString("Subject"),
                e.GetString("SessionId"),
                e.GetBoolean("NewSubject") ?? false,
                e.GetString("CorrelationId") ?? string.Empty)));
            continuation = page.ContinuationToken;
        }
        while (continuation is not null);
        return entries;
    }

    private static string Partition(DateOnly day) => day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
}
