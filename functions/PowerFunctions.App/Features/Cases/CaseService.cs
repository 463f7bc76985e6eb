using System.Globalization;
using Azure;
using PowerFunctions.App.Features.Calendar;
using PowerFunctions.App.Features.Documents;
using PowerFunctions.App.Features.Publicity;
using PowerFunctions.App.Features.Supervision;
using PowerFunctions.App.Features.Timers;
using PowerFunctions.App.Http;
using PowerFunctions.Domain.Calendar;
using PowerFunctions.Domain.Cases;
using PowerFunctions.Domain.Common;
using PowerFunctions.Domain.Deadlines;
using PowerFunctions.Domain.Documents;
using PowerFunctions.Domain.Supervision;

namespace PowerFunctions.App.Features.Cases;

/// <summary>
/// Runs a command against a case: load, let the aggregate decide, issue the act's document
/// (deterministic id, so a retry reuses it), schedule the timers the new deadlines need, then commit
/// events + snapshot in one transaction under the snapshot's ETag (a commit that fails takes its timer rows
/// back: <see cref="ITimerScheduler.ScheduleWithCommitAsync"/>). After the commit: close resolved
/// alerts, update the public projections and the work list, drop a final case from the open index (each
/// of these is also done by a durable timer, so a crash after the commit loses nothing).
/// </summary>
public sealed class CaseService(
    CaseStore store,
    OpenCaseIndex openCases,
    ICalendarProvider calendars,
    IDocumentIssuer documents,
    ITimerScheduler timers,
    IAlertSink alerts,
    ISupervisionCounters counters,
    ClosedCaseIndex closedCases,
    PublicityBoard publicity,
    WorkListStore workList,
    TimeProvider clock,
    ILogger<CaseService> logger)
{
    private const int Attempts = 5;

    public delegate Result<CaseEventDraft> Command(Case current, CaseContext context);

    public TimeProvider Clock => clock;

    public ValueTask<IWorkingCalendar> CalendarAsync(CancellationToken cancellationToken) => calendars.GetCurrentAsync(cancellationToken);

    /// <summary>The case or 404 <c>case.not_found</c>.</summary>
    public async Task<LoadedCase> LoadRequiredAsync(string caseNo, CancellationToken cancellationToken) =>
        await store.LoadAsync(caseNo, cancellationToken).ConfigureAwait(false)
        ?? throw Problems.NotFound("case.not_found", "办件不存在", $"no case '{caseNo}'");

    /// <summary>
    /// Runs a command for a person. <paramref name="authorize"/> sees the loaded case first (department,
    /// applicant). With <paramref name="ifMatch"/>, a case at another version answers 412; without, a
    /// concurrent writer makes the command run again on the fresh case.
    /// </summary>
    public async Task<Case> ExecuteAsync(string caseNo, Command command, CaseActor actor, Action<Case>? authorize, long? ifMatch, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var loaded = await LoadRequiredAsync(caseNo, cancellationToken).ConfigureAwait(false);
            authorize?.Invoke(loaded.Case);
            if (ifMatch is { } expected && expected != loaded.Case.Version)
            {
                throw Problems.PreconditionFailed($"the case is at version {loaded.Case.Version}, not {expected}");
            }

            try
            {
                return await ApplyAsync(loaded, command, actor, cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412 && ifMatch is null && attempt < Attempts)
            {
                logger.LogDebug("case {CaseNo} changed under a command, retrying ({Attempt})", caseNo, attempt);
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
                throw Problems.PreconditionFailed($"the case changed while the command ran: {e.Message}");
            }
        }
    }

    /// <summary>
    /// A timer effect on behalf of the law: answers false (nothing done) when the case is gone, the timer
    /// belongs to an uncommitted change, or the case refuses (already done, not yet due).
    /// </summary>
    public async Task<bool> TryApplyTimerEffectAsync(DurableTimer timer, Command command, Func<Case, Task>? beforeCommit, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var loaded = await store.LoadAsync(timer.TargetId, cancellationToken).ConfigureAwait(false);
            if (loaded is null || timer.Generation > loaded.Case.Version)
            {
                return false;
            }

            var calendar = await calendars.GetCurrentAsync(cancellationToken).ConfigureAwait(false);
            var probe = command(loaded.Case, new CaseContext(calendar, clock.GetUtcNow()));
            if (!probe.IsSuccess)
            {
                return false;
            }

            if (beforeCommit is not null)
            {
                await beforeCommit(loaded.Case).ConfigureAwait(false);
            }

            try
            {
                await ApplyAsync(loaded, command, CaseActor.System, cancellationToken).ConfigureAwait(false);
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

    /// <summary>Creates a case from its first event: timers and the open-index row first, then the create-only transaction (409 if it exists).</summary>
    public async Task CreateAsync(Case created, CancellationToken cancellationToken)
    {
        var calendar = await calendars.GetCurrentAsync(cancellationToken).ConfigureAwait(false);
        var now = created.Events[0].Instant;
        var deadlines = CaseDeadlines.Compute(created, calendar, ChinaTime.DateOf(now));

        // The timers and the open-index row are independent writes: side by side (one group commit on the
        // embedded store), both before the case exists. After the commit, the counters and the work list
        // likewise.
        await Task.WhenAll(
            timers.ScheduleAsync(PlanTimers(null, created, deadlines, calendar, now), cancellationToken),
            openCases.AddAsync(created.CaseNo, created.Terms.DepartmentCode, cancellationToken)).ConfigureAwait(false);
        await store.CreateAsync(created, Record(deadlines), cancellationToken).ConfigureAwait(false);
        await Task.WhenAll(
            CountAsync(created, calendar, 0, cancellationToken),
            WriteWorkListAsync(created, calendar, now, cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>
    /// The case's work-list rows after a commit, then the cancellation of the commit's <c>case-worklist</c>
    /// timer, which is no longer needed; best effort: when the write fails the timer repeats it.
    /// </summary>
    private async Task WriteWorkListAsync(Case c, IWorkingCalendar calendar, DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            await workList.WriteAsync(c, calendar, now, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e)
        {
            logger.LogWarning(e, "work list of case {CaseNo} not written; its timer will", c.CaseNo);
            return;
        }

        try
        {
            await timers.CancelAsync(CaseTimerKinds.WorkListRepair(c.CaseNo, c.Version, now), cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e)
        {
            logger.LogDebug(e, "work-list timer of case {CaseNo} not cancelled; it will fire and find the list written", c.CaseNo);
        }
    }

    /// <summary>Appends already-sealed events (the calendar observer's <c>deadline-moved</c>) and reschedules what moved.</summary>
    public async Task CommitSystemEventsAsync(LoadedCase loaded, Case next, IWorkingCalendar calendar, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var today = ChinaTime.DateOf(now);
        var before = CaseDeadlines.Compute(loaded.Case, calendar, today);
        var after = CaseDeadlines.Compute(next, calendar, today);
        var previous = loaded.RecordedDeadlines.Select(d => new CaseDeadline(CaseDeadline.Parse(d.Kind)!.Value, d.Due, d.Due, d.Provisional, d.Open ? null : d.Due, CaseDeadline.PartyOf(d.Kind))).ToList();
        await timers.ScheduleWithCommitAsync(PlanTimers(previous, next, after, calendar, now), () => store.CommitAsync(loaded, next, Record(after), cancellationToken), cancellationToken).ConfigureAwait(false);
        await AfterCommitAsync(loaded.Case, before, next, after, calendar, now, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every deadline of a case now, with the calendar in force.</summary>
    public static IReadOnlyList<CaseDeadline> Deadlines(Case c, IWorkingCalendar calendar, DateTimeOffset now) =>
        CaseDeadlines.Compute(c, calendar, ChinaTime.DateOf(now));

    public static IReadOnlyList<StoredDeadline> Record(IReadOnlyList<CaseDeadline> deadlines) =>
        deadlines.Select(d => new StoredDeadline(d.Code, d.Due, d.Provisional, d.IsOpen)).ToArray();

    private async Task<Case> ApplyAsync(LoadedCase loaded, Command command, CaseActor actor, CancellationToken cancellationToken)
    {
        var calendar = await calendars.GetCurrentAsync(cancellationToken).ConfigureAwait(false);
        var now = clock.GetUtcNow();
        var current = loaded.Case;
        var draft = command(current, new CaseContext(calendar, now)).OrThrow();
        if (draft.Document is { } toIssue)
        {
            var issued = await documents.IssueAsync(ToRequest(current, toIssue, now), cancellationToken).ConfigureAwait(false);
            draft = draft.WithDocument(new DocumentRef(issued.Id, KindOf(issued.Type), issued.Sha256));
        }

        var next = current.Append(draft, actor, now);
        var today = ChinaTime.DateOf(now);
        var before = CaseDeadlines.Compute(current, calendar, today);
        var after = CaseDeadlines.Compute(next, calendar, today);
        await timers.ScheduleWithCommitAsync(PlanTimers(before, next, after, calendar, now), () => store.CommitAsync(loaded, next, Record(after), cancellationToken), cancellationToken).ConfigureAwait(false);
        await AfterCommitAsync(current, before, next, after, calendar, now, cancellationToken).ConfigureAwait(false);
        return next;
    }

    /// <summary>
    /// A stage that this commit ended over its own limit (municipal 电子监察 rules: a violation even when
    /// the case is on time) is raised as a red alert of kind <c>stage-{stage}</c>, once (the sink is
    /// create-only). Best effort after the commit: the case view always shows the overrun, since it is
    /// computed from the events.
    /// </summary>
    private async Task RaiseStageOverrunsAsync(Case previous, Case next, IWorkingCalendar calendar, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var today = ChinaTime.DateOf(now);
        var ended = CaseStages.Check(previous, calendar, today).Where(s => s.EndedOn is not null).Select(s => s.Stage).ToHashSet(StringComparer.Ordinal);
        foreach (var stage in CaseStages.Check(next, calendar, today).Where(s => s.Overrun && s.EndedOn is not null && !ended.Contains(s.Stage)))
        {
            var due = calendar.AddWorkingDays(stage.StartedOn, stage.LimitWorkingDays).Date;
            await alerts.RaiseAsync(new AlertRaised(next.CaseNo, next.Terms.DepartmentCode, next.Terms.ItemCode, "stage-" + stage.Stage, AlertLevel.Red, due, now), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The supervision counters of the case's events after <paramref name="afterVersion"/> (each counted once, however often recorded).</summary>
    private async Task CountAsync(Case c, IWorkingCalendar calendar, long afterVersion, CancellationToken cancellationToken)
    {
        try
        {
            await counters.RecordAsync(SupervisionIncrements.Case(c, calendar, afterVersion), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is RequestFailedException or InvalidOperationException)
        {
            logger.LogWarning(e, "supervision counters of case {CaseNo} not recorded now", c.CaseNo);
        }
    }

    private async Task AfterCommitAsync(Case previous, IReadOnlyList<CaseDeadline> before, Case next, IReadOnlyList<CaseDeadline> after, IWorkingCalendar calendar, DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            foreach (var d in after.Where(d => !d.IsOpen && before.Any(b => b.Code == d.Code && b.IsOpen)))
            {
                await alerts.ResolveAsync(next.CaseNo, d.Code, now, cancellationToken).ConfigureAwait(false);
            }

            await RaiseStageOverrunsAsync(previous, next, calendar, now, cancellationToken).ConfigureAwait(false);
            await counters.RecordAsync(SupervisionIncrements.Case(next, calendar, previous.Version), cancellationToken).ConfigureAwait(false);

            if (next.State == CaseState.InPublicity)
            {
                await publicity.PostAsync(next, calendar, cancellationToken).ConfigureAwait(false);
            }
            else if (previous.State == CaseState.InPublicity)
            {
                await publicity.RemoveAsync(next.CaseNo, cancellationToken).ConfigureAwait(false);
            }

            if (CaseStateMachine.IsFinal(next.State))
            {
                await openCases.RemoveAsync(next.CaseNo, cancellationToken).ConfigureAwait(false);
                await closedCases.AddAsync(next.CaseNo, next.Terms.DepartmentCode, next.Terms.ItemCode, ChinaTime.DateOf(now), cancellationToken).ConfigureAwait(false);
            }

        }
        catch (Exception e) when (e is RequestFailedException or InvalidOperationException)
        {
            // The durable timers scheduled before the commit repeat these effects.
            logger.LogWarning(e, "after-commit effects of case {CaseNo} failed; timers will repeat them", next.CaseNo);
        }

        await WriteWorkListAsync(next, calendar, now, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The timers a change needs: for every open deadline that is new or whose due moved, its due
    /// effect and its yellow/red signals; for every deadline it resolved, a resolve signal; the work
    /// list's repair (cancelled once the commit's own write is done); all at generation = the new version.
    /// </summary>
    public static IReadOnlyList<DurableTimer> PlanTimers(IReadOnlyList<CaseDeadline>? before, Case next, IReadOnlyList<CaseDeadline> after, IWorkingCalendar calendar, DateTimeOffset now)
    {
        var generation = next.Version;
        var caseNo = next.CaseNo;
        var list = new List<DurableTimer> { CaseTimerKinds.WorkListRepair(caseNo, generation, now) };
        foreach (var d in after)
        {
            var previous = before?.FirstOrDefault(b => b.Code == d.Code);
            if (!d.IsOpen)
            {
                if (previous is { IsOpen: true } && now >= AlertRules.YellowFrom(calendar, previous.Due))
                {
                    list.Add(new DurableTimer(CaseTimerKinds.DeadlineAlert, caseNo, d.Code + ".resolve", now, generation));
                }

                continue;
            }

            if (previous is not null && previous.IsOpen && previous.Due == d.Due)
            {
                continue;
            }

            switch (d.Kind)
            {
                case DeadlineKind.CorrectionNotice:
                    list.Add(new DurableTimer(CaseTimerKinds.DeemedAcceptance, caseNo, d.Code, AlertRules.RedFrom(d.Due), generation));
                    break;
                case DeadlineKind.PublicityEnd:
                    if (previous is null)
                    {
                        list.Add(new DurableTimer(CaseTimerKinds.Publicity, caseNo, "publicity-start", now, generation));
                    }

                    list.Add(new DurableTimer(CaseTimerKinds.Publicity, caseNo, d.Code, ChinaTime.EndOf(d.Due), generation));
                    continue; // publicity ends by itself: nobody can be late on it, so no signals
                case DeadlineKind.ResultPublication:
                    list.Add(new DurableTimer(CaseTimerKinds.ResultPublication, caseNo, d.Code, now, generation));
                    break;
            }

            var yellow = AlertRules.YellowFrom(calendar, d.Due);
            list.Add(new DurableTimer(CaseTimerKinds.DeadlineAlert, caseNo, d.Code + ".yellow", yellow < now ? now : yellow, generation));
            list.Add(new DurableTimer(CaseTimerKinds.DeadlineAlert, caseNo, d.Code + ".red", AlertRules.RedFrom(d.Due), generation));
        }

        return list;
    }

    /// <summary>The domain kind of an issued document of a case.</summary>
    public static DocumentKind KindOf(DocumentType type) => type switch
    {
        DocumentType.AcceptanceNotice => DocumentKind.AcceptanceNotice,
        DocumentType.RefusalNotice => DocumentKind.RefusalNotice,
        DocumentType.CorrectionNotice => DocumentKind.CorrectionNotice,
        DocumentType.ApprovalDecision => DocumentKind.ApprovalDecision,
        DocumentType.DenialDecision => DocumentKind.DenialDecision,
        DocumentType.DeliveryReceipt => DocumentKind.DeliveryReceipt,
        DocumentType.SuspensionNotice => DocumentKind.SuspensionNotice,
        DocumentType.ExtensionNotice => DocumentKind.ExtensionNotice,
        DocumentType.RectificationNotice => DocumentKind.RectificationNotice,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    /// <summary>The renderer's type of a domain document kind.</summary>
    public static DocumentType TypeOf(DocumentKind kind) => kind switch
    {
        DocumentKind.AcceptanceNotice => DocumentType.AcceptanceNotice,
        DocumentKind.RefusalNotice => DocumentType.RefusalNotice,
        DocumentKind.CorrectionNotice => DocumentType.CorrectionNotice,
        DocumentKind.ApprovalDecision => DocumentType.ApprovalDecision,
        DocumentKind.DenialDecision => DocumentType.DenialDecision,
        DocumentKind.DeliveryReceipt => DocumentType.DeliveryReceipt,
        DocumentKind.SuspensionNotice => DocumentType.SuspensionNotice,
        DocumentKind.ExtensionNotice => DocumentType.ExtensionNotice,
        DocumentKind.RectificationNotice => DocumentType.RectificationNotice,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>
    /// The renderer's request for a case document: the domain's facts (fields, reasons or items, legal
    /// basis, and the typed facts of an acceptance, a suspension or an extension); the kind's template
    /// words the rest.
    /// </summary>
    private static DocumentRequest ToRequest(Case c, DocumentToIssue document, DateTimeOffset now) => new()
    {
        DocumentId = document.DocumentId,
        Type = TypeOf(document.Kind),
        CaseNo = c.CaseNo,
        DepartmentCode = c.Terms.DepartmentCode,
        DepartmentName = c.Terms.DepartmentName,
        ApplicantName = c.Applicant.Name,
        ItemName = c.Terms.ItemName,
        IssuedAt = now,
        Fields = document.Fields.Select(f => new DocumentField(f.Key, f.Value)).ToArray(),
        Paragraphs = document.Paragraphs,
        LegalBasis = document.LegalBasis,
        Acceptance = document.Acceptance is { } a ? new AcceptanceFacts(a.DecisionDue, a.QueryCode, a.Deemed) : null,
        Suspension = document.Suspension is { } s
            ? new SuspensionFacts(
                ApiCode<SuspensionReason>.Chinese(s.Procedure),
                s.StartsOn,
                s.ExpectedWorkingDays is { } days ? $"{days.ToString(CultureInfo.InvariantCulture)}个工作日" : "以实际所需时间为准，确定后另行书面告知",
                s.ExpectedEnd)
            : null,
        Extension = document.Extension is { } e ? new ExtensionFacts(e.PreviousDue, e.ExtendedDue, e.ApprovedBy) : null,
    };
}
