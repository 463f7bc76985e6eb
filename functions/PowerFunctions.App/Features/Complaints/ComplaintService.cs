using System.Text.Json;
using Azure;
using PowerFunctions.App.Features.Calendar;
using PowerFunctions.App.Features.Documents;
using PowerFunctions.App.Features.Messaging;
using PowerFunctions.App.Features.Outbox;
using PowerFunctions.App.Features.Supervision;
using PowerFunctions.App.Features.Timers;
using PowerFunctions.App.Http;
using PowerFunctions.Domain.Calendar;
using PowerFunctions.Domain.Cases;
using PowerFunctions.Domain.Common;
using PowerFunctions.Domain.Complaints;
using PowerFunctions.Domain.Deadlines;

namespace PowerFunctions.App.Features.Complaints;

/// <summary>
/// Runs a command against a ticket, as <c>CaseService</c> does for cases: load, let the aggregate decide, issue
/// the 答复意见书 an answer needs (deterministic id, so a retry reuses it), schedule the timers its clocks need
/// (and the projection timer), mark it open, prepare the hotline's status messages in the outbox, then commit
/// events + snapshot + outbox rows in ONE transaction under the snapshot's ETag. After the commit, best effort
/// (each is repeated by a durable timer or the outbox timer, so a crash loses nothing): resolve the alerts of
/// met clocks, write the list rows, publish the status messages.
/// </summary>
public sealed class ComplaintService(
    ComplaintStore store,
    ComplaintProjection projection,
    ComplaintDirectory directory,
    ICalendarProvider calendars,
    IDocumentIssuer documents,
    ITimerScheduler timers,
    IAlertSink alerts,
    ISupervisionCounters counters,
    OutboxWriter outbox,
    OutboxPublisher publisher,
    TimeProvider clock,
    ILogger<ComplaintService> logger)
{
    /// <summary>What an undispatched ticket's alerts name as their department: the hotline dispatches it.</summary>
    public const string UndispatchedDepartment = "hotline";

    private const int Attempts = 5;

    /// <summary>A command: what the aggregate decides, given the departments' names (printed on an answer).</summary>
    public delegate Result<ComplaintEventDraft> Command(Complaint current, ComplaintContext context, IReadOnlyDictionary<string, string> departmentNames);

    public TimeProvider Clock => clock;

    public ValueTask<IWorkingCalendar> CalendarAsync(CancellationToken cancellationToken) => calendars.GetCurrentAsync(cancellationToken);

    /// <summary>The ticket or 404 <c>complaint.not_found</c>.</summary>
    public async Task<LoadedComplaint> LoadRequiredAsync(string ticketNo, CancellationToken cancellationToken) =>
        await store.LoadAsync(ticketNo, cancellationToken).ConfigureAwait(false) ?? throw NotFound(ticketNo);

    public static ProblemException NotFound(string ticketNo) =>
        Problems.NotFound("complaint.not_found", "工单不存在", $"no ticket '{ticketNo}'");

    /// <summary>
    /// Runs a command for a person. With <paramref name="ifMatch"/>, a ticket at another version answers 412;
    /// without, a concurrent writer makes the command run again on the fresh ticket.
    /// </summary>
    public async Task<Complaint> ExecuteAsync(string ticketNo, Command command, ComplaintActor actor, long? ifMatch, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var loaded = await LoadRequiredAsync(ticketNo, cancellationToken).ConfigureAwait(false);
            if (ifMatch is { } expected && expected != loaded.Complaint.Version)
            {
                throw Problems.PreconditionFailed($"the ticket is at version {loaded.Complaint.Version}, not {expected}");
            }

            try
            {
                return await ApplyAsync(loaded, command, actor, cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412 && ifMatch is null && attempt < Attempts)
            {
                logger.LogDebug("ticket {TicketNo} changed under a command, retrying ({Attempt})", ticketNo, attempt);
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
                throw Problems.PreconditionFailed($"the ticket changed while the command ran: {e.Message}");
            }
        }
    }

    /// <summary>
    /// Creates a ticket from its first event: timers, the open and case index rows and the outbox's index first,
    /// then the create-only transaction (409 <see cref="RequestFailedException"/> if it exists), then the list rows
    /// and the status message.
    /// </summary>
    public async Task CreateAsync(Complaint created, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(created);
        var calendar = await calendars.GetCurrentAsync(cancellationToken).ConfigureAwait(false);
        var now = created.Events[0].Instant;
        var deadlines = ComplaintDeadlines.Compute(created, calendar);
        await timers.ScheduleAsync(PlanTimers(null, created, deadlines, calendar, now), cancellationToken).ConfigureAwait(false);
        await projection.MarkOpenAsync(created.TicketNo, cancellationToken).ConfigureAwait(false);
        if (created.CaseNo is { } caseNo)
        {
            await projection.LinkCaseAsync(caseNo, created.TicketNo, cancellationToken).ConfigureAwait(false);
        }

        var rows = await outbox.PrepareAsync(ComplaintTables.Tickets, created.TicketNo, StatusMessages(null, created), cancellationToken).ConfigureAwait(false);
        await store.CreateAsync(created, deadlines, rows, cancellationToken).ConfigureAwait(false);
        await AfterCommitAsync(null, created, deadlines, now, rows.Count > 0, cancellationToken).ConfigureAwait(false);
        await CountAsync(created, calendar, 0, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Appends already-sealed events (the calendar observer's <c>deadline-moved</c>) and reschedules what moved.</summary>
    public async Task CommitSystemEventsAsync(LoadedComplaint loaded, Complaint next, IWorkingCalendar calendar, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        var now = clock.GetUtcNow();
        var after = ComplaintDeadlines.Compute(next, calendar);
        await timers.ScheduleAsync(PlanTimers(loaded.RecordedDeadlines, next, after, calendar, now), cancellationToken).ConfigureAwait(false);
        var rows = await outbox.PrepareAsync(ComplaintTables.Tickets, next.TicketNo, StatusMessages(loaded.Complaint, next), cancellationToken).ConfigureAwait(false);
        await store.CommitAsync(loaded, next, after, rows, cancellationToken).ConfigureAwait(false);
        await AfterCommitAsync(loaded.RecordedDeadlines, next, after, now, rows.Count > 0, cancellationToken).ConfigureAwait(false);
        await CountAsync(next, calendar, loaded.Complaint.Version, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes the list rows of a ticket as it is now (the projection timer; the calendar observer).</summary>
    public async Task ProjectAsync(Complaint complaint, CancellationToken cancellationToken)
    {
        var calendar = await calendars.GetCurrentAsync(cancellationToken).ConfigureAwait(false);
        await projection.ProjectAsync(complaint, ComplaintDeadlines.Compute(complaint, calendar), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The timers a change needs, all at generation = the new version: for every open clock that is new or whose due
    /// date moved, its yellow and red signals; for every clock it met after its yellow signal could have fired, a
    /// resolve signal; and one projection timer, due now, that writes the list rows again should the process stop
    /// between the commit and writing them.
    /// </summary>
    public static IReadOnlyList<DurableTimer> PlanTimers(IReadOnlyList<ComplaintDeadline>? before, Complaint next, IReadOnlyList<ComplaintDeadline> after, IWorkingCalendar calendar, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(next);
        ArgumentNullException.ThrowIfNull(after);
        var generation = next.Version;
        var list = new List<DurableTimer> { new(ComplaintTimerKinds.Projection, next.TicketNo, ComplaintTimerKinds.ProjectionKey, now, generation) };
        foreach (var d in after)
        {
            var previous = before?.FirstOrDefault(b => b.Kind == d.Kind && b.Round == d.Round);
            var key = ComplaintTimerKinds.ClockKey(d);
            if (!d.IsOpen)
            {
                if (previous is { IsOpen: true } && now >= AlertRules.YellowFrom(calendar, previous.Due))
                {
                    list.Add(new DurableTimer(ComplaintTimerKinds.DeadlineAlert, next.TicketNo, key + ".resolve", now, generation));
                }

                continue;
            }

            if (previous is { IsOpen: true } && previous.Due == d.Due)
            {
                continue;
            }

            var yellow = AlertRules.YellowFrom(calendar, d.Due);
            list.Add(new DurableTimer(ComplaintTimerKinds.DeadlineAlert, next.TicketNo, key + ".yellow", yellow < now ? now : yellow, generation));
            list.Add(new DurableTimer(ComplaintTimerKinds.DeadlineAlert, next.TicketNo, key + ".red", AlertRules.RedFrom(d.Due), generation));
        }

        return list;
    }

    /// <summary>
    /// The status messages to the hotline for the events <paramref name="next"/> adds to <paramref name="before"/>
    /// (all of them when null): one per change of state or owner of a hotline ticket (<see cref="TicketStatusMessages"/>),
    /// <c>MessageId</c> = <c>{ticketNo}-{seq:D6}</c>, to the topic <c>ticket-status</c>.
    /// </summary>
    public static IReadOnlyList<OutboxMessage> StatusMessages(Complaint? before, Complaint next)
    {
        ArgumentNullException.ThrowIfNull(next);
        var messages = new List<OutboxMessage>();
        var from = (int)(before?.Version ?? 0);
        var previous = before;
        for (var count = from + 1; count <= next.Version; count++)
        {
            var current = count == next.Version ? next : Complaint.FromEvents(next.TicketNo, next.Events.Take(count));
            if (TicketStatusMessages.For(previous, current) is { } status)
            {
                messages.Add(new OutboxMessage(status.MessageId, MessagingEntities.TicketStatus, JsonSerializer.Serialize(status, JsonDefaults.Options))
                {
                    Subject = "ticket-status",
                    CorrelationId = status.HotlineTicketId,
                    Properties = new Dictionary<string, string>
                    {
                        ["ticketNo"] = status.TicketNo,
                        ["hotlineTicketId"] = status.HotlineTicketId,
                        ["state"] = status.State,
                    },
                });
            }

            previous = current;
        }

        return messages;
    }

    private async Task<Complaint> ApplyAsync(LoadedComplaint loaded, Command command, ComplaintActor actor, CancellationToken cancellationToken)
    {
        var calendar = await calendars.GetCurrentAsync(cancellationToken).ConfigureAwait(false);
        var now = clock.GetUtcNow();
        var departments = await directory.DepartmentsAsync(cancellationToken).ConfigureAwait(false);
        var names = departments.ToDictionary(d => d.Key, d => d.Value.Name, StringComparer.Ordinal);
        var current = loaded.Complaint;
        var draft = command(current, new ComplaintContext(calendar, now), names).OrThrow();
        if (draft.Document is { } document)
        {
            var owner = current.Owner ?? throw new InvalidOperationException($"ticket {current.TicketNo} has no owner to sign its answer");
            var issued = await documents.IssueAsync(AnswerRequest(current, document, owner, names.GetValueOrDefault(owner, owner), now), cancellationToken).ConfigureAwait(false);
            draft = draft.WithDocument(new RecordedDocument(issued.Id, ComplaintDocumentToIssue.Type, issued.Sha256));
        }

        var next = current.Append(draft, actor, now);
        var after = ComplaintDeadlines.Compute(next, calendar);
        await timers.ScheduleAsync(PlanTimers(loaded.RecordedDeadlines, next, after, calendar, now), cancellationToken).ConfigureAwait(false);
        if (!ComplaintStateMachine.IsFinal(next.State))
        {
            await projection.MarkOpenAsync(next.TicketNo, cancellationToken).ConfigureAwait(false);
        }

        var rows = await outbox.PrepareAsync(ComplaintTables.Tickets, next.TicketNo, StatusMessages(current, next), cancellationToken).ConfigureAwait(false);
        await store.CommitAsync(loaded, next, after, rows, cancellationToken).ConfigureAwait(false);
        await AfterCommitAsync(loaded.RecordedDeadlines, next, after, now, rows.Count > 0, cancellationToken).ConfigureAwait(false);
        await CountAsync(next, calendar, current.Version, cancellationToken).ConfigureAwait(false);
        return next;
    }

    /// <summary>The 答复意见书 as the document machinery takes it: the content whole from the ticket (<see cref="ComplaintDocumentToIssue"/>), addressed to nobody by name.</summary>
    private static DocumentRequest AnswerRequest(Complaint c, ComplaintDocumentToIssue document, string owner, string ownerName, DateTimeOffset now) => new()
    {
        DocumentId = document.DocumentId,
        Type = DocumentType.AnswerOpinion,
        CaseNo = c.TicketNo,
        DepartmentCode = owner,
        DepartmentName = ownerName,
        ApplicantName = "诉求人",
        ItemName = c.Subject,
        IssuedAt = now,
        Fields = [.. document.Fields.Select(f => new DocumentField(f.Key, f.Value))],
        Paragraphs = document.Paragraphs,
        LegalBasis = document.LegalBasis,
    };

    /// <summary>The supervision counters of the ticket's events after <paramref name="afterVersion"/> (each counted once, however often recorded).</summary>
    private async Task CountAsync(Complaint c, IWorkingCalendar calendar, long afterVersion, CancellationToken cancellationToken)
    {
        try
        {
            await counters.RecordAsync(SupervisionIncrements.Complaint(c, calendar, afterVersion), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is RequestFailedException or InvalidOperationException)
        {
            logger.LogWarning(e, "supervision counters of ticket {TicketNo} not recorded now", c.TicketNo);
        }
    }

    private async Task AfterCommitAsync(IReadOnlyList<ComplaintDeadline>? before, Complaint next, IReadOnlyList<ComplaintDeadline> after, DateTimeOffset now, bool messagesWritten, CancellationToken cancellationToken)
    {
        try
        {
            foreach (var d in after.Where(d => !d.IsOpen && before?.Any(b => b.Kind == d.Kind && b.Round == d.Round && b.IsOpen) == true))
            {
                await alerts.ResolveAsync(next.TicketNo, d.AlertKey, now, cancellationToken).ConfigureAwait(false);
            }

            await projection.ProjectAsync(next, after, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is RequestFailedException or InvalidOperationException)
        {
            logger.LogWarning(e, "after-commit effects of ticket {TicketNo} failed; the projection timer repeats them", next.TicketNo);
        }

        if (!messagesWritten)
        {
            return;
        }

        try
        {
            await publisher.PublishAsync(ComplaintTables.Tickets, next.TicketNo, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(e, "status messages of ticket {TicketNo} not published now; the OutboxPublish timer sends them", next.TicketNo);
        }
    }
}
