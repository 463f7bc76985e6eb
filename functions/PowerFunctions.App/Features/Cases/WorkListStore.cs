using System.Globalization;
using Azure;
using PowerFunctions.Domain.Calendar;
using PowerFunctions.Domain.Cases;
using PowerFunctions.Domain.Common;
using PowerFunctions.Storage;

namespace PowerFunctions.App.Features.Cases;

/// <summary>
/// Table <c>worklist</c>: the index the work list (<c>GET /api/cases</c>) reads instead of the cases. Each
/// case has a row in partition <c>all</c> (supervisors), one in <c>dept-{lead}</c> and, for a jointly
/// handled item, one in <c>dept-{department}</c> of each department giving an opinion. Row keys sort
/// newest first: <c>{9999999999999 − received Unix ms, 13 digits}-{caseNo}</c>. Rows are written after
/// each commit and by the <c>case-worklist</c> durable timer scheduled before it (a crash in between is
/// repaired by the next sweep); a row is replaced only by one from a newer case version.
/// </summary>
public sealed class WorkListStore(IStorageAccount storage)
{
    public const string TableName = "worklist";

    /// <summary>The partition every case is in (supervisors' list).</summary>
    public const string AllPartition = "all";

    private const long Ceiling = 9_999_999_999_999;

    private readonly ITableClient _table = storage.GetTableClient(TableName);

    /// <summary>The partition of a department's list.</summary>
    public static string DepartmentPartition(string departmentCode) => "dept-" + departmentCode;

    /// <summary>The row key of a case: newest first, then by case number.</summary>
    public static string RowKey(DateTimeOffset receivedAt, string caseNo) =>
        (Ceiling - receivedAt.ToUnixTimeMilliseconds()).ToString("D13", CultureInfo.InvariantCulture) + "-" + caseNo;

    /// <summary>True for a string shaped like a row key of this table (a continuation token's position).</summary>
    public static bool IsRowKey(string key) =>
        key.Length is > 14 and <= 80 && key[..13].All(char.IsAsciiDigit) && key[13] == '-' && CaseStore.IsCaseNo(key[14..]);

    /// <summary>The rows <paramref name="c"/> gives under <paramref name="calendar"/> today, by partition.</summary>
    public static IReadOnlyList<(string Partition, WorkListEntry Entry)> RowsOf(Case c, IWorkingCalendar calendar, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(c);
        var open = CaseDeadlines.Compute(c, calendar, ChinaTime.DateOf(now)).Where(d => d.IsOpen).ToList();
        var lead = Entry(c, open.Where(d => d.Kind != DeadlineKind.JointOpinion).OrderBy(d => d.Due).ThenBy(d => d.Kind).FirstOrDefault());
        var rows = new List<(string, WorkListEntry)> { (AllPartition, lead), (DepartmentPartition(c.Terms.DepartmentCode), lead) };
        foreach (var department in c.Terms.JointHandling?.Departments ?? [])
        {
            if (department.Code != c.Terms.DepartmentCode)
            {
                rows.Add((DepartmentPartition(department.Code), Entry(c, open.FirstOrDefault(d => d.Kind == DeadlineKind.JointOpinion && d.Party == department.Code))));
            }
        }

        return rows;
    }

    /// <summary>Writes the rows of <paramref name="c"/> unless a row of the same or a newer version is there; answers how many were written.</summary>
    public async Task<int> WriteAsync(Case c, IWorkingCalendar calendar, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var rowKey = RowKey(c.Events[0].Instant, c.CaseNo);

        // A new case has no rows yet: create them straight away (a 409 means one came first: then read and
        // compare). The rows are in different partitions: written side by side.
        var isNew = c.Version == 1;
        var written = await Task.WhenAll(RowsOf(c, calendar, now).Select(r => WriteRowAsync(r.Partition, rowKey, r.Entry, isNew, cancellationToken))).ConfigureAwait(false);
        return written.Count(w => w);
    }

    /// <summary>The version the lead's row was written from, or null when the case has no row yet.</summary>
    public async Task<long?> VersionAsync(Case c, CancellationToken cancellationToken)
    {
        var row = await _table.GetEntityAsync(DepartmentPartition(c.Terms.DepartmentCode), RowKey(c.Events[0].Instant, c.CaseNo), cancellationToken).ConfigureAwait(false);
        return row?.GetInt64("Version");
    }

    /// <summary>
    /// Reads <paramref name="partition"/> from just after <paramref name="after"/> (null: the start) until
    /// <paramref name="pageSize"/> rows match or <paramref name="scanLimit"/> rows were read; answers the
    /// matching entries and the last row key read when more may follow (null at the end of the list).
    /// </summary>
    public async Task<(IReadOnlyList<WorkListEntry> Items, string? Last)> ReadAsync(string partition, string? after, Func<WorkListEntry, bool> match, int pageSize, int scanLimit, CancellationToken cancellationToken)
    {
        var items = new List<WorkListEntry>(pageSize);
        var scanned = 0;
        string? last = null;
        string? token = null;
        do
        {
            var query = new TableQuery
            {
                PartitionKey = partition,
                RowKeyFrom = after,
                PageSize = Math.Clamp(scanLimit - scanned + 1, 1, 1000),
                ContinuationToken = token,
            };
            var page = await _table.QueryAsync(query, cancellationToken).ConfigureAwait(false);
            foreach (var row in page.Entities)
            {
                if (after is not null && string.CompareOrdinal(row.RowKey, after) <= 0)
                {
                    continue; // the row the previous page ended on
                }

                scanned++;
                last = row.RowKey;
                var entry = ToEntry(row);
                if (match(entry))
                {
                    items.Add(entry);
                    if (items.Count == pageSize)
                    {
                        return (items, last);
                    }
                }

                if (scanned >= scanLimit)
                {
                    return (items, last);
                }
            }

            token = page.ContinuationToken;
        }
        while (token is not null);

        return (items, null);
    }

    private async Task<bool> WriteRowAsync(string partition, string rowKey, WorkListEntry entry, bool isNew, CancellationToken cancellationToken)
    {
        if (isNew)
        {
            try
            {
                await _table.AddEntityAsync(ToRow(partition, rowKey, entry), cancellationToken).ConfigureAwait(false);
                return true;
            }
            catch (RequestFailedException e) when (StorageErrors.IsConflict(e))
            {
                // written already (a retry, or the repair timer): compare versions below
            }
        }

        for (var attempt = 1; ; attempt++)
        {
            var existing = await _table.GetEntityAsync(partition, rowKey, cancellationToken).ConfigureAwait(false);
            if (existing is not null && (existing.GetInt64("Version") ?? 0) >= entry.Version)
            {
                return false;
            }

            var row = ToRow(partition, rowKey, entry);
            try
            {
                if (existing is null)
                {
                    await _table.AddEntityAsync(row, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await _table.UpdateEntityAsync(row, existing.ETag, cancellationToken).ConfigureAwait(false);
                }

                return true;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412 && attempt < 5)
            {
                // another writer came first: look again
            }
        }
    }

    private static WorkListEntry Entry(Case c, CaseDeadline? next) => new(
        c.CaseNo,
        c.Terms.ItemCode,
        c.Terms.ItemName,
        c.Terms.DepartmentCode,
        CaseNames.Of(c.State),
        c.Events[0].At,
        c.Version,
        next is null ? null : new WorkListDeadline(next.Code, next.Due, next.Provisional, next.Stopped));

    private static TableEntity ToRow(string partition, string rowKey, WorkListEntry e)
    {
        var row = new TableEntity(partition, rowKey)
        {
            ["CaseNo"] = e.CaseNo,
            ["ItemCode"] = e.ItemCode,
            ["ItemName"] = e.ItemName,
            ["DepartmentCode"] = e.DepartmentCode,
            ["State"] = e.State,
            ["ReceivedAt"] = e.ReceivedAt,
            ["Version"] = e.Version,
        };
        if (e.Next is { } next)
        {
            row["NextKind"] = next.Kind;
            row["NextDue"] = next.Due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            row["NextProvisional"] = next.Provisional;
            row["NextStopped"] = next.Stopped;
        }

        return row;
    }

    private static WorkListEntry ToEntry(TableEntity row)
    {
        WorkListDeadline? next = null;
        if (row.GetString("NextKind") is { } kind
            && DateOnly.TryParseExact(row.GetString("NextDue"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var due))
        {
            next = new WorkListDeadline(kind, due, row.GetBoolean("NextProvisional") ?? false, row.GetBoolean("NextStopped") ?? false);
        }

        return new WorkListEntry(
            row.GetString("CaseNo") ?? string.Empty,
            row.GetString("ItemCode") ?? string.Empty,
            row.GetString("ItemName") ?? string.Empty,
            row.GetString("DepartmentCode") ?? string.Empty,
            row.GetString("State") ?? string.Empty,
            row.GetString("ReceivedAt") ?? string.Empty,
            row.GetInt64("Version") ?? 0,
            next);
    }
}
