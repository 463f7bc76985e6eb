using System.Globalization;
using PowerFunctions.Domain.Calendar;
using PowerFunctions.Domain.Cases;
using PowerFunctions.Domain.Common;

namespace PowerFunctions.App.Features.Cases;

/// <summary>The JSON shapes of a case: the staff view, the public progress page, the deadlines and the audit verification.</summary>
public static class CaseViews
{
    /// <summary>
    /// <c>GET /api/cases/{caseNo}</c>: <c>{caseNo, itemCode, state, version, events, deadlines, documents}</c>
    /// plus what staff need to act (applicant, reviews, objections shown to the decider, …) and the complaint
    /// tickets naming the case (<paramref name="tickets"/>, from <see cref="ICaseTickets"/>).
    /// </summary>
    public static object Staff(Case c, IWorkingCalendar calendar, DateTimeOffset now, IReadOnlyList<CaseTicket>? tickets = null) => new
    {
        caseNo = c.CaseNo,
        itemCode = c.Terms.ItemCode,
        itemName = c.Terms.ItemName,
        department = new { code = c.Terms.DepartmentCode, name = c.Terms.DepartmentName },
        state = CaseNames.Of(c.State),
        version = c.Version,
        receivedAt = c.Events[0].At,
        allowedActions = c.AllowedCommands,
        applicant = new { name = c.Applicant.Name, idType = c.Applicant.IdType, idNumber = c.Applicant.IdNumber, phone = c.Applicant.Phone },
        materials = c.Materials.Select(m => new { code = m.Code, name = m.Name }),
        missingMaterials = c.MissingMaterials.Select(m => new { code = m.Code, name = m.Name }),
        events = c.Events.Select(e => new { seq = e.Seq, type = e.Type, at = e.At, actor = e.Actor, actorName = e.ActorName, role = e.Role, hash = e.Hash }),
        deadlines = Deadlines(c, calendar, now),
        stages = CaseStages.Check(c, calendar, ChinaTime.DateOf(now)).Select(st => new
        {
            stage = st.Stage,
            startedOn = Date(st.StartedOn),
            endedOn = st.EndedOn is { } end ? Date(end) : null,
            limit = st.LimitWorkingDays,
            used = st.UsedWorkingDays,
            overrun = st.Overrun,
        }),
        documents = c.Documents.Select(d => new { id = d.Id, type = d.Type, sha256 = d.Sha256 }),
        acceptance = c.AcceptedOn is { } on ? new { acceptedOn = Date(on), deemed = c.DeemedAccepted, acceptor = c.Acceptor } : null,
        correction = c.LastCorrectionMissing.Count == 0 ? null : new { receiptNo = c.CorrectionNoticeForReceipt, missing = c.LastCorrectionMissing.Select(m => new { code = m.Code, reason = m.Reason }) },
        reviews = c.Reviews.Select(r => new { role = r.Role, reviewer = r.Reviewer, reviewerName = r.ReviewerName, opinion = r.Opinion, recommendation = r.Recommendation, at = r.At }),
        siteInspections = c.SiteInspections,
        jointOpinions = c.JointOpinions.Select(o => new { department = o.Department, opinion = o.Opinion, recommendation = o.Recommendation, givenBy = o.GivenBy, givenOn = Date(o.GivenOn) }),
        expertDraw = c.ExpertDrawRecord is { } x ? new { seed = x.Seed, count = x.Count, pool = x.Pool, drawn = x.Drawn, completed = c.ExpertReviewDone } : null,
        collectiveDecision = c.CollectiveDecisionRecord,
        suspensions = c.Suspensions.Select(s => new { reason = s.Reason, note = s.Note, from = Date(s.From), until = s.Until is { } u ? Date(u) : null, expectedUntil = s.ExpectedUntil is { } e ? Date(e) : null }),
        extension = c.Extension is { } ext ? new { workingDays = ext.WorkingDays, reason = ext.Reason, approvedBy = ext.ApprovedBy } : null,
        decision = c.Decision is { } d ? new { outcome = d.Outcome, reasons = d.Reasons, remedies = d.Remedies, decidedOn = Date(d.DecidedOn), publicFrom = d.PublicFrom is { } f ? Date(f) : null, publicUntil = d.PublicFrom is not null ? Date(c.PublicUntil(calendar)) : null } : null,
        setAsideDecisions = c.SetAsideDecisions.Select(d => new { outcome = d.Outcome, reasons = d.Reasons, decidedOn = Date(d.DecidedOn) }),
        objections = c.Objections.Select(o => new { id = o.Id, name = o.Name, contact = o.Contact, content = o.Content, at = ChinaTime.InChina(o.At), finding = o.Finding, answer = o.Answer, answeredOn = o.AnsweredOn is { } a ? Date(a) : null }),
        delivery = c.Delivery is { } del ? new { method = del.Method, recipient = del.Recipient, deliveredOn = Date(del.DeliveredOn) } : null,
        resultPublishedOn = c.ResultPublishedOn is { } p ? Date(p) : null,
        tickets = (tickets ?? []).Select(t => new { ticketNo = t.TicketNo, category = t.Category, state = t.State, department = t.Department, receivedAt = ChinaTime.InChina(t.ReceivedAt) }),
    };

    /// <summary><c>GET /api/cases/{caseNo}/progress</c>: public steps, applicant masked, no id number or phone.</summary>
    public static object Progress(Case c, IWorkingCalendar calendar, DateTimeOffset now) => new
    {
        caseNo = c.CaseNo,
        itemName = c.Terms.ItemName,
        department = c.Terms.DepartmentName,
        applicant = NameMask.Mask(c.Applicant.Name),
        state = CaseNames.Of(c.State),
        steps = c.Events.Select(e => (name: StepName(e.Type), at: e.At)).Where(s => s.name is not null).Select(s => new { name = s.name, at = s.at }),
        missingMaterials = c.MissingMaterials.Select(m => new { code = m.Code, name = m.Name }),
        deadlines = Deadlines(c, calendar, now),
    };

    /// <summary><c>[{kind, due, status, provisional}]</c> (+ <c>startedOn</c>, <c>resolvedOn</c>).</summary>
    public static IEnumerable<object> Deadlines(Case c, IWorkingCalendar calendar, DateTimeOffset now) =>
        CaseService.Deadlines(c, calendar, now).Select(d => (object)new
        {
            kind = d.Code,
            due = Date(d.Due),
            status = d.StatusAt(calendar, now),
            provisional = d.Provisional,
            startedOn = Date(d.StartedOn),
            resolvedOn = d.ResolvedOn is { } r ? Date(r) : null,
        });

    /// <summary>The answer to a submission: <c>{caseNo, queryCode, state, receivedAt, deadlines, missingMaterials}</c>, as of receipt.</summary>
    public static object Submitted(Case first, IWorkingCalendar calendar) => new
    {
        caseNo = first.CaseNo,
        queryCode = first.QueryCode,
        state = CaseNames.Of(first.State),
        receivedAt = first.Events[0].At,
        deadlines = Deadlines(first, calendar, first.Events[0].Instant),
        missingMaterials = first.MissingMaterials.Select(m => new { code = m.Code, name = m.Name }),
    };

    /// <summary>One line of the work list, its deadline's status as of <paramref name="now"/> (never yellow while its clock is stopped).</summary>
    public static WorkListLine WorkListLine(WorkListEntry e, IWorkingCalendar calendar, DateTimeOffset now) => new(
        e.CaseNo,
        e.ItemCode,
        e.ItemName,
        e.DepartmentCode,
        e.State,
        e.ReceivedAt,
        e.Next is { } next
            ? new WorkListLineDeadline(next.Kind, Date(next.Due), Domain.Deadlines.AlertRules.StatusAt(calendar, next.Due, now, met: false, clockStopped: next.Stopped), next.Provisional)
            : null);

    private static string? StepName(string type) => type switch
    {
        CaseEventTypes.Submitted => "已收件",
        CaseEventTypes.CorrectionRequested => "一次性告知补正",
        CaseEventTypes.Supplemented => "已补正",
        CaseEventTypes.Accepted => "已受理",
        CaseEventTypes.DeemedAccepted => "逾期未告知补正，视为受理",
        CaseEventTypes.Refused => "不予受理",
        CaseEventTypes.Reviewed => "审查",
        CaseEventTypes.SiteInspected => "现场核查",
        CaseEventTypes.ExpertsDrawn => "专家评审（不计入办理时限）",
        CaseEventTypes.CollectiveDecided => "集体讨论",
        CaseEventTypes.Suspended => "中止（不计入办理时限）",
        CaseEventTypes.Resumed => "恢复办理",
        CaseEventTypes.Extended => "延长办理期限",
        CaseEventTypes.JointOpinionGiven => "会办部门提出意见",
        CaseEventTypes.Decided => "已作出决定",
        CaseEventTypes.ObjectionAnswered => "公示异议已答复",
        CaseEventTypes.PublicityEnded => "公示期满",
        CaseEventTypes.Delivered => "已送达",
        CaseEventTypes.ResultPublished => "办理结果已公开",
        CaseEventTypes.Withdrawn => "申请人撤回申请",
        _ => null,
    };

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
