using System.Globalization;
using System.Text;
using System.Text.Json;
using PowerFunctions.Domain.Enforcement;
using PowerFunctions.Storage;

namespace PowerFunctions.App.Features.Enforcement;

/// <summary>
/// The two read models of decided penalty cases, rebuilt idempotently from a committed case (after each
/// commit, and again by a durable timer, so a crash between loses nothing):
/// <list type="bullet">
/// <item><c>penaltydecided</c>: every penalty decided, one partition per department, row = case number —
/// what supervision reads for the discretion report (国办发〔2022〕27号);</item>
/// <item><c>penaltypublished</c>: every published decision as the public sees it (<see cref="PenaltyPublication"/>:
/// the person masked, no id number, no address), in partition <c>all</c> and in the department's partition
/// <c>d-{dept}</c>, newest first by row key <c>{99999999 − yyyyMMdd of publication}-{caseNo}</c>.</item>
/// </list>
/// </summary>
public sealed class DecisionRegister(IStorageAccount storage)
{
    public const int MaxPageSize = 100;

    private const string AllPartition = "all";

    private readonly ITableClient _decided = storage.GetTableClient(EnforcementTables.Decided);
    private readonly ITableClient _published = storage.GetTableClient(EnforcementTables.Published);

    /// <summary>Writes what <paramref name="c"/> says: its decided penalty, its publication (each only once it exists).</summary>
    public async Task ProjectAsync(PenaltyCase c, CancellationToken cancellationToken)
    {
        if (DecidedPenalty.Of(c) is { } decided)
        {
            var record = new DecidedRecord(decided, c.Terms.DepartmentName, c.Terms.ItemName, c.Terms.Discretion.TierFor(decided.Circumstance));
            await _decided.UpsertEntityAsync(
                new TableEntity(decided.Department, c.CaseNo) { ["Data"] = JsonSerializer.Serialize(record, PenaltyChain.DataOptions) },
                cancellationToken).ConfigureAwait(false);
        }

        if (PenaltyPublication.Of(c) is { } publication)
        {
            var data = JsonSerializer.Serialize(publication, PenaltyChain.DataOptions);
            var row = PublishedRow(publication);
            await _published.UpsertEntityAsync(new TableEntity(AllPartition, row) { ["Data"] = data }, cancellationToken).ConfigureAwait(false);
            await _published.UpsertEntityAsync(new TableEntity(DepartmentPartition(c.Terms.DepartmentCode), row) { ["Data"] = data }, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The penalties decided, of one department or all.</summary>
    public async Task<IReadOnlyList<DecidedRecord>> DecidedAsync(string? department, CancellationToken cancellationToken)
    {
        var found = new List<DecidedRecord>();
        string? token = null;
        var query = department is null ? new TableQuery() : TableQuery.Partition(department);
        do
        {
            var page = await _decided.QueryAsync(query with { ContinuationToken = token }, cancellationToken).ConfigureAwait(false);
            found.AddRange(page.Entities.Select(e => JsonSerializer.Deserialize<DecidedRecord>(e.GetString("Data") ?? "null", PenaltyChain.DataOptions)!));
            token = page.ContinuationToken;
        }
        while (token is not null);

        return found;
    }

    /// <summary>
    /// One page of published decisions, newest first, of one department or all. <paramref name="after"/> is
    /// the continuation the previous page answered (opaque to callers: the last row key, base64url); the
    /// answer's continuation is null on the last page.
    /// </summary>
    public async Task<(IReadOnlyList<PenaltyPublication> Items, string? Continuation)> PublishedAsync(string? department, int pageSize, string? after, CancellationToken cancellationToken)
    {
        var partition = department is null ? AllPartition : DepartmentPartition(department);
        var from = after is null ? null : Decode(after) + "\0";
        var items = new List<(string Row, PenaltyPublication Item)>();
        string? token = null;
        do
        {
            var page = await _published.QueryAsync(
                new TableQuery { PartitionKey = partition, RowKeyFrom = from, PageSize = Math.Min(1000, pageSize + 1 - items.Count), ContinuationToken = token },
                cancellationToken).ConfigureAwait(false);
            items.AddRange(page.Entities.Select(e => (e.RowKey, JsonSerializer.Deserialize<PenaltyPublication>(e.GetString("Data") ?? "null", PenaltyChain.DataOptions)!)));
            token = page.ContinuationToken;
        }
        while (token is not null && items.Count <= pageSize);

        var shown = items.Take(pageSize).ToArray();
        var more = items.Count > pageSize;
        return (shown.Select(i => i.Item).ToArray(), more ? Encode(shown[^1].Row) : null);
    }

    /// <summary>True when <paramref name="continuation"/> is one this register handed out.</summary>
    public static bool IsContinuation(string continuation)
    {
        try
        {
            var row = Decode(continuation);
            return row.Length is > 9 and <= 100 && row[8] == '-' && row[..8].All(char.IsAsciiDigit);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static string PublishedRow(PenaltyPublication p) =>
        string.Create(CultureInfo.InvariantCulture, $"{99999999 - int.Parse(p.PublishedOn.ToString("yyyyMMdd", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture):D8}-{p.CaseNo}");

    private static string DepartmentPartition(string department) => "d-" + department;

    private static string Encode(string row) => Convert.ToBase64String(Encoding.UTF8.GetBytes(row)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string Decode(string token)
    {
        var text = token.Replace('-', '+').Replace('_', '/');
        text = text.PadRight(text.Length + ((4 - (text.Length % 4)) % 4), '=');
        return Encoding.UTF8.GetString(Convert.FromBase64String(text));
    }
}
