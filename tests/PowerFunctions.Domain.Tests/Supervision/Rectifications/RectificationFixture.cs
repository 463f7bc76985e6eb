using PowerFunctions.Domain.Calendar;
using PowerFunctions.Domain.Cases;
using PowerFunctions.Domain.Common;
using PowerFunctions.Domain.Supervision;
using PowerFunctions.Domain.Supervision.Rectifications;

namespace PowerFunctions.Domain.Tests.Supervision.Rectifications;

/// <summary>Builds rectification notices for tests by running real commands on the official 2024–2026 calendar.</summary>
internal sealed class RectificationFixture
{
    public const string Id = "ZG-D01-20260930-001";

    public static readonly WorkingCalendar Official = OfficialSchedules.Calendar();

    public RectificationFixture(int workingDays = 5, int month = 9, int day = 30)
    {
        Now = SupervisionActors.At(month, day);
        var draft = Rectification.Open(Id, Request(workingDays), SupervisionActors.Supervisor, Official, Now);
        Assert.True(draft.IsSuccess, draft.IsSuccess ? null : $"{draft.Error.Code}: {draft.Error.Detail}");
        Notice = Rectification.Start(Id, draft.Value.WithDocument(new RecordedDocument(draft.Value.Document!.DocumentId, RectificationNotice.Type, new string('c', 64))), SupervisionActors.Supervisor, Now);
    }

    public DateTimeOffset Now { get; set; }

    public Rectification Notice { get; private set; }

    public static RectificationRequest Request(int? workingDays = 5) => new()
    {
        Department = "D01",
        DepartmentName = "市场监督管理局",
        CaseNo = "D01-20260918-000001",
        AlertId = "case.D01-20260918-000001.decision.red",
        Finding = "食品经营许可办件超过承诺时限3个工作日作出决定，未说明理由。",
        Requirement = "查明超期原因，对承办人员批评教育，完善时限提醒机制。",
        WorkingDays = workingDays,
    };

    public RectificationFixture On(int month, int day, int hour = 10)
    {
        Now = SupervisionActors.At(month, day, hour);
        return this;
    }

    public RectificationFixture Do(Func<Rectification, Result<RectificationEventDraft>> command, SupervisionActor actor)
    {
        var result = command(Notice);
        Assert.True(result.IsSuccess, result.IsSuccess ? null : $"{result.Error.Code}: {result.Error.Detail}");
        Notice = Notice.Append(result.Value, actor, Now);
        return this;
    }

    public DomainError Fail(Func<Rectification, Result<RectificationEventDraft>> command)
    {
        var version = Notice.Version;
        var result = command(Notice);
        Assert.False(result.IsSuccess, "the command should have failed");
        Assert.Equal(version, Notice.Version);
        return result.Error;
    }

    public RectificationFixture Report(string measures = "已对承办人员批评教育，上线时限提醒。") => Do(n => n.Report(measures, SupervisionActors.StaffD01, Now), SupervisionActors.StaffD01);

    public RectificationFixture SendBack(int? workingDays = null) => Do(n => n.SendBack("未说明超期原因", workingDays, SupervisionActors.Supervisor, Official, Now), SupervisionActors.Supervisor);

    public RectificationFixture Overdue() => Do(n => n.RecordOverdue(Now), SupervisionActors.System);
}
