using PowerFunctions.Domain.Calendar;
using PowerFunctions.Domain.Cases;
using PowerFunctions.Domain.Catalog;
using PowerFunctions.Domain.Common;
using PowerFunctions.Domain.Enforcement;
using DeliveryMethod = PowerFunctions.Domain.Enforcement.DeliveryMethod;
using Vote = PowerFunctions.Domain.Enforcement.Vote;

namespace PowerFunctions.Domain.Tests.Enforcement;

/// <summary>
/// Builds penalty cases for tests by running real commands on the real working calendar (the official
/// 2024–2026 schedules: 中秋 9/25–9/27 and 国庆 10/1–10/7 2026, make-up days 9/20 and 10/10); time moves with <see cref="On"/>.
/// </summary>
public sealed class PenaltyFixture
{
    public static readonly Officer OfficerA = new("o-a", "王执法", "D04", "豫D04-0001", new DateOnly(2025, 1, 1), new DateOnly(2027, 12, 31), ["安全生产"]);
    public static readonly Officer OfficerB = new("o-b", "李执法", "D04", "豫D04-0002", new DateOnly(2025, 1, 1), new DateOnly(2027, 12, 31), ["安全生产"]);
    public static readonly Officer OfficerC = new("o-c", "赵执法", "D04", "豫D04-0003", new DateOnly(2025, 1, 1), new DateOnly(2027, 12, 31), ["安全生产", "危险化学品"]);
    public static readonly CaseActor Enforcer = new(OfficerA.Subject, OfficerA.Name, "enforcer");
    public static readonly CaseActor Decider = new("dec-1", "钱局长", "decider");
    public static readonly CaseActor Reviewer = new("legal-1", "孙法制", "legal-reviewer");

    public static readonly Party Company = new("郑州某某机械有限公司", PartyIdType.CreditCode, "91410100MA44B1234X", "郑州市金水区某路1号");
    public static readonly Party Person = new("张小三", PartyIdType.ResidentId, "410102199001011234", "郑州市二七区某街2号");

    public PenaltyFixture(PenaltyItemTerms? terms = null, Party? party = null, IWorkingCalendar? calendar = null)
    {
        Terms = terms ?? Terms0();
        Calendar = calendar ?? OfficialSchedules.Calendar();
        Now = At(9, 1);
        var opened = PenaltyCase.Open(Terms, party ?? Company, "2026年8月28日检查发现，该公司12名从业人员中有3人未经安全生产教育和培训即上岗作业。", new PenaltySource(PenaltySourceKind.Inspection, "JC-2026-0828-01"), new DateOnly(2026, 8, 28), false, OfficerA, Context);
        Case = PenaltyCase.Start("D04-CF-20260901-0001", opened.Value, Enforcer, Now);
    }

    public PenaltyItemTerms Terms { get; }

    public IWorkingCalendar Calendar { get; }

    public DateTimeOffset Now { get; set; }

    public PenaltyCase Case { get; private set; }

    public EnforcementContext Context => new(Calendar, Now);

    public static DiscretionBenchmark Benchmark(bool firstOffence = true, bool major = false, decimal? majorAmount = 60000m) =>
        Catalog.PenaltyItems.Benchmark(firstOffence, major, majorAmount);

    public static PenaltyItemTerms Terms0(bool collective = false, bool hearingExcluded = true, DiscretionBenchmark? benchmark = null) => new()
    {
        ItemCode = "CF-D04-0001",
        ItemVersion = 1,
        ItemName = "对生产经营单位未按照规定对从业人员进行安全生产教育和培训的行政处罚",
        DepartmentCode = "D04",
        DepartmentName = "市应急管理局",
        LegalBases = [new LegalBasis("《中华人民共和国安全生产法》", "第九十七条第（三）项", "……处十万元以下的罚款……")],
        Discretion = benchmark ?? Benchmark(),
        CollectiveDecision = collective,
        HearingTimeExcluded = hearingExcluded,
    };

    public static Penalty Fine(decimal amount) => new(PenaltyType.Fine, amount);

    public static PenaltyDecisionInput Penalise(decimal amount, Circumstance circumstance = Circumstance.Ordinary, string reasons = "违法事实清楚，证据确凿") =>
        new(PenaltyOutcome.Penalty, Fine(amount), circumstance, null, reasons);

    /// <summary>10:00 China time on 2026-<paramref name="month"/>-<paramref name="day"/>.</summary>
    public static DateTimeOffset At(int month, int day) => new(2026, month, day, 10, 0, 0, TimeSpan.FromHours(8));

    public PenaltyFixture On(int month, int day)
    {
        Now = At(month, day);
        return this;
    }

    /// <summary>Appends a successful command's draft (fails the test with the error otherwise).</summary>
    public PenaltyFixture Do(Result<PenaltyEventDraft> result, CaseActor? actor = null)
    {
        Assert.True(result.IsSuccess, result.IsSuccess ? null : $"{result.Error.Code}: {result.Error.Detail}");
        var draft = result.Value;
        if (draft.Document is { } document)
        {
            // what the app does: issue and seal the document, then record it on the event before committing
            draft = draft.WithDocument(new RecordedDocument(document.DocumentId, PenaltyNames.Of(document.Kind), new string('a', 64)));
        }

        Case = Case.Append(draft, actor ?? Enforcer, Now);
        return this;
    }

    public PenaltyFixture Investigated() =>
        Do(Case.Investigate([OfficerA.Subject, OfficerB.Subject], [OfficerA, OfficerB], "现场检查笔录、培训记录、询问笔录", OfficerA, Context));

    public PenaltyFixture Notified(decimal amount, Circumstance circumstance = Circumstance.Ordinary) =>
        Do(Case.Notify(Fine(amount), circumstance, null, OfficerA, Context));

    public PenaltyFixture Stated(string text = "我公司已组织补训，请求从轻处罚", bool waivesHearing = false) =>
        Do(Case.RecordStatement(text, false, waivesHearing, OfficerA, Context));

    public PenaltyFixture Reviewed(bool passed = true) =>
        Do(Case.RecordLegalReview("事实清楚，证据确凿，适用依据正确，程序合法，裁量适当", passed, Reviewer.Subject, Context), Reviewer);

    public PenaltyFixture Met(PenaltyDecisionInput adopted, string? departureReason = null) =>
        Do(Case.RecordCollectiveDecision(["钱局长", "周副局长", "吴副局长"], [new MeetingVote("钱局长", Vote.Agree, null), new MeetingVote("周副局长", Vote.Agree, null), new MeetingVote("吴副局长", Vote.Abstain, null)], [], adopted, departureReason, Context), Decider);

    public PenaltyFixture Decided(PenaltyDecisionInput input) => Do(Case.Decide(input, Context), Decider);

    /// <summary>Opened 9/1, investigated, notified of 30,000 (ordinary, no hearing right for 50,000-threshold), statement waived: ready to decide.</summary>
    public PenaltyFixture ReadyToDecide(decimal amount = 30000)
    {
        Investigated().Notified(amount);
        return Do(Case.RecordStatement(null, true, false, OfficerA, Context));
    }
}
