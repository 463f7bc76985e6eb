using Azure;
using PowerFunctions.App.Features.Calendar;
using PowerFunctions.App.Features.Documents;
using PowerFunctions.App.Features.Supervision.Alerts;
using PowerFunctions.App.Features.Timers;
using PowerFunctions.App.Http;
using PowerFunctions.Domain.Calendar;
using PowerFunctions.Domain.Cases;
using PowerFunctions.Domain.Common;
using PowerFunctions.Domain.Supervision;
using PowerFunctions.Domain.Supervision.Alerts;
using PowerFunctions.Domain.Supervision.Rectifications;
using PowerFunctions.Domain.Supervision.Reports;
using PowerFunctions.Storage;

namespace PowerFunctions.App.Features.Supervision.Rectifications;

/// <summary>
/// Runs the 整改 procedure (seed 002, seed 004): issuing a notice (validate, number it, seal the 整改通知书, schedule its
/// yellow/red timers, then create it), and every later command (load, let the aggregate decide, schedule what a new
/// round needs, commit event + snapshot under the ETag). After a commit, best effort (the <c>commit</c> timer repeats
/// it): the counters, and the alerts a report resolves.
/// </summary>
public sealed class RectificationService(
    RectificationStore store,
    SupervisionRegistry registry,
    SupervisionDirectory directory,
    ICalendarProvider calendars,
    IDocumentIssuer documents,
    ITimerScheduler timers,
    AlertStore alerts,
    ISupervisionCounters counters,
    SupervisionOptions options,
    TimeProvider clock,
    ILogger<RectificationService> logger)
{
    private const int Attempts = 5;

    public delegate Result<RectificationEventDraft> Command(Rectification current, IWorkingCalendar calendar, DateTimeOffset now);

    public TimeProvider Clock => clock;

    /// <summary>
    /// Issues a notice. With <paramref name="sourceKey"/> (an alert, a spot-check finding) one source makes one notice: a
    /// repeat answers the notice made first.
    /// </summary>
    public async Task<RectificationView> IssueAsync(RectificationRequest request, SupervisionActor actor, string? sourceKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var calendar = await calendars.GetCurrentAsync(cancellationToken).ConfigureAwait(false);
        var now = clock.GetUtcNow();
        Rectification.Open("ZG-PROBE-00000000-000", request, actor, calendar, now).OrThrow(); // every problem before a number is taken
        if (sourceKey is not null && await store.SourceAsync(sourceKey, cancellationToken).ConfigureAwait(false) is { } made
            && await store.LoadAsync(made, cancellationToken).ConfigureAwait(false) is { } existing)
        {
            return RectificationView.Of(existing.Rectification, now);
        }

        var department = request.Department!;
        var today = ChinaTime.DateOf(now);
        var id = RectificationRules.IdFor(department, today, await registry.NextAsync(SupervisionRegistry.Sequence("ZG", department, today), cancellationToken).ConfigureAwait(false));
        if (sourceKey is not null)
        {
            id = await store.ReserveSourceAsync(sourceKey, id, cancellationToken).ConfigureAwait(false);
            if (await store.LoadAsync(id, cancellationToken).ConfigureAwait(false) is { } raced)
            {
                return RectificationView.Of(raced.Rectification, now);
            }
        }

        var named = request with { DepartmentName = request.DepartmentName ?? await directory.NameOfAsync(department, cancellationToken).ConfigureAwait(false) };
        var draft = Rectification.Open(id, named, actor, calendar, now).OrThrow();
        var notice = draft.Document!;
        var issued = await documents.IssueAsync(NoticeRequest(notice, (RectificationEventData.Issued)draft.Data, now), cancellationToken).ConfigureAwait(false);
        var rectification = Rectification.Start(id, draft.WithDocument(new RecordedDocument(issued.Id, RectificationNotice.Type, issued.Sha256)), actor, now);
        await timers.ScheduleAsync([.. RoundTimers(rectification, calendar, now), CommitTimer(rectification, now)], cancellationToken).ConfigureAwait(false);
        await registry.NoteDepartmentAsync(department, cancellationToken).ConfigureAwait(false);
        try
        {
            await store.CreateAsync(rectification, RectificationView.Of(rectification, now), cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (StorageErrors.IsConflict(e))
        {
            if (await store.LoadAsync(id, cancellationToken).ConfigureAwait(false) is not { } stored)
            {
                throw;
            }

            return RectificationView.Of(stored.Rectification, now);
        }

        await AfterCommitAsync(null, rectification, now, cancellationToken).ConfigureAwait(false);
        logger.LogInformation("rectification {Id} issued to {Department}, due {Due}", id, department, rectification.Due);
        return RectificationView.Of(rectification, now);
    }

    /// <summary>Runs a command (report, accept, reject) for a person: 404 <c>rectification.not_found</c>, or the command's error.</summary>
    public async Task<RectificationView> ExecuteAsync(string id, Command command, SupervisionActor actor, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var loaded = await store.LoadAsync(id, cancellationToken).ConfigureAwait(false) ?? throw NotFound(id);
            try
            {
                var next = await ApplyAsync(loaded.Rectification, loaded.ETag, command, actor, cancellationToken).ConfigureAwait(false);
                return RectificationView.Of(next, clock.GetUtcNow());
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412 && attempt < Attempts)
            {
                logger.LogDebug("rectification {Id} changed under a command, retrying ({Attempt})", id, attempt);
            }
        }
    }

    /// <summary>A system command (the overdue timer): false when the notice is gone or refuses (not due, recorded before).</summary>
    public async Task<Rectification?> TrySystemAsync(string id, Command command, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            var loaded = await store.LoadAsync(id, cancellationToken).ConfigureAwait(false);
            if (loaded is null)
            {
                return null;
            }

            var calendar = await calendars.GetCurrentAsync(cancellationToken).ConfigureAwait(false);
            if (!command(loaded.Value.Rectification, calendar, clock.GetUtcNow()).IsSuccess)
            {
                return null;
            }

            try
            {
                return await ApplyAsync(loaded.Value.Rectification, loaded.Value.ETag, command, SupervisionActor.System, cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
                // someone acted at the same moment: look again
            }
        }

        return null;
    }

    public async Task<Rectification?> LoadAsync(string id, CancellationToken cancellationToken) =>
        (await store.LoadAsync(id, cancellationToken).ConfigureAwait(false))?.Rectification;

    /// <summary>The notices of <paramref name="departments"/> as they stand at <paramref name="now"/>.</summary>
    public async Task<IReadOnlyList<RectificationView>> ListAsync(IReadOnlyList<string> departments, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var views = new List<RectificationView>();
        foreach (var department in departments)
        {
            views.AddRange((await store.ListAsync(department, cancellationToken).ConfigureAwait(false)).Select(v => v.At(now)));
        }

        return views;
    }

    /// <summary>Per department, the notices open at the end of <paramref name="end"/> (issued by then, not accepted by then): the reports' stock.</summary>
    public async Task<IReadOnlyDictionary<string, long>> OpenAtEndAsync(IReadOnlyList<string> departments, DateOnly end, CancellationToken cancellationToken)
    {
        var open = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var v in await ListAsync(departments, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false))
        {
            if (v.IssuedOn <= end && (v.AcceptedOn is null || v.AcceptedOn > end))
            {
                open[v.Department] = open.GetValueOrDefault(v.Department) + 1;
            }
        }

        return open;
    }

    /// <summary>Repeats a commit's effects (the <c>commit</c> timer): every event's counters, the report's alerts.</summary>
    public Task RepeatCommitEffectsAsync(Rectification rectification, CancellationToken cancellationToken) =>
        AfterCommitAsync(null, rectification, clock.GetUtcNow(), cancellationToken);

    /// <summary>Raises the round's alert at <paramref name="level"/> (once: the id is the round's).</summary>
    public Task<Alert> RaiseAsync(Rectification r, AlertLevel level, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(r);
        var key = r.AlertKeyFor(level);
        var code = r.Round > 1 ? $"{AlertKind.Rectification.Code}-{r.Round}" : AlertKind.Rectification.Code;
        return alerts.RaiseAsync(key, r.Department, null, r.Due, clock.GetUtcNow(), code, cancellationToken);
    }

    public static ProblemException NotFound(string id) => Problems.NotFound("rectification.not_found", "整改通知书不存在", $"no rectification '{id}'");

    private async Task<Rectification> ApplyAsync(Rectification current, ETag etag, Command command, SupervisionActor actor, CancellationToken cancellationToken)
    {
        var calendar = await calendars.GetCurrentAsync(cancellationToken).ConfigureAwait(false);
        var now = clock.GetUtcNow();
        var draft = command(current, calendar, now).OrThrow();
        var next = current.Append(draft, actor, now);
        var timersNeeded = new List<DurableTimer> { CommitTimer(next, now) };
        if (next.Round != current.Round)
        {
            timersNeeded.AddRange(RoundTimers(next, calendar, now));
        }

        await timers.ScheduleAsync(timersNeeded, cancellationToken).ConfigureAwait(false);
        await store.CommitAsync(current.Version, etag, next, RectificationView.Of(next, now), cancellationToken).ConfigureAwait(false);
        await AfterCommitAsync(current, next, now, cancellationToken).ConfigureAwait(false);
        return next;
    }

    /// <summary>After a commit: the new events' counters; a report resolves its round's alerts. Failures are logged: the commit timer repeats this.</summary>
    private async Task AfterCommitAsync(Rectification? previous, Rectification next, DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            var increments = new List<CounterIncrement>();
            var reportedRounds = new List<int>();
            foreach (var e in next.Events.Skip((int)(previous?.Version ?? 0)))
            {
                var upTo = e.Seq == next.Version ? next : Rectification.FromEvents(next.Id, next.Events.Take((int)e.Seq));
                increments.AddRange(SupervisionCounters.ForRectification(upTo, e));
                if (RectificationChain.DataOf(e) is RectificationEventData.Reported reported)
                {
                    reportedRounds.Add(reported.Round);
                }
            }

            await counters.RecordAsync(increments, cancellationToken).ConfigureAwait(false);
            foreach (var round in reportedRounds)
            {
                // The department answered the round: a yellow closes as met in time, a red records the late answer.
                await alerts.ResolveAsync(new AlertKey(AlertSubject.Rectification(next.Id), AlertKind.Rectification, AlertLevel.Red, round), now, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is RequestFailedException or InvalidOperationException)
        {
            logger.LogWarning(e, "after-commit effects of rectification {Id} failed; its commit timer repeats them", next.Id);
        }
    }

    private static IEnumerable<DurableTimer> RoundTimers(Rectification r, IWorkingCalendar calendar, DateTimeOffset now)
    {
        var (yellowAt, redAt) = r.AlertInstants(calendar);
        var round = r.Round.ToString(System.Globalization.CultureInfo.InvariantCulture);
        yield return new DurableTimer(SupervisionTimerKinds.Rectification, r.Id, "yellow." + round, yellowAt < now ? now : yellowAt, r.Version);
        yield return new DurableTimer(SupervisionTimerKinds.Rectification, r.Id, "red." + round, redAt < now ? now : redAt, r.Version);
    }

    private static DurableTimer CommitTimer(Rectification r, DateTimeOffset now) =>
        new(SupervisionTimerKinds.Rectification, r.Id, SupervisionTimerKinds.CommitKey, now, r.Version);

    /// <summary>The sealed 整改通知书 of the supervision body to the department (<see cref="DocumentRequest.Rectification"/>), filed outside any case.</summary>
    private DocumentRequest NoticeRequest(RectificationNotice notice, RectificationEventData.Issued issued, DateTimeOffset now) => new()
    {
        DocumentId = notice.DocumentId,
        Type = DocumentType.RectificationNotice,
        CaseNo = issued.CaseNo ?? issued.TicketNo ?? notice.RectificationId,
        DepartmentCode = options.IssuerCode,
        DepartmentName = options.IssuerName,
        ApplicantName = notice.Addressee,
        Addressee = notice.Addressee,
        ItemName = "整改事项",
        IssuedAt = now,
        Fields = [.. notice.Fields.Select(f => new DocumentField(f.Key, f.Value))],
        LegalBasis = notice.LegalBasis,
        Rectification = new RectificationFacts(notice.RectificationId, issued.Finding, issued.Requirement, issued.WorkingDays, issued.Due),
        StorageFolder = "supervision/rectifications",
    };
}
