using System.Globalization;
using System.Text;
using System.Text.Json;
using Azure;
using PowerFunctions.Domain.Catalog;
using PowerFunctions.Domain.Common;
using PowerFunctions.Domain.Complaints;
using PowerFunctions.Storage;

namespace PowerFunctions.App.Features.Complaints;

/// <summary>
/// Table <c>ticketlist</c>, the read side of tickets:
/// <list type="bullet">
/// <item>partition <c>all</c> and <c>d|{department}</c> (the owner, and the target of a pending transfer), row
/// <c>{inverted receipt ticks}|{ticketNo}</c> (newest first): one list row per ticket with what the work lists
/// and the supervisors' summary show (contact masked; <see cref="ComplaintListRow"/>);</item>
/// <item>partition <c>o311</c>, same rows for the tickets filed through Open311, with their GeoReport v2 view;</item>
/// <item>partition <c>open</c>, row ticketNo: every ticket not closed (what a calendar change visits);</item>
/// <item>partition <c>c|{caseNo}</c>, row ticketNo: the tickets naming a case.</item>
/// </list>
/// The open and case rows are written before the ticket's commit (a row whose ticket never committed is
/// skipped); list rows after it, only ever replaced by a newer version (a durable timer scheduled before the
/// commit writes them again, so a crash in between leaves them stale for at most one sweep).
/// </summary>
public sealed class ComplaintProjection(IStorageAccount storage, ComplaintDirectory directory)
{
    public const string AllPartition = "all";
    public const string Open311Partition = "o311";
    public const string OpenPartition = "open";

    /// <summary>The most list rows one list call reads while filtering; the continuation carries on from there.</summary>
    public const int MaxScannedRows = 2000;

    private const int MaxAttempts = 8;

    private readonly ITableClient _table = storage.GetTableClient(ComplaintTables.List);

    public static string DepartmentPartition(string department) => "d|" + department;

    public static string CasePartition(string caseNo) => "c|" + caseNo;

    /// <summary>Newest first: the receipt instant inverted, then the ticket number.</summary>
    public static string ListRowKey(DateTimeOffset receivedAt, string ticketNo) =>
        string.Create(CultureInfo.InvariantCulture, $"{DateTimeOffset.MaxValue.UtcTicks - receivedAt.UtcTicks:D19}|{ticketNo}");

    /// <summary>Marks a ticket open (before a commit that leaves it open).</summary>
    public Task MarkOpenAsync(string ticketNo, CancellationToken cancellationToken) =>
        _table.UpsertEntityAsync(new TableEntity(OpenPartition, ticketNo), cancellationToken);

    /// <summary>Every ticket number in the open index, page by page.</summary>
    public IAsyncEnumerable<string> OpenAsync(CancellationToken cancellationToken) => KeysAsync(OpenPartition, cancellationToken);

    /// <summary>Links a ticket to the case it names (before the ticket is created).</summary>
    public Task LinkCaseAsync(string caseNo, string ticketNo, CancellationToken cancellationToken) =>
        _table.UpsertEntityAsync(new TableEntity(CasePartition(caseNo), ticketNo), cancellationToken);

    /// <summary>The ticket numbers linked to a case.</summary>
    public IAsyncEnumerable<string> CaseTicketsAsync(string caseNo, CancellationToken cancellationToken) => KeysAsync(CasePartition(caseNo), cancellationToken);

    /// <summary>
    /// Writes the read side of <paramref name="complaint"/> at its version: its list rows (replacing older ones
    /// only), the Open311 row, the open index, and removes the rows of departments it left.
    /// </summary>
    public async Task ProjectAsync(Complaint complaint, IReadOnlyList<ComplaintDeadline> deadlines, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        var c = complaint;
        var rowKey = ListRowKey(c.ReceivedAt, c.TicketNo);
        var row = ComplaintListRow.From(c, deadlines);
        var current = new HashSet<string>(StringComparer.Ordinal);
        if (c.Owner is { } owner)
        {
            current.Add(owner);
        }

        if (c.PendingTransfer?.To is { } target)
        {
            current.Add(target);
        }

        foreach (var department in current)
        {
            await WriteIfNewerAsync(row.ToEntity(DepartmentPartition(department), rowKey), c.Version, cancellationToken).ConfigureAwait(false);
        }

        if (c.Channel == ComplaintChannel.Open311)
        {
            var departments = await directory.DepartmentsAsync(cancellationToken).ConfigureAwait(false);
            var entity = row.ToEntity(Open311Partition, rowKey);
            entity["Open311"] = JsonSerializer.Serialize(Open311Views.Request(c, deadlines, departments));
            await WriteIfNewerAsync(entity, c.Version, cancellationToken).ConfigureAwait(false);
        }

        foreach (var former in Involved(c).Where(d => !current.Contains(d)))
        {
            await _table.DeleteEntityAsync(DepartmentPartition(former), rowKey, ETag.All, cancellationToken).ConfigureAwait(false);
        }

        if (ComplaintStateMachine.IsFinal(c.State))
        {
            await _table.DeleteEntityAsync(OpenPartition, c.TicketNo, ETag.All, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await MarkOpenAsync(c.TicketNo, cancellationToken).ConfigureAwait(false);
        }

        // Last: the row of "all" at this version says the whole projection of this version is written.
        await WriteIfNewerAsync(row.ToEntity(AllPartition, rowKey), c.Version, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The version of the ticket's list row, or null when it has none (projected before, or not yet).</summary>
    public async Task<long?> ProjectedVersionAsync(DateTimeOffset receivedAt, string ticketNo, CancellationToken cancellationToken)
    {
        var row = await _table.GetEntityAsync(AllPartition, ListRowKey(receivedAt, ticketNo), cancellationToken).ConfigureAwait(false);
        return row?.GetInt64("Version");
    }

    /// <summary>
    /// A page of list rows of <paramref name="partition"/> that match <paramref name="match"/>, newest first,
    /// reading at most <see cref="MaxScannedRows"/> rows; the continuation (opaque) carries on after the last row
    /// read, null when the partition is exhausted. A page may hold fewer rows than asked, even none, with a continuation.
    /// </summary>
    public async Task<(IReadOnlyList<ComplaintListRow> Rows, string? Continuation)> ListAsync(
        string partition, string? continuation, int pageSize, Func<ComplaintListRow, bool> match, CancellationToken cancellationToken)
    {
        var query = new TableQuery { PartitionKey = partition, RowKeyFrom = After(continuation), PageSize = 1000 };
        var rows = new List<ComplaintListRow>();
        var scanned = 0;
        while (true)
        {
            var page = await _table.QueryAsync(query, cancellationToken).ConfigureAwait(false);
            foreach (var entity in page.Entities)
            {
                scanned++;
                var row = ComplaintListRow.From(entity);
                if (match(row))
                {
                    rows.Add(row);
                }

                if (rows.Count == pageSize || scanned == MaxScannedRows)
                {
                    return (rows, Token(entity.RowKey));
                }
            }

            if (page.ContinuationToken is null)
            {
                return (rows, null);
            }

            query = query with { ContinuationToken = page.ContinuationToken };
        }
    }

    /// <summary>Every list row of <paramref name="partition"/> received in [<paramref name="from"/>, <paramref name="to"/>), newest first (the summary and the Open311 list).</summary>
    public async IAsyncEnumerable<TableEntity> ReceivedBetweenAsync(string partition, DateTimeOffset from, DateTimeOffset to, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Inverted ticks: the later instant has the smaller key. [to, from) in time is [key(to), key(from)) in keys,
        // the first key of an instant being "{ticks}|" and "{ticks}|" + ticket numbers following it.
        var query = new TableQuery
        {
            PartitionKey = partition,
            RowKeyFrom = ListRowKey(to.AddTicks(-1), string.Empty),
            RowKeyTo = ListRowKey(from.AddTicks(-1), string.Empty),
        };
        while (true)
        {
            var page = await _table.QueryAsync(query, cancellationToken).ConfigureAwait(false);
            foreach (var entity in page.Entities)
            {
                yield return entity;
            }

            if (page.ContinuationToken is null)
            {
                yield break;
            }

            query = query with { ContinuationToken = page.ContinuationToken };
        }
    }

    /// <summary>The row of the Open311 list for a ticket filed through Open311, or null.</summary>
    public async Task<Open311RequestView?> Open311Async(DateTimeOffset receivedAt, string ticketNo, CancellationToken cancellationToken)
    {
        var row = await _table.GetEntityAsync(Open311Partition, ListRowKey(receivedAt, ticketNo), cancellationToken).ConfigureAwait(false);
        return row?.GetString("Open311") is { } json ? JsonSerializer.Deserialize<Open311RequestView>(json) : null;
    }

    /// <summary>The GeoReport v2 view kept on an Open311 list row.</summary>
    public static Open311RequestView? Open311Of(TableEntity row) =>
        row.GetString("Open311") is { } json ? JsonSerializer.Deserialize<Open311RequestView>(json) : null;

    /// <summary>Is <paramref name="token"/> one this projection issued (a row key, base64url)?</summary>
    public static bool IsContinuation(string? token) => token is null || Decode(token) is not null;

    /// <summary>Every department the ticket has reached, asked or been owned by.</summary>
    private static HashSet<string> Involved(Complaint c)
    {
        var departments = new HashSet<string>(StringComparer.Ordinal);
        if (c.FirstDepartment is { } first)
        {
            departments.Add(first);
        }

        foreach (var t in c.Transfers)
        {
            departments.Add(t.From);
            departments.Add(t.To);
        }

        foreach (var a in c.Acceptances)
        {
            departments.Add(a.Department);
        }

        return departments;
    }

    private async Task WriteIfNewerAsync(TableEntity entity, long version, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            // A ticket's first version has no row yet: add it straight away, read only when one is there.
            var existing = attempt == 0 && version == 1 ? null : await _table.GetEntityAsync(entity.PartitionKey, entity.RowKey, cancellationToken).ConfigureAwait(false);
            try
            {
                if (existing is null)
                {
                    await _table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
                    return;
                }

                if ((existing.GetInt64("Version") ?? 0) >= version)
                {
                    return;
                }

                await _table.UpdateEntityAsync(entity, existing.ETag, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
                // another writer came first: look again
            }
        }

        throw new InvalidOperationException($"list row {entity.PartitionKey}/{entity.RowKey} kept changing; the projection timer writes it later");
    }

    private async IAsyncEnumerable<string> KeysAsync(string partition, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var query = TableQuery.Partition(partition);
        while (true)
        {
            var page = await _table.QueryAsync(query, cancellationToken).ConfigureAwait(false);
            foreach (var row in page.Entities)
            {
                yield return row.RowKey;
            }

            if (page.ContinuationToken is null)
            {
                yield break;
            }

            query = query with { ContinuationToken = page.ContinuationToken };
        }
    }

    /// <summary>The first row key after <paramref name="token"/>'s: a space sorts below every character a row key continues with.</summary>
    private static string? After(string? token) => token is null ? null : Decode(token) + " ";

    private static string Token(string rowKey) => Convert.ToBase64String(Encoding.UTF8.GetBytes(rowKey)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string? Decode(string token)
    {
        if (token.Length is 0 or > 200)
        {
            return null;
        }

        var base64 = token.Replace('-', '+').Replace('_', '/');
        base64 += new string('=', (4 - (base64.Length % 4)) % 4);
        try
        {
            var key = Encoding.UTF8.GetString(Convert.FromBase64String(base64));
            return key.Length > 20 && key[19] == '|' && key[..19].All(char.IsAsciiDigit) ? key : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
