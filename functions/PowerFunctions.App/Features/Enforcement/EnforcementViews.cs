using System.Globalization;
using PowerFunctions.Domain.Calendar;
using PowerFunctions.Domain.Common;
using PowerFunctions.Domain.Enforcement;

namespace PowerFunctions.App.Features.Enforcement;

/// <summary>The JSON shapes of enforcement: officers, the penalty case (staff view), its deadlines, the public decisions and supervision's discretion rows.</summary>
public static class EnforcementViews
{
    /// <summary>An officer as the admin and supervisors see the register (the public sees only <see cref="OfficerPublicView"/>).</summary>
    public static object Officer(StoredOfficer stored, DateOnly today) => new
    {
        sub = stored.Officer.Subject,
        name = stored.Officer.Name,
        department = new { code = stored.Officer.DepartmentCode, name = stored.DepartmentName },
        certificateNo = stored.Officer.CertificateNo,
        validFrom = Date(stored.Officer.ValidFrom),
        validTo = Date(stored.Officer.ValidTo),
        fields = stored.Officer.Fields,
        status = OfficerRules.StatusOn(stored.Officer, today),
    };

    /// <summary>
    /// <c>GET /api/enforcement/cases/{caseNo}</c>: <c>{caseNo, itemCode, state, version, events, deadlines, documents}</c>
    /// plus what the department needs to act (party, facts, investigations, notices, hearing, reviews, meeting, decision…).
    /// </summary>
    public static object Case(PenaltyCase c, IWorkingCalendar calendar, DateTimeOffset now) => new
    {
        caseNo = c.CaseNo,
        itemCode = c.Terms.ItemCode,
        itemName = c.Terms.ItemName,
        department = new { code = c.Terms.DepartmentCode, name = c.Terms.DepartmentName },
        state = PenaltyNames.Of(c.State),
        version = c.Version,
        openedOn = Date(c.OpenedOn),
        openedBy = Officer(c.OpenedBy),
        allowedActions = c.AllowedCommands,
        party = new { name = c.Party.Name, idType = c.Party.IdType, idNumber = c.Party.IdNumber, address = c.Party.Address },
        facts = c.Facts,
        source = new { kind = c.Source.Kind, reference = c.Source.Reference },
        investigations = c.Investigations.Select(i => new { officers = i.Officers.Select(Officer), evidence = i.Evidence, on = Date(i.On) }),
        notices = c.Notices.Select(n => new
        {
            no = n.No,
            proposed = Penalty(n.Proposed),
            circumstance = n.Circumstance,
            reasons = n.Reasons,
            hearingAvailable = n.HearingAvailable,
            replyUntil = Date(n.ReplyUntil),
            notifiedOn = Date(n.NotifiedOn),
        }),
        statements = c.Statements.Select(s => new { text = s.Text, waivesStatement = s.WaivesStatement, waivesHearing = s.WaivesHearing, on = Date(s.On) }),
        hearing = c.HearingRequestedOn is { } requested ? new
        {
            requestedOn = Date(requested),
            entitled = c.LastNotice?.HearingAvailable ?? false,
            date = c.Hearing is { } h ? Date(h.Date) : null,
            place = c.Hearing?.Place,
            presiding = c.HearingRecord?.PresidingName ?? c.Hearing?.PresidingName,
            @public = c.Hearing?.Public,
            closedReason = c.Hearing?.ClosedReason,
            notifiedOn = c.Hearing is { } n ? Date(n.NotifiedOn) : null,
            heldOn = c.HearingRecord is { } held ? Date(held.HeldOn) : null,
            partyAppeared = c.HearingRecord?.PartyAppeared,
            signedByParty = c.HearingRecord?.SignedByParty,
        } : null,
        legalReviews = c.LegalReviews.Select(r => new { opinion = r.Opinion, passed = r.Passed, on = Date(r.On) }),
        collectiveDecision = c.CollectiveDecision is { } m ? new
        {
            attendees = m.Attendees,
            votes = m.Votes.Select(v => new { name = v.Name, vote = v.Vote, opinion = v.Opinion }),
            dissent = m.Dissent.Select(d => new { name = d.Name, opinion = d.Opinion }),
            outcome = m.Outcome,
            penalty = m.Penalty is { } p ? Penalty(p) : null,
            circumstance = m.Circumstance,
            ground = m.Ground,
            fit = m.Fit,
            departureReason = m.DepartureReason,
            on = Date(m.On),
        } : null,
        decision = c.Decision is { } d ? new
        {
            outcome = d.Outcome,
            penalty = d.Penalty is { } p2 ? Penalty(p2) : null,
            circumstance = d.Circumstance,
            ground = d.Ground,
            reasons = d.Reasons,
            fit = d.Fit,
            departureReason = d.DepartureReason,
            decidedOn = Date(d.DecidedOn),
        } : null,
        delivery = c.Delivery is { } del ? new { method = del.Method, recipient = del.Recipient, deliveredOn = Date(del.DeliveredOn) } : null,
        publishedOn = c.PublishedOn is { } published ? Date(published) : null,
        payment = c.Payment is { } pay ? new { amount = pay.Amount, surcharge = pay.Surcharge, paidOn = Date(pay.PaidOn), receiptNo = pay.ReceiptNo } : null,
        events = c.Events.Select(e => new { seq = e.Seq, type = e.Type, at = e.At, actor = e.Actor, actorName = e.ActorName, role = e.Role, hash = e.Hash }),
        deadlines = Deadlines(c, calendar, now),
        documents = c.Documents.Select(doc => new { id = doc.Id, type = doc.Type, sha256 = doc.Sha256 }),
    };

    /// <summary><c>[{kind, due, status, provisional, startedOn, resolvedOn}]</c>, the penalty clocks.</summary>
    public static IEnumerable<object> Deadlines(PenaltyCase c, IWorkingCalendar calendar, DateTimeOffset now) =>
        PenaltyService.Deadlines(c, calendar, now).Select(d => (object)new
        {
            kind = d.Code,
            due = Date(d.Due),
            status = d.StatusAt(calendar, now),
            provisional = d.Provisional,
            startedOn = Date(d.StartedOn),
            resolvedOn = d.ResolvedOn is { } r ? Date(r) : null,
        });

    /// <summary>One published decision as the public sees it: the person masked, no id number, no address, no free-text facts.</summary>
    public static object Publication(PenaltyPublication p) => new
    {
        caseNo = p.CaseNo,
        decisionNo = p.DecisionNo,
        party = p.Party,
        creditCode = p.CreditCode,
        itemCode = p.ItemCode,
        offence = p.Offence,
        penalty = Penalty(p.Penalty),
        basis = p.Basis,
        department = p.Department,
        decidedOn = Date(p.DecidedOn),
        publishedOn = Date(p.PublishedOn),
    };

    /// <summary>One flagged penalty for supervision: the case, the item, the circumstance found, the penalty against its tier, the reason recorded for a departure.</summary>
    public static object Decided(DecidedRecord r) => new
    {
        caseNo = r.Penalty.CaseNo,
        itemCode = r.Penalty.ItemCode,
        itemName = r.ItemName,
        circumstance = r.Penalty.Circumstance,
        penalty = Penalty(r.Penalty.Penalty),
        tier = r.Tier is { } t ? new { type = t.Type, minimum = t.Minimum, maximum = t.Maximum } : null,
        fit = r.Penalty.Fit,
        departureReason = r.Penalty.DepartureReason,
        decidedOn = Date(r.Penalty.DecidedOn),
    };

    public static object Penalty(Penalty p) => new { type = p.Type, amount = p.Amount };

    private static object Officer(OfficerRef o) => new { sub = o.Subject, name = o.Name, certificateNo = o.CertificateNo };

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
