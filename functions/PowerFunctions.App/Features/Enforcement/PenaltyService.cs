using Azure;
using PowerFunctions.App.Features.Calendar;
using PowerFunctions.App.Features.Documents;
using PowerFunctions.App.Features.Supervision;
using PowerFunctions.App.Features.Timers;
using PowerFunctions.App.Http;
using PowerFunctions.Domain.Calendar;
using PowerFunctions.Domain.Cases;
using PowerFunctions.Domain.Common;
using PowerFunctions.Domain.Deadlines;
using PowerFunctions.Domain.Enforcement;

namespace PowerFunctions.App.Features.Enforcement;

/// <summary>
/// Runs commands against a penalty case, in the shape of the licensing cases: load, let the aggregate
/// decide (one or more steps, each appended before the next runs), issue and seal each act's document
/// (deterministic id, so a retry reuses it), schedule the timers the new deadlines need, then commit
/// events + snapshot in one transaction under the snapshot's ETag. After the commit: close the alerts of
/// met deadlines, rebuild the read models, drop a finished case from the open index — each also done by
/// a durable timer scheduled before the commit, so a crash after it loses nothing.
/// </summary>
public sealed class PenaltyService(
    PenaltyStore store,
    ICalendarProvider calendars,
    IDocumentIssuer documents,
    ITimerScheduler timers,
    IAlertSink alerts,
    DecisionRegister register,
    TimeProvider clock,
    ILogger<PenaltyService> logger)
{
    private const int Attempts = 5;

    public delegate Result<PenaltyEventDraft> Step(PenaltyCase current, EnforcementContext context);

    public TimeProvider Clock => clock;

    public ValueTask<IWorkingCalendar> CalendarAsync(CancellationToken cancellationToken) => calendars.GetCurrentAsync(cancellationToken);

    public async Task<EnforcementContext> ContextAsync(CancellationToken cancellationToken) =>
        new(await calendars.GetCurrentAsync(cancellationToken).ConfigureAwait(false), clock.GetUtcNow());

    /// <summary>The alert kind of a penalty clock: <c>enforcement-{deadline kind}</c>, e.g. <c>enforcement-penalty-decision</c>.</summary>
    public static string AlertKind(PenaltyDeadlineKind kind) => "enforcement-" + PenaltyDeadline.CodeOf(kind);

    /// <summary>True when nothing of the case is left to run: closed, and a penalty decision published.</summary>
    public static bool IsFinished(PenaltyCase c) =>
        c.State == PenaltyState.Closed && (c.Decision is not { Outcome: PenaltyOutcome.Penalty } || c.PublishedOn is not null);

    /// <summary>The case or 404 <c>enforcement.case_not_found</c>.</summary>
    public async Task<LoadedPenalty> LoadRequiredAsync(string caseNo, CancellationToken cancellationToken) =>
        await store.LoadAsync(caseNo, cancellationToken).ConfigureAwait(false)
        ?? throw Problems.NotFound("enforcement.case_not_found", "处罚案件不存在", $"no penalty case '{caseNo}'");

    /// <summary>Creates a case from its opening draft: timers and the open-index row first, then the create-only transaction (409 if it exists).</summary>
    public async Task<PenaltyCase> CreateAsync(string caseNo, PenaltyEventDraft opened, CaseActor actor, CancellationToken cancellationToken)
    {
        var calendar = await calendars.GetCurrentAsync(cancellationToken).ConfigureAwait(false);
        var now = clock.GetUtcNow();
        var created = PenaltyCase.Start(caseNo, opened, actor, now);
        var deadlines = PenaltyDeadlines.Compute(created, calendar, ChinaTime.DateOf(now));
        await timers.ScheduleAsync(PlanTimers(null, null, created, deadlines, calendar, now), cancellationToken).ConfigureAwait(false);
        await store.AddOpenAsync(caseNo, created.Terms.DepartmentCode, cancellationToken).ConfigureAwait(false);
        await store.CreateAsync(created, Record(deadlines), cancellationToken).ConfigureAwait(false);
        return created;
    }

    /// <summary>
    /// Runs <paramref name="steps"/> for a person, as one commit. <paramref name="authorize"/> sees the loaded
    /// case first (department, certificate). With <paramref name="ifMatch"/>, a case at another version
    /// answers 412; without, a concurrent writer makes the command run again on the fresh case.
    /// </summary>
    public async Task<PenaltyCase> ExecuteAsync(string caseNo, IReadOnlyList<Step> steps, CaseActor actor, Action<PenaltyCase, EnforcementContext>? authorize, long? ifMatch, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var loaded = await LoadRequiredAsync(caseNo, cancellationToken).ConfigureAwait(false);
            var context = await ContextAsync(cancellationToken).ConfigureAwait(false);
            authorize?.Invoke(loaded.Case, context);
            if (ifMatch is { } expected && expected != loaded.Case.Version)
            {
                throw Problems.PreconditionFailed($"the case is at version {loaded.Case.Version}, not {expected}");
            }

            try
            {
                return await ApplyAsync(loaded, steps, actor, context, cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412 && ifMatch is null && attempt < Attempts)
            {
                logger.LogDebug("penalty case {CaseNo} changed under a command, retrying ({Attempt})", caseNo, attempt);
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
                throw Problems.PreconditionFailed($"the case changed while the command ran: {e.Message}");
            }
        }
    }

    /// <summary>A timer effect on behalf of the law (the publication job): false, with nothing done, when the case is gone, the timer belongs to an uncommitted change, or the case refuses.</summary>
    public async Task<bool> TryApplyTimerEffectAsync(DurableTimer timer, Step step, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var loaded = await store.LoadAsync(timer.TargetId, cancellationToken).ConfigureAwait(false);
            if (loaded is null || timer.Generation > loaded.Case.Version)
            {
                return false;
            }

            var context = await ContextAsync(cancellationToken).ConfigureAwait(false);
            if (!step(loaded.Case, context).IsSuccess)
            {
                return false;
            }

            try
            {
                await ApplyAsync(loaded, [step], CaseActor.System, context, cancellationToken).ConfigureAwait(false);
                return true;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412 && attempt < Attempts)
            {
                // a person acted at the same moment: look again
            }
            catch (ProblemException)
            {
                return false;
            }
        }
    }

    /// <summary>Appends already-sealed events (the calendar observer's <c>deadline-moved</c>) and reschedules what moved.</summary>
    public async Task CommitSystemEventsAsync(LoadedPenalty loaded, PenaltyCase next, IWorkingCalendar calendar, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var today = ChinaTime.DateOf(now);
        var before = PenaltyDeadlines.Compute(loaded.Case, calendar, today);
        var after = PenaltyDeadlines.Compute(next, calendar, today);
        var recorded = loaded.RecordedDeadlines
            .Where(r => PenaltyDeadline.Parse(r.Kind) is not null)
            .Select(r => new PenaltyDeadline(PenaltyDeadline.Parse(r.Kind)!.Value, r.Due, r.Due, r.Provisional, r.Open ? null : r.Due))
            .ToArray();
        await timers.ScheduleAsync(PlanTimers(loaded.Case, recorded, next, after, calendar, now), cancellationToken).ConfigureAwait(false);
        await store.CommitAsync(loaded, next, Record(after), cancellationToken).ConfigureAwait(false);
        await AfterCommitAsync(loaded.Case, before, next, after, now, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every deadline of a case now, with the calendar in force.</summary>
    public static IReadOnlyList<PenaltyDeadline> Deadlines(PenaltyCase c, IWorkingCalendar calendar, DateTimeOffset now) =>
        PenaltyDeadlines.Compute(c, calendar, ChinaTime.DateOf(now));

    public static IReadOnlyList<RecordedDeadline> Record(IReadOnlyList<PenaltyDeadline> deadlines) =>
        deadlines.Select(d => new RecordedDeadline(d.Code, d.Due, d.Provisional, d.IsOpen)).ToArray();

    /// <summary>
    /// The timers a change needs, all at generation = the new version: for every supervised clock that is
    /// new or whose due moved, its yellow and red signals, and a resolve signal for one it met; the
    /// publication job at delivery and on the publication due date; a projection of the read models
    /// when the decision or its publication is new.
    /// </summary>
    public static IReadOnlyList<DurableTimer> PlanTimers(PenaltyCase? previous, IReadOnlyList<PenaltyDeadline>? before, PenaltyCase next, IReadOnlyList<PenaltyDeadline> after, IWorkingCalendar calendar, DateTimeOffset now)
    {
        var list = new List<DurableTimer>();
        var generation = next.Version;
        var caseNo = next.CaseNo;
        foreach (var d in after.Where(d => d.RaisesAlerts))
        {
            var old = before?.FirstOrDefault(b => b.Kind == d.Kind);
            if (!d.IsOpen)
            {
                if (old is { IsOpen: true } && now >= AlertRules.YellowFrom(calendar, old.Due))
                {
                    list.Add(new DurableTimer(PenaltyTimerKinds.DeadlineAlert, caseNo, d.Code + ".resolve", now, generation));
                }

                continue;
            }

            if (old is { IsOpen: true } && old.Due == d.Due)
            {
                continue;
            }

            var yellow = AlertRules.YellowFrom(calendar, d.Due);
            list.Add(new DurableTimer(PenaltyTimerKinds.DeadlineAlert, caseNo, d.Code + ".yellow", yellow < now ? now : yellow, generation));
            list.Add(new DurableTimer(PenaltyTimerKinds.DeadlineAlert, caseNo, d.Code + ".red", AlertRules.RedFrom(d.Due), generation));
        }

        if (next.Decision is { Outcome: PenaltyOutcome.Penalty } && next.PublishedOn is null)
        {
            var publication = after.First(d => d.Kind == PenaltyDeadlineKind.Publication);
            var oldPublication = before?.FirstOrDefault(b => b.Kind == PenaltyDeadlineKind.Publication);
            if (oldPublication is null || oldPublication.Due != publication.Due)
            {
                var onDueDay = ChinaTime.StartOf(publication.Due);
                list.Add(new DurableTimer(PenaltyTimerKinds.Publication, caseNo, "publish", onDueDay < now ? now : onDueDay, generation));
            }

            if (next.Delivery is not null && previous?.Delivery is null)
            {
                list.Add(new DurableTimer(PenaltyTimerKinds.Publication, caseNo, "publish", now, generation));
            }
        }

        if ((next.Decision is not null && previous?.Decision is null) || (next.PublishedOn is not null && previous?.PublishedOn is null))
        {
            list.Add(new DurableTimer(PenaltyTimerKinds.Projection, caseNo, "project", now, generation));
        }

        return list;
    }

    private async Task<PenaltyCase> ApplyAsync(LoadedPenalty loaded, IReadOnlyList<Step> steps, CaseActor actor, EnforcementContext context, CancellationToken cancellationToken)
    {
        var current = loaded.Case;
        var next = current;
        foreach (var step in steps)
        {
            var draft = step(next, context).OrThrow();
            if (draft.Document is { } toIssue)
            {
                var issued = await documents.IssueAsync(PenaltyDocuments.Request(next, toIssue, context.Now), cancellationToken).ConfigureAwait(false);
                draft = draft.WithDocument(new RecordedDocument(issued.Id, PenaltyDocuments.TypeCode(issued.Type), issued.Sha256));
            }

            next = next.Append(draft, actor, context.Now);
        }

        var before = PenaltyDeadlines.Compute(current, context.Calendar, context.Today);
        var after = PenaltyDeadlines.Compute(next, context.Calendar, context.Today);
        await timers.ScheduleAsync(PlanTimers(current, before, next, after, context.Calendar, context.Now), cancellationToken).ConfigureAwait(false);
        await store.CommitAsync(loaded, next, Record(after), cancellationToken).ConfigureAwait(false);
        await AfterCommitAsync(current, before, next, after, context.Now, cancellationToken).ConfigureAwait(false);
        return next;
    }

    private async Task AfterCommitAsync(PenaltyCase previous, IReadOnlyList<PenaltyDeadline> before, PenaltyCase next, IReadOnlyList<PenaltyDeadline> after, DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            foreach (var d in after.Where(d => d.RaisesAlerts && !d.IsOpen && before.Any(b => b.Kind == d.Kind && b.IsOpen)))
            {
                await alerts.ResolveAsync(next.CaseNo, AlertKind(d.Kind), now, cancellationToken).ConfigureAwait(false);
            }

            if ((next.Decision is not null && previous.Decision is null) || (next.PublishedOn is not null && previous.PublishedOn is null))
            {
                await register.ProjectAsync(next, cancellationToken).ConfigureAwait(false);
            }

            if (IsFinished(next))
            {
                await store.RemoveOpenAsync(next.CaseNo, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is RequestFailedException or InvalidOperationException)
        {
            // The durable timers scheduled before the commit repeat these effects.
            logger.LogWarning(e, "after-commit effects of penalty case {CaseNo} failed; timers will repeat them", next.CaseNo);
        }
    }
}
