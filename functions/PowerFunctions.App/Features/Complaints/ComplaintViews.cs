using System.Globalization;
using PowerFunctions.Domain.Calendar;
using PowerFunctions.Domain.Common;
using PowerFunctions.Domain.Complaints;
using PowerFunctions.Domain.Deadlines;

namespace PowerFunctions.App.Features.Complaints;

/// <summary>
/// The JSON shapes of a ticket: the answer to a filing, the full view (staff of the owning department, the hotline,
/// supervisors), the filer's view, and a work-list item. Who sees the filer is <see cref="ComplaintPrivacy"/>'s
/// decision, made here for every view: a 举报's reporter never reaches department staff, and lists show only masked
/// contacts.
/// </summary>
public static class ComplaintViews
{
    /// <summary><c>POST /api/complaints</c>: <c>{ticketNo, queryCode, state, receivedAt, deadlines}</c>, as of receipt.</summary>
    public static object Submitted(Complaint first, IWorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(first);
        var at = first.Events[0].Instant;
        return new
        {
            ticketNo = first.TicketNo,
            queryCode = first.QueryCode,
            state = ComplaintNames.Of(first.State),
            receivedAt = first.Events[0].At,
            deadlines = Deadlines(ComplaintDeadlines.Compute(first, calendar), calendar, at),
        };
    }

    /// <summary>
    /// <c>GET /api/complaints/{ticketNo}</c> for staff: <c>{ticketNo, category, state, department, caseNo?, events, deadlines}</c>
    /// and what they need to act (subject, description, contact as <see cref="ComplaintPrivacy"/> allows, the
    /// transfer waiting, answers, follow-ups, documents, allowed actions).
    /// </summary>
    public static object Staff(Complaint c, ComplaintViewer viewer, IWorkingCalendar calendar, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(c);
        return new
        {
            ticketNo = c.TicketNo,
            category = ComplaintNames.Of(c.Category),
            categoryName = ComplaintNames.LabelOf(c.Category),
            channel = ComplaintNames.Of(c.Channel),
            state = ComplaintNames.Of(c.State),
            stateName = ComplaintNames.LabelOf(c.State),
            department = c.Owner,
            firstDepartment = c.FirstDepartment,
            pendingTransfer = c.PendingTransfer is { } t ? new { from = t.From, to = t.To, reason = t.Reason, on = Date(t.On) } : null,
            caseNo = c.CaseNo,
            itemCode = c.ItemCode,
            hotlineTicketId = c.HotlineTicketId,
            subject = c.Subject,
            description = c.Description,
            location = Location(c),
            anonymous = c.Anonymous,
            contact = Contact(ComplaintPrivacy.ContactFor(c, viewer, listing: false)),
            receivedAt = c.Events[0].At,
            round = c.Round,
            version = c.Version,
            allowedActions = c.AllowedCommands,
            events = c.Events.Select(e =>
            {
                var (actor, actorName) = ComplaintPrivacy.ActorFor(e, c, viewer);
                return new { seq = e.Seq, type = e.Type, at = e.At, actor, actorName, role = e.Role, department = e.Department, hash = e.Hash };
            }),
            deadlines = Deadlines(ComplaintDeadlines.Compute(c, calendar), calendar, now),
            documents = c.Documents.Select(d => new { id = d.Id, type = d.Type, sha256 = d.Sha256 }),
            transfers = c.Transfers.Select(x => new { from = x.From, to = x.To, reason = x.Reason, on = Date(x.On) }),
            explanations = Explanations(c),
            answers = Answers(c),
            followUps = FollowUps(c),
        };
    }

    /// <summary>
    /// The filer's view (<c>?queryCode=</c>, or the mini-program account that filed it): where the ticket stands,
    /// its clocks, the answers and their sealed documents; the events name departments and roles, not staff.
    /// </summary>
    public static object Filer(Complaint c, IWorkingCalendar calendar, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(c);
        return new
        {
            ticketNo = c.TicketNo,
            category = ComplaintNames.Of(c.Category),
            state = ComplaintNames.Of(c.State),
            stateName = ComplaintNames.LabelOf(c.State),
            department = c.Owner,
            caseNo = c.CaseNo,
            subject = c.Subject,
            description = c.Description,
            contact = Contact(c.Contact),
            anonymous = c.Anonymous,
            receivedAt = c.Events[0].At,
            events = c.Events.Select(e => new
            {
                seq = e.Seq,
                type = e.Type,
                at = e.At,
                actor = e.Role switch
                {
                    ComplaintRoles.Citizen => ComplaintPrivacy.HiddenFiler,
                    ComplaintRoles.Handler => e.Department ?? e.Role,
                    _ => e.Role,
                },
            }),
            deadlines = Deadlines(ComplaintDeadlines.Compute(c, calendar), calendar, now),
            documents = c.Documents.Select(d => new { id = d.Id, type = d.Type, sha256 = d.Sha256 }),
            explanations = Explanations(c),
            answers = Answers(c),
            followUps = FollowUps(c),
        };
    }

    /// <summary>A work-list item: the ticket's state and next clock, the contact masked and only where the viewer may see the filer.</summary>
    public static object ListItem(ComplaintListRow row, ComplaintViewer viewer, IWorkingCalendar calendar, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(row);
        var canSee = ComplaintPrivacy.CanSeeFiler(row.CategoryValue, row.Anonymous, row.Department, viewer, isFiler: false);
        return new
        {
            ticketNo = row.TicketNo,
            category = row.Category,
            channel = row.Channel,
            state = row.State,
            department = row.Department,
            transferTo = row.TransferTo,
            subject = row.Subject,
            receivedAt = ChinaTime.InChina(row.ReceivedAt),
            updatedAt = ChinaTime.InChina(row.UpdatedAt),
            itemCode = row.ItemCode,
            caseNo = row.CaseNo,
            hotlineTicketId = row.HotlineTicketId,
            anonymous = row.Anonymous,
            contact = canSee ? Contact(row.MaskedContact) : null,
            nextDeadline = row.NextDue is { } due
                ? new { kind = row.NextKind, round = row.NextRound, due = Date(due), status = AlertRules.StatusAt(calendar, due, now, met: false) }
                : null,
            overdue = row.OverdueOn(ChinaTime.DateOf(now)),
        };
    }

    /// <summary><c>[{kind, round, due, status, provisional, startedOn, resolvedOn?, extended}]</c>.</summary>
    public static IEnumerable<object> Deadlines(IReadOnlyList<ComplaintDeadline> deadlines, IWorkingCalendar calendar, DateTimeOffset now) =>
        deadlines.Select(d => (object)new
        {
            kind = d.Code,
            round = d.Round,
            due = Date(d.Due),
            status = d.StatusAt(calendar, now),
            provisional = d.Provisional,
            startedOn = Date(d.StartedOn),
            resolvedOn = d.ResolvedOn is { } r ? Date(r) : null,
            extended = d.Extended,
        });

    private static object? Contact(ComplaintContact? contact) =>
        contact is null ? null : new { name = contact.Name, phone = contact.Phone, email = contact.Email };

    private static object? Location(Complaint c) =>
        c.Location is { } l ? new { address = l.Address, lat = l.Lat, @long = l.Long } : null;

    private static IEnumerable<object> Explanations(Complaint c) =>
        c.Explanations.Select(x => (object)new { round = x.Round, expectedBy = Date(x.ExpectedBy), reason = x.Reason, on = Date(x.On), extends = x.Extends });

    /// <summary>
    /// Each answer with its 答复意见书. An answer and its document are recorded by the same event, one each and
    /// in order, so the n-th answer's document is the n-th answer document (public ids are opaque HMACs);
    /// a readable id of before, <c>{ticketNo}-answer-{round}</c>, is matched by name first.
    /// </summary>
    private static IEnumerable<object> Answers(Complaint c)
    {
        var documents = c.Documents.Where(d => d.Type == ComplaintDocumentToIssue.Type).ToList();
        return c.Answers.Select((a, i) => (object)new
        {
            round = a.Round,
            answer = a.Answer,
            on = Date(a.On),
            documentId = (documents.FirstOrDefault(d => d.Id.EndsWith($"-answer-{a.Round.ToString(CultureInfo.InvariantCulture)}", StringComparison.Ordinal)) ?? documents.ElementAtOrDefault(i))?.Id,
        });
    }

    private static IEnumerable<object> FollowUps(Complaint c) =>
        c.FollowUps.Select(f => (object)new { round = f.Round, satisfied = f.Satisfied, note = f.Note, on = Date(f.On) });

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
