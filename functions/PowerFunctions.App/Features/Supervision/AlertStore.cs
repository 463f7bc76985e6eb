using System.Globalization;
using Azure;
using PowerFunctions.Domain.Supervision;
using PowerFunctions.Storage;

namespace PowerFunctions.App.Features.Supervision;

/// <summary>
/// The supervision alerts (table <see cref="TableName"/>), recorded under <see cref="AlertRecordRules"/>:
/// <list type="bullet">
/// <item>a record row per (case, deadline kind, level) in the level's partition (<c>yellow</c>, <c>red</c>),
/// row key <c>{department}|{caseNo}|{deadlineKind}</c>: listing a level is a partition query, a level and
/// department a row-prefix query;</item>
/// <item>an index row per record in the case's partition (<c>case|{caseNo}</c>, row <c>{deadlineKind}|{level}</c>),
/// written first, so that resolving a deadline finds its records without knowing the department.</item>
/// </list>
/// Both rows are create-only: raising an alert again (a repeated sweep) changes nothing.
/// </summary>
public sealed class AlertStore(IStorageAccount storage) : IAlertSink
{
    public const string TableName = "alerts";

    private const int MaxRetries = 20;

    private readonly ITableClient _table = storage.GetTableClient(TableName);

    public async Task RaiseAsync(AlertRaised alert, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var level = alert.Level;

        ValidateKeyPart(alert.CaseNo, nameof(alert.CaseNo));
        ValidateKeyPart(alert.DepartmentCode, nameof(alert.DepartmentCode));
        ValidateKeyPart(alert.DeadlineKind, nameof(alert.DeadlineKind));

        var existing = await LevelsOfAsync(alert.CaseNo, alert.DeadlineKind, cancellationToken).ConfigureAwait(false);
        var record = AlertRecordRules.Raise(
            new AlertRecord(alert.CaseNo, alert.DepartmentCode, alert.ItemCode, alert.DeadlineKind, level, alert.Due, alert.RaisedAt),
            existing.Select(e => e.Level));

        var index = new TableEntity(CasePartition(alert.CaseNo), $"{alert.DeadlineKind}|{AlertRecordRules.Name(level)}")
        {
            ["Department"] = alert.DepartmentCode,
        };
        await AddIfAbsentAsync(index, cancellationToken).ConfigureAwait(false);
        await AddIfAbsentAsync(ToEntity(record), cancellationToken).ConfigureAwait(false);

        // Red supersedes yellow; done on every raise, so a crash after the rows above is repaired by the retry.
        foreach (var (olderLevel, department) in existing)
        {
            if (AlertRecordRules.Supersedes(level, olderLevel))
            {
                await ChangeAsync(olderLevel, department, alert.CaseNo, alert.DeadlineKind, r => AlertRecordRules.SupersedeBy(r, level, alert.RaisedAt), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public async Task ResolveAsync(string caseNo, string deadlineKind, DateTimeOffset resolvedAt, CancellationToken cancellationToken)
    {
        ValidateKeyPart(caseNo, nameof(caseNo));
        ValidateKeyPart(deadlineKind, nameof(deadlineKind));
        foreach (var (level, department) in await LevelsOfAsync(caseNo, deadlineKind, cancellationToken).ConfigureAwait(false))
        {
            await ChangeAsync(level, department, caseNo, deadlineKind, r => AlertRecordRules.Resolve(r, resolvedAt), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The records of <paramref name="level"/> (both when null), of one department or all, in <paramref name="status"/> (every status when null), by due date then case.</summary>
    public async Task<IReadOnlyList<AlertRecord>> ListAsync(AlertLevel? level, string? department, AlertStatus? status, CancellationToken cancellationToken)
    {
        var records = new List<AlertRecord>();
        foreach (var l in level is { } one ? [one] : new[] { AlertLevel.Yellow, AlertLevel.Red })
        {
            var query = department is null
                ? TableQuery.Partition(AlertRecordRules.Name(l))
                : TableQuery.RowPrefix(AlertRecordRules.Name(l), department + "|");
            while (true)
            {
                var page = await _table.QueryAsync(query, cancellationToken).ConfigureAwait(false);
                records.AddRange(page.Entities.Select(FromEntity).Where(r => AlertRecordRules.IsListed(r, status)));
                if (page.ContinuationToken is null)
                {
                    break;
                }

                query = query with { ContinuationToken = page.ContinuationToken };
            }
        }

        return [.. records.OrderBy(r => r.Due).ThenBy(r => r.CaseNo, StringComparer.Ordinal).ThenBy(r => r.DeadlineKind, StringComparer.Ordinal).ThenBy(r => r.Level)];
    }

    /// <summary>The levels already recorded for a deadline, with their department, from the case's index rows.</summary>
    private async Task<List<(AlertLevel Level, string Department)>> LevelsOfAsync(string caseNo, string deadlineKind, CancellationToken cancellationToken)
    {
        var page = await _table.QueryAsync(TableQuery.RowPrefix(CasePartition(caseNo), deadlineKind + "|"), cancellationToken).ConfigureAwait(false);
        var levels = new List<(AlertLevel, string)>();
        foreach (var row in page.Entities)
        {
            if (AlertRecordRules.TryParseLevel(row.RowKey[(deadlineKind.Length + 1)..], out var level) && row.GetString("Department") is { } department)
            {
                levels.Add((level, department));
            }
        }

        return levels;
    }

    private async Task ChangeAsync(AlertLevel level, string department, string caseNo, string deadlineKind, Func<AlertRecord, AlertRecord> change, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxRetries; attempt++)
        {
            var row = await _table.GetEntityAsync(AlertRecordRules.Name(level), RecordRow(department, caseNo, deadlineKind), cancellationToken).ConfigureAwait(false);
            if (row is null)
            {
                return; // the index row was written but the record not (a crash): the next raise writes it
            }

            var before = FromEntity(row);
            var after = change(before);
            if (after == before)
            {
                return;
            }

            try
            {
                await _table.UpdateEntityAsync(ToEntity(after), row.ETag, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (RequestFailedException e) when (StorageErrors.IsPreconditionFailed(e))
            {
                // Changed meanwhile: read again.
            }
        }

        throw new InvalidOperationException($"alert {caseNo}/{deadlineKind}/{AlertRecordRules.Name(level)} kept changing; gave up");
    }

    private async Task AddIfAbsentAsync(TableEntity entity, CancellationToken cancellationToken)
    {
        try
        {
            await _table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (StorageErrors.IsConflict(e))
        {
            // Raised before: one record per (case, deadline kind, level).
        }
    }

    private static string CasePartition(string caseNo) => "case|" + caseNo;

    private static string RecordRow(string department, string caseNo, string deadlineKind) => $"{department}|{caseNo}|{deadlineKind}";

    private static TableEntity ToEntity(AlertRecord record)
    {
        var entity = new TableEntity(AlertRecordRules.Name(record.Level), RecordRow(record.Department, record.CaseNo, record.DeadlineKind))
        {
            ["CaseNo"] = record.CaseNo,
            ["Department"] = record.Department,
            ["ItemCode"] = record.ItemCode,
            ["DeadlineKind"] = record.DeadlineKind,
            ["Due"] = record.Due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["RaisedAt"] = record.RaisedAt,
        };
        if (record.ResolvedAt is { } resolved)
        {
            entity["ResolvedAt"] = resolved;
        }

        if (record.SupersededAt is { } superseded)
        {
            entity["SupersededAt"] = superseded;
        }

        return entity;
    }

    private static AlertRecord FromEntity(TableEntity row)
    {
        AlertRecordRules.TryParseLevel(row.PartitionKey, out var level);
        return new AlertRecord(
            row.GetString("CaseNo") ?? string.Empty,
            row.GetString("Department") ?? string.Empty,
            row.GetString("ItemCode") ?? string.Empty,
            row.GetString("DeadlineKind") ?? string.Empty,
            level,
            DateOnly.ParseExact(row.GetString("Due") ?? "0001-01-01", "yyyy-MM-dd", CultureInfo.InvariantCulture),
            row.GetDateTimeOffset("RaisedAt") ?? default,
            row.GetDateTimeOffset("ResolvedAt"),
            row.GetDateTimeOffset("SupersededAt"));
    }

    private static void ValidateKeyPart(string value, string name)
    {
        if (string.IsNullOrEmpty(value) || value.Any(c => c is '|' or '/' or '\\' or '#' or '?' || char.IsControl(c)))
        {
            throw new ArgumentException($"alert {name} '{value}' is empty or holds a character keys forbid (| / \\ # ?)", name);
        }
    }
}
