using PowerFunctions.Domain.Calendar;
using PowerFunctions.Domain.Cases;
using PowerFunctions.Domain.Catalog;
using PowerFunctions.Domain.Common;
using PowerFunctions.Domain.Experts;

namespace PowerFunctions.Domain.Tests.Cases;

/// <summary>Builds cases for tests by running real commands; time moves with <see cref="Now"/>.</summary>
public sealed class CaseFixture
{
    public static readonly DateTimeOffset Start = new(2026, 9, 18, 9, 30, 0, TimeSpan.FromHours(8));

    public static readonly CaseActor Citizen = new("citizen-1", "张小三", "citizen");
    public static readonly CaseActor Acceptor = new("acc-1", "李受理", "acceptor");
    public static readonly CaseActor ReviewerA = new("rev-a", "王审查", "reviewer");
    public static readonly CaseActor ReviewerB = new("rev-b", "赵复核", "reviewer");
    public static readonly CaseActor Decider = new("dec-1", "钱决定", "decider");
    public static readonly CaseActor Deliverer = new("del-1", "孙送达", "deliverer");

    public CaseFixture(ItemTerms? terms = null, WorkingCalendar? calendar = null, IReadOnlyList<MaterialRef>? materials = null)
    {
        Terms = terms ?? Item();
        Calendar = calendar ?? TestCalendars.Autumn2026;
        Now = Start;
        var draft = Case.Submit(Terms, new Applicant("张小三", "身份证", "410102199001011234", "13800000000"), Citizen.Subject, materials ?? Terms.Materials.Where(m => m.Required).Select(m => new MaterialRef(m.Code, m.Name)).ToArray(), null, "QC123456", Now).Value;
        Case = Case.Start("D01-20260918-000001", draft, Citizen, Now);
    }

    /// <summary>A register of <paramref name="external"/> external and <paramref name="internalCount"/> internal experts of field 特种设备, plus one unavailable external and one external of another field.</summary>
    public static ExpertRegister Register(int external = 1, int internalCount = 2) => ExpertRegister.Of(
    [
        .. Enumerable.Range(1, external).Select(i => new Expert($"X{i}", $"外聘专家{i}", true, ["特种设备"], true)),
        .. Enumerable.Range(1, internalCount).Select(i => new Expert($"N{i}", $"内部专家{i}", false, ["特种设备"], true)),
        new Expert("X-off", "休假专家", true, ["特种设备"], false),
        new Expert("X-env", "环保专家", true, ["环境保护"], true),
    ]).Value;

    /// <summary>The joint handling of the tests: lead D01, opinions from D02 (3 wd) and D03 (5 wd).</summary>
    public static JointHandling Joint { get; } = new("D01", [new JointDepartment("D02", "市自然资源和规划局", 3), new JointDepartment("D03", "市住房和城乡建设局", 5)]);

    public ItemTerms Terms { get; }

    public WorkingCalendar Calendar { get; }

    public DateTimeOffset Now { get; set; }

    public Case Case { get; private set; }

    public CaseContext Context => new(Calendar, Now);

    public static ItemTerms Item(bool substantive = true, bool publicised = true, bool expert = false, bool collective = false, bool separate = true, bool joint = false, int promised = 10, bool immediate = false, bool siteInspection = false, bool confidential = false) => new()
    {
        ItemCode = "XK-001",
        ItemVersion = 1,
        ItemName = "食品经营许可",
        DepartmentCode = "D01",
        DepartmentName = "市场监督管理局",
        Kind = "licensing",
        Immediate = immediate,
        PromisedWorkingDays = promised,
        LegalWorkingDays = joint ? 45 : 20,
        Substantive = substantive,
        Publicised = publicised,
        Confidential = confidential,
        ExpertReview = expert,
        ExpertField = expert ? "特种设备" : null,
        CollectiveDecision = collective,
        SiteInspection = siteInspection,
        SeparateAcceptance = separate,
        JointHandling = joint ? Joint : null,
        Materials = [new MaterialTerm("M1", "申请书", true), new MaterialTerm("M2", "营业执照", true), new MaterialTerm("M3", "其他", false)],
    };

    /// <summary>Moves the clock to 10:00 China time on 2026-<paramref name="month"/>-<paramref name="day"/>.</summary>
    public CaseFixture On(int month, int day)
    {
        Now = new DateTimeOffset(2026, month, day, 10, 0, 0, TimeSpan.FromHours(8));
        return this;
    }

    /// <summary>Runs a command that must succeed and appends its event (with a fake document when it needs one).</summary>
    public CaseFixture Do(Func<Case, Result<CaseEventDraft>> command, CaseActor actor)
    {
        var result = command(Case);
        Assert.True(result.IsSuccess, result.IsSuccess ? null : $"{result.Error.Code}: {result.Error.Detail}");
        var draft = result.Value;
        if (draft.Document is { } doc)
        {
            draft = draft.WithDocument(new DocumentRef(doc.DocumentId, doc.Kind, new string('a', 64)));
        }

        Case = Case.Append(draft, actor, Now);
        return this;
    }

    public CaseFixture Accept() => Do(c => c.Accept(Context), Acceptor);

    public CaseFixture ReviewBoth() =>
        Do(c => c.RecordReview("A", "符合条件", DecisionOutcome.Approve, ReviewerA), ReviewerA)
        .Do(c => c.RecordReview("B", "同意", DecisionOutcome.Approve, ReviewerB), ReviewerB);

    public CaseFixture Decide(DecisionOutcome outcome = DecisionOutcome.Approve, string? reasons = "符合条件") => Do(c => c.Decide(outcome, reasons, Context), Decider);

    public CaseFixture EndPublicity() => Do(c => c.EndPublicity(Context), CaseActor.System);

    public CaseFixture Deliver() => Do(c => c.Deliver(DeliveryMethod.Electronic, "张小三", Context), Deliverer);

    public CaseFixture Publish() => Do(c => c.PublishResult(Context), CaseActor.System);

    public CaseDeadline Deadline(DeadlineKind kind) => CaseDeadlines.Compute(Case, Calendar, DateOnly.FromDateTime(Now.DateTime)).Single(d => d.Kind == kind);

    public IReadOnlyList<CaseDeadline> Deadlines() => CaseDeadlines.Compute(Case, Calendar, DateOnly.FromDateTime(Now.DateTime));
}
