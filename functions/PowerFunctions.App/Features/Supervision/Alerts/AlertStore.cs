using System.Globalization;
using System.Text.Json;
using Azure;
using PowerFunctions.App.Http;
using PowerFunctions.Domain.Common;
using PowerFunctions.Domain.Supervision;
using PowerFunctions.Domain.Supervision.Alerts;
using PowerFunctions.Domain.Supervision.Reports;
using PowerFunctions.Storage;

namespace PowerFunctions.App.Features.Supervision.Alerts;

/// <summary>
/// The supervision alerts (预警纠错) as domain <see cref="Alert"/>s, table <c>supervisionalerts</c>:
/// <list type="bullet">
/// <item>partition <c>d|{department}</c>: the record <c>r|{id}</c> of every alert the department ever had (its whole
/// history), and while it is not closed a live copy <c>l|{id}</c> written in the SAME transaction, so the board reads
/// only what is live (a closed alert's live row becomes a closed tombstone in that transaction and is then deleted);</item>
/// <item>partition <c>loc</c>: one row per alert id naming its department, written first, so an id finds its alert.</item>
/// </list>
/// Ids are deterministic (<see cref="AlertKey.Id"/>) and every row is created create-only: each alert is raised once,
/// however often a sweep or a retry raises it. Raising also supersedes the yellow alert of the same clock and counts
/// the alert for the reports (<see cref="SupervisionCounters.ForAlert"/>) — both repeated on every raise, so a crash in
/// between is repaired by the timer that raises again. Changes go under the record's ETag. This is also the lifecycle's
/// <see cref="IAlertSink"/>.
/// </summary>
public sealed class AlertStore(IStorageAccount storage, SupervisionRegistry registry, ISupervisionCounters counters) : IAlertSink
{
    public const string TableName = "supervisionalerts";

    private const string LocatorPartition = "loc";
    private const int MaxRetries = 20;

    private readonly ITableClient _table = storage.GetTableClient(TableName);

    public Task RaiseAsync(AlertRaised alert, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var key = AlertKeys.From(alert.CaseNo, alert.DeadlineKind, alert.Level);
        return RaiseAsync(key, alert.DepartmentCode, string.IsNullOrEmpty(alert.ItemCode) ? null : alert.ItemCode, alert.Due, alert.RaisedAt, alert.DeadlineKind, cancellationToken);
    }

    public async Task ResolveAsync(string caseNo, string deadlineKind, DateTimeOffset resolvedAt, CancellationToken cancellationToken) =>
        await ResolveAsync(AlertKeys.From(caseNo, deadlineKind, AlertLevel.Red), resolvedAt, cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// Raises <paramref name="key"/> for <paramref name="department"/> (once: an alert raised before is answered as it is,
    /// after the repairs above). <paramref name="deadlineKind"/> is the clock's code as the raiser names it (the kind's code
    /// when null).
    /// </summary>
    public async Task<Alert> RaiseAsync(AlertKey key, string department, string? itemCode, DateOnly due, DateTimeOffset raisedAt, string? deadlineKind, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var existing = await FindAsync(key.Id, cancellationToken).ConfigureAwait(false);
        Alert alert;
        if (existing is not null)
        {
            alert = existing.Value.Alert.ToAlert();
        }
        else
        {
            var other = await FindAsync(key.At(key.Level == AlertLevel.Red ? AlertLevel.Yellow : AlertLevel.Red).Id, cancellationToken).ConfigureAwait(false);
            var raised = Alert.Raise(key, department, itemCode, due, raisedAt, other is { } o ? [o.Alert.ToAlert()] : []);
            if (!raised.IsSuccess)
            {
                throw new ArgumentException($"alert {key.Id} cannot be raised: {raised.Error.Detail}", nameof(department));
            }

            alert = raised.Value;
            await registry.NoteDepartmentAsync(department, cancellationToken).ConfigureAwait(false);
            await AddIfAbsentAsync(new TableEntity(LocatorPartition, key.Id) { ["Department"] = department }, cancellationToken).ConfigureAwait(false);
            var stored = StoredAlert.From(alert, deadlineKind ?? key.Kind.Code);
            try
            {
                var actions = new List<TableTransactionAction> { new(TableTransactionActionType.Add, ToEntity(stored, RecordRow(key.Id))) };
                if (alert.State != AlertState.Closed)
                {
                    actions.Add(new(TableTransactionActionType.Add, ToEntity(stored, LiveRow(key.Id))));
                }

                await _table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException e) when (StorageErrors.IsConflict(e))
            {
                // raised at the same moment by another sweep: theirs stands
                alert = (await FindAsync(key.Id, cancellationToken).ConfigureAwait(false))?.Alert.ToAlert() ?? alert;
            }
        }

        if (key.Level == AlertLevel.Red)
        {
            var yellow = key.At(AlertLevel.Yellow).Id;
            await ChangeIfPresentAsync(yellow, a => a.SupersedeBy(key, raisedAt), cancellationToken).ConfigureAwait(false);
        }

        await counters.RecordAsync(SupervisionCounters.ForAlert(alert), cancellationToken).ConfigureAwait(false);
        return alert;
    }

    /// <summary>The clock of <paramref name="clock"/> (either level) was met or became moot at <paramref name="at"/>: each of its alerts records it (<see cref="Alert.Resolve"/>).</summary>
    public async Task ResolveAsync(AlertKey clock, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(clock);
        foreach (var level in new[] { AlertLevel.Yellow, AlertLevel.Red })
        {
            await ChangeIfPresentAsync(clock.At(level).Id, a => a.Resolve(at), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The alert <paramref name="id"/> with its row's ETag, or null.</summary>
    public async Task<(StoredAlert Alert, ETag ETag)?> FindAsync(string id, CancellationToken cancellationToken)
    {
        var locator = await _table.GetEntityAsync(LocatorPartition, id, cancellationToken).ConfigureAwait(false);
        if (locator?.GetString("Department") is not { } department)
        {
            return null;
        }

        var row = await _table.GetEntityAsync(DepartmentPartition(department), RecordRow(id), cancellationToken).ConfigureAwait(false);
        return row is null ? null : (FromEntity(row), row.ETag);
    }

    /// <summary>
    /// Applies a person's command to alert <paramref name="id"/> under the record's ETag (read again and re-decided when
    /// another writer came first): 404 <c>alert.not_found</c>, or the command's error as a problem.
    /// </summary>
    public async Task<StoredAlert> ChangeAsync(string id, Func<Alert, Result<Alert>> command, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxRetries; attempt++)
        {
            var found = await FindAsync(id, cancellationToken).ConfigureAwait(false)
                ?? throw Problems.NotFound("alert.not_found", "预警不存在", $"no alert '{id}'");
            var next = command(found.Alert.ToAlert()).OrThrow();
            var stored = StoredAlert.From(next, found.Alert.DeadlineKind);
            try
            {
                await SaveAsync(stored, found.ETag, cancellationToken).ConfigureAwait(false);
                return stored;
            }
            catch (RequestFailedException e) when (StorageErrors.IsPreconditionFailed(e))
            {
                // changed meanwhile: decide again on the fresh alert
            }
        }

        throw Problems.PreconditionFailed($"alert {id} kept changing; try again");
    }

    /// <summary>
    /// One page of alerts of <paramref name="departments"/> (in their order), from the live rows (<paramref name="liveOnly"/>:
    /// open and acknowledged) or every record, starting at <paramref name="from"/>; at least <paramref name="pageSize"/>
    /// alerts unless the end is reached (then the next position is null). <paramref name="keep"/> filters.
    /// </summary>
    public async Task<(IReadOnlyList<StoredAlert> Alerts, AlertPosition? Next)> ListAsync(
        IReadOnlyList<string> departments, bool liveOnly, Func<StoredAlert, bool> keep, int pageSize, AlertPosition? from, CancellationToken cancellationToken)
    {
        var alerts = new List<StoredAlert>();
        var prefix = liveOnly ? "l|" : "r|";
        var token = from?.Token;
        var start = from is null ? 0 : departments.TakeWhile(d => string.CompareOrdinal(d, from.Department) < 0).Count();
        if (from is not null && (start >= departments.Count || departments[start] != from.Department))
        {
            token = null; // the department of the token is gone: go on with the next one
        }

        for (var index = start; index < departments.Count; index++, token = null)
        {
            var query = TableQuery.RowPrefix(DepartmentPartition(departments[index]), prefix) with { ContinuationToken = token, PageSize = Math.Clamp(pageSize, 1, 1000) };
            while (true)
            {
                var page = await _table.QueryAsync(query, cancellationToken).ConfigureAwait(false);
                alerts.AddRange(page.Entities.Select(FromEntity).Where(a => (!liveOnly || a.State != AlertState.Closed) && keep(a)));
                if (page.ContinuationToken is null)
                {
                    break;
                }

                if (alerts.Count >= pageSize)
                {
                    return (alerts, new AlertPosition(departments[index], page.ContinuationToken));
                }

                query = query with { ContinuationToken = page.ContinuationToken };
            }

            if (alerts.Count >= pageSize && index + 1 < departments.Count)
            {
                return (alerts, new AlertPosition(departments[index + 1], null));
            }
        }

        return (alerts, null);
    }

    private async Task ChangeIfPresentAsync(string id, Func<Alert, Alert> change, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxRetries; attempt++)
        {
            var found = await FindAsync(id, cancellationToken).ConfigureAwait(false);
            if (found is null)
            {
                return;
            }

            var before = found.Value.Alert.ToAlert();
            var after = change(before);
            if (ReferenceEquals(after, before) || after == before)
            {
                return;
            }

            try
            {
                await SaveAsync(StoredAlert.From(after, found.Value.Alert.DeadlineKind), found.Value.ETag, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (RequestFailedException e) when (StorageErrors.IsPreconditionFailed(e))
            {
                // changed meanwhile: read again
            }
        }

        throw new InvalidOperationException($"alert {id} kept changing; gave up");
    }

    /// <summary>The record under its ETag and the live copy in one transaction; a closed alert's live copy becomes a tombstone, then goes.</summary>
    private async Task SaveAsync(StoredAlert alert, ETag etag, CancellationToken cancellationToken)
    {
        await _table.SubmitTransactionAsync(
            [
                new TableTransactionAction(TableTransactionActionType.UpdateReplace, ToEntity(alert, RecordRow(alert.Id)), etag),
                new TableTransactionAction(TableTransactionActionType.UpsertReplace, ToEntity(alert, LiveRow(alert.Id))),
            ],
            cancellationToken).ConfigureAwait(false);
        if (alert.State == AlertState.Closed)
        {
            await _table.DeleteEntityAsync(DepartmentPartition(alert.Department), LiveRow(alert.Id), ETag.All, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task AddIfAbsentAsync(TableEntity entity, CancellationToken cancellationToken)
    {
        try
        {
            await _table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (StorageErrors.IsConflict(e))
        {
            // written by an earlier attempt
        }
    }

    private static string DepartmentPartition(string department) => "d|" + department;

    private static string RecordRow(string id) => "r|" + id;

    private static string LiveRow(string id) => "l|" + id;

    private static TableEntity ToEntity(StoredAlert alert, string row) => new(DepartmentPartition(alert.Department), row)
    {
        ["Alert"] = JsonSerializer.Serialize(alert, JsonDefaults.Options),
        ["State"] = alert.State.ToString(),
        ["Due"] = alert.Due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    private static StoredAlert FromEntity(TableEntity row) =>
        JsonSerializer.Deserialize<StoredAlert>(row.GetString("Alert") ?? "null", JsonDefaults.Options)
        ?? throw new InvalidOperationException($"alert row {row.PartitionKey}/{row.RowKey} is empty");
}
