using PowerFunctions.Domain.Calendar;
using PowerFunctions.Domain.Cases;
using PowerFunctions.Domain.Common;
using PowerFunctions.Domain.Complaints;

namespace PowerFunctions.Domain.Tests.Complaints;

/// <summary>Builds tickets for tests by running real commands on the real 2024–2026 calendar; time moves with <see cref="On"/>.</summary>
public sealed class ComplaintFixture
{
    public static readonly ComplaintActor Hotline = new("hl-1", "周热线", ComplaintRoles.Hotline);
    public static readonly ComplaintActor Supervisor = new("sup-1", "吴监督", ComplaintRoles.Supervisor);
    public static readonly ComplaintActor HandlerD01 = new("h-1", "郑承办", ComplaintRoles.Handler, "D01");
    public static readonly ComplaintActor HandlerD02 = new("h-2", "王承办", ComplaintRoles.Handler, "D02");
    public static readonly ComplaintActor HandlerD03 = new("h-3", "冯承办", ComplaintRoles.Handler, "D03");
    public static readonly ComplaintActor Citizen = new("c-1", "张小三", ComplaintRoles.Citizen);

    public static readonly WorkingCalendar Official = OfficialSchedules.Calendar();

    public ComplaintFixture(string category = "complaint", string? department = "D01", ComplaintChannel channel = ComplaintChannel.MiniProgram, int month = 9, int day = 18, bool anonymous = false, ComplaintLimits? limits = null)
    {
        Calendar = Official;
        On(month, day);
        var intake = Intake(category, department, channel, anonymous);
        var route = ComplaintRouting.Route(intake.Department, null, null);
        var draft = Complaint.Receive(intake, route, limits ?? ComplaintLimits.Defaults, "QC654321", Now);
        Assert.True(draft.IsSuccess, draft.IsSuccess ? null : $"{draft.Error.Code}: {draft.Error.Detail}");
        Ticket = Complaint.Start("T-20260918-000001", draft.Value, channel == ComplaintChannel.MiniProgram ? Citizen : Hotline, Now);
    }

    public IWorkingCalendar Calendar { get; set; }

    public DateTimeOffset Now { get; set; }

    public Complaint Ticket { get; private set; }

    public ComplaintContext Context => new(Calendar, Now);

    public static ComplaintIntake Intake(string category = "complaint", string? department = "D01", ComplaintChannel channel = ComplaintChannel.MiniProgram, bool anonymous = false) => new()
    {
        Channel = channel,
        Category = category,
        Subject = "窗口推诿不办",
        Description = "9月15日到政务大厅办理食品经营许可，窗口以系统故障为由拒收材料。",
        Department = department,
        ContactName = anonymous ? null : "张小三",
        ContactPhone = anonymous ? null : "13800001234",
        Anonymous = anonymous,
        HotlineTicketId = channel == ComplaintChannel.Hotline ? "HL-2026-0001" : null,
        FilerSubject = channel == ComplaintChannel.MiniProgram ? Citizen.Subject : null,
    };

    public static DateOnly D(int month, int day) => new(2026, month, day);

    /// <summary>Moves the clock to 10:00 China time on 2026-<paramref name="month"/>-<paramref name="day"/>.</summary>
    public ComplaintFixture On(int month, int day)
    {
        Now = new DateTimeOffset(2026, month, day, 10, 0, 0, TimeSpan.FromHours(8));
        return this;
    }

    /// <summary>Runs a command that must succeed and appends its event (with a fake document when it needs one).</summary>
    public ComplaintFixture Do(Func<Complaint, Result<ComplaintEventDraft>> command, ComplaintActor actor)
    {
        var result = command(Ticket);
        Assert.True(result.IsSuccess, result.IsSuccess ? null : $"{result.Error.Code}: {result.Error.Detail}");
        var draft = result.Value;
        if (draft.Document is { } doc)
        {
            draft = draft.WithDocument(new RecordedDocument(doc.DocumentId, ComplaintDocumentToIssue.Type, new string('b', 64)));
        }

        Ticket = Ticket.Append(draft, actor, Now);
        return this;
    }

    /// <summary>Runs a command that must fail, and answers its error; the ticket is unchanged.</summary>
    public DomainError Fail(Func<Complaint, Result<ComplaintEventDraft>> command)
    {
        var version = Ticket.Version;
        var result = command(Ticket);
        Assert.False(result.IsSuccess, "the command should have failed");
        Assert.Equal(version, Ticket.Version);
        return result.Error;
    }

    public ComplaintFixture Assign(string department = "D01", ComplaintActor? by = null) => Do(t => t.Assign(department, by ?? Hotline, Context), by ?? Hotline);

    public ComplaintFixture Accept(ComplaintActor? by = null) => Do(t => t.Accept(by ?? HandlerD01, Context), by ?? HandlerD01);

    public ComplaintFixture Transfer(string to, ComplaintActor? by = null) => Do(t => t.Transfer(to, "不属于本部门职责", by ?? HandlerD01, Context), by ?? HandlerD01);

    public ComplaintFixture Explain(DateOnly expectedBy, ComplaintActor? by = null) => Do(t => t.Explain(expectedBy, "需要调取监控并约谈窗口人员", by ?? HandlerD01, Context), by ?? HandlerD01);

    public ComplaintFixture Answer(ComplaintActor? by = null) => Do(t => t.Answer("经核查，窗口人员已批评教育，材料已当场受理。", by ?? HandlerD01, Context, "市场监督管理局"), by ?? HandlerD01);

    public ComplaintFixture FollowUp(bool satisfied, ComplaintActor? by = null) => Do(t => t.FollowUp(satisfied, satisfied ? null : "问题仍未解决", by ?? Hotline, Context), by ?? Hotline);

    public ComplaintFixture Reopen(ComplaintActor? by = null) => Do(t => t.Reopen("回访不满意，重新核查", by ?? Hotline, Context), by ?? Hotline);

    public ComplaintFixture Close(ComplaintActor? by = null) => Do(t => t.Close(by ?? Hotline, Context), by ?? Hotline);

    public IReadOnlyList<ComplaintDeadline> Deadlines => ComplaintDeadlines.Compute(Ticket, Calendar);

    public ComplaintDeadline Deadline(ComplaintDeadlineKind kind, int round = 1) => Deadlines.Single(d => d.Kind == kind && d.Round == round);
}
