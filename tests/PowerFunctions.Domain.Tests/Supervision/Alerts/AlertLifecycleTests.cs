using PowerFunctions.Domain.Common;
using PowerFunctions.Domain.Supervision;
using PowerFunctions.Domain.Supervision.Alerts;
using static PowerFunctions.Domain.Tests.Supervision.SupervisionActors;

namespace PowerFunctions.Domain.Tests.Supervision.Alerts;

[Trait("Source", "seed 003 (预警纠错)")]
[Trait("Source", "municipal 电子监察 rules (public)")]
public sealed class AlertLifecycleTests
{
    private static readonly AlertKey RedKey = new(AlertSubject.Case("D01-20260918-000001"), AlertKind.Deadline("decision"), AlertLevel.Red);

    private static Alert Raise(AlertKey? key = null, params Alert[] sameClock) =>
        Alert.Raise(key ?? RedKey, "D01", "XK-001", new DateOnly(2026, 10, 9), At(10, 10, 0, 5), sameClock).Value;

    private static Alert Ok(Result<Alert> result)
    {
        Assert.True(result.IsSuccess, result.IsSuccess ? null : $"{result.Error.Code}: {result.Error.Detail}");
        return result.Value;
    }

    private static DomainError Fails(Result<Alert> result)
    {
        Assert.False(result.IsSuccess);
        return result.Error;
    }

    [Fact]
    public void Raise_New_IsOpenWithItsRaiseInHistory()
    {
        var alert = Raise();

        Assert.Equal("case.D01-20260918-000001.decision.red", alert.Id);
        Assert.Equal(AlertState.Open, alert.State);
        Assert.Null(alert.Closure);
        var entry = Assert.Single(alert.History);
        Assert.Equal("raised", entry.Action);
        Assert.Equal("system", entry.ActorKind);
    }

    [Fact]
    public void Raise_YellowAfterRedOfSameClock_IsRecordedClosedAsSuperseded()
    {
        var red = Raise();

        var yellow = Raise(RedKey.At(AlertLevel.Yellow), red);

        Assert.Equal(AlertState.Closed, yellow.State);
        Assert.Equal(AlertClosure.Superseded, yellow.Closure);
        Assert.Equal(red.Id, yellow.SupersededBy);
        Assert.Equal(["raised", "superseded"], yellow.History.Select(h => h.Action));
    }

    [Fact]
    public void Raise_YellowAfterRedOfAnotherRound_StaysOpen()
    {
        var red = Raise();

        var yellow = Raise(RedKey.At(AlertLevel.Yellow) with { Occurrence = 2 }, red);

        Assert.Equal(AlertState.Open, yellow.State);
    }

    [Fact]
    public void Raise_BadDepartmentOrItem_ListsEveryProblem()
    {
        var error = Fails(Alert.Raise(RedKey, "D 01", "X/1", new DateOnly(2026, 10, 9), At(10, 10), []));

        Assert.Equal("alert.validation_failed", error.Code);
        Assert.Equal(["department", "itemCode"], error.Errors!.Keys.Order());
    }

    [Fact]
    public void Acknowledge_ByStaffOfItsDepartment_RecordsWhatItDid()
    {
        var alert = Ok(Raise().Acknowledge("  已于10月12日作出决定并送达，对承办人批评教育。 ", StaffD01, At(10, 12)));

        Assert.Equal(AlertState.Acknowledged, alert.State);
        Assert.Equal("已于10月12日作出决定并送达，对承办人批评教育。", alert.Acknowledgement);
        var entry = alert.History[^1];
        Assert.Equal(("acknowledged", "s-1", "department", "D01"), (entry.Action, entry.Actor, entry.ActorKind, entry.Department));
    }

    [Fact]
    public void Acknowledge_ByAnotherDepartment_IsForbidden()
    {
        Assert.Equal("alert.not_department", Fails(Raise().Acknowledge("已处理", StaffD02, At(10, 12))).Code);
    }

    [Fact]
    public void Acknowledge_BySupervisor_IsForbidden()
    {
        var error = Fails(Raise().Acknowledge("已处理", Supervisor, At(10, 12)));

        Assert.Equal("alert.role_not_allowed", error.Code);
        Assert.Equal(ErrorKind.Forbidden, error.Kind);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public void Acknowledge_WithoutNote_IsRefusedAndChangesNothing(string? note)
    {
        var alert = Raise();

        var error = Fails(alert.Acknowledge(note, StaffD01, At(10, 12)));

        Assert.Equal("alert.validation_failed", error.Code);
        Assert.Contains("note", error.Errors!.Keys);
        Assert.Equal(AlertState.Open, alert.State);
        Assert.Single(alert.History);
    }

    [Fact]
    public void Acknowledge_Twice_IsInvalidTransitionNamingWhatIsAllowed()
    {
        var alert = Ok(Raise().Acknowledge("已处理", StaffD01, At(10, 12)));

        var error = Fails(alert.Acknowledge("再次说明", StaffD01, At(10, 13)));

        Assert.Equal("alert.invalid_transition", error.Code);
        Assert.Equal(new[] { "close", "escalate" }, error.Extensions!["allowed"]);
    }

    [Fact]
    public void Close_Unacknowledged_IsRefused_TheDepartmentAnswersFirst()
    {
        Assert.Equal("alert.invalid_transition", Fails(Raise().Close(null, Supervisor, At(10, 12))).Code);
    }

    [Fact]
    public void Close_AcknowledgedBySupervisor_ClosesWithTheRemark()
    {
        var acknowledged = Ok(Raise().Acknowledge("已处理", StaffD01, At(10, 12)));

        var closed = Ok(acknowledged.Close("整改到位", Supervisor, At(10, 13)));

        Assert.Equal((AlertState.Closed, AlertClosure.Closed), (closed.State, closed.Closure));
        Assert.Equal(At(10, 13), closed.ClosedAt);
        Assert.Equal(["raised", "acknowledged", "closed"], closed.History.Select(h => h.Action));
        Assert.Equal("整改到位", closed.History[^1].Note);
    }

    [Fact]
    public void Close_ByDepartmentStaff_IsForbidden()
    {
        var acknowledged = Ok(Raise().Acknowledge("已处理", StaffD01, At(10, 12)));

        Assert.Equal("alert.role_not_allowed", Fails(acknowledged.Close(null, StaffD01, At(10, 13))).Code);
    }

    [Fact]
    public void Escalate_OpenAlert_ClosesItIntoTheRectification()
    {
        var escalated = Ok(Raise().Escalate("ZG-D01-20261013-001", Supervisor, At(10, 13)));

        Assert.Equal((AlertState.Closed, AlertClosure.Escalated), (escalated.State, escalated.Closure));
        Assert.Equal("ZG-D01-20261013-001", escalated.RectificationId);
        Assert.Equal("escalated", escalated.History[^1].Action);
    }

    [Fact]
    public void Escalate_Acknowledged_IsAllowed_Closed_IsNot()
    {
        var acknowledged = Ok(Raise().Acknowledge("已处理", StaffD01, At(10, 12)));
        var escalated = Ok(acknowledged.Escalate("ZG-1", Supervisor, At(10, 13)));

        Assert.Equal("alert.invalid_transition", Fails(escalated.Escalate("ZG-2", Supervisor, At(10, 14))).Code);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("ZG 1")]
    public void Escalate_WithoutRectificationId_IsRefused(string? id)
    {
        Assert.Equal("alert.validation_failed", Fails(Raise().Escalate(id, Supervisor, At(10, 13))).Code);
    }

    [Fact]
    public void Resolve_Yellow_ClosesAsResolved()
    {
        var yellow = Raise(RedKey.At(AlertLevel.Yellow));

        var resolved = yellow.Resolve(At(10, 9, 15));

        Assert.Equal((AlertState.Closed, AlertClosure.Resolved), (resolved.State, resolved.Closure));
        Assert.Equal(At(10, 9, 15), resolved.SubjectResolvedAt);
    }

    [Fact]
    public void Resolve_Red_IsRecordedButStaysForTheDepartmentToAnswer()
    {
        var resolved = Raise().Resolve(At(10, 12));

        Assert.Equal(AlertState.Open, resolved.State);
        Assert.Equal(At(10, 12), resolved.SubjectResolvedAt);
        Assert.Equal("resolved", resolved.History[^1].Action);
    }

    [Fact]
    public void Resolve_Twice_KeepsTheFirstTimeAndOneEntry()
    {
        var once = Raise().Resolve(At(10, 12));

        var twice = once.Resolve(At(10, 14));

        Assert.Same(once, twice);
    }

    [Fact]
    public void SupersedeBy_RedOfSameClock_ClosesOpenYellow()
    {
        var yellow = Raise(RedKey.At(AlertLevel.Yellow));

        var superseded = yellow.SupersedeBy(RedKey, At(10, 10));

        Assert.Equal(AlertClosure.Superseded, superseded.Closure);
        Assert.Equal(RedKey.Id, superseded.SupersededBy);
    }

    [Fact]
    public void SupersedeBy_OtherClockOrOnRed_ChangesNothing()
    {
        var yellow = Raise(RedKey.At(AlertLevel.Yellow));
        var red = Raise();

        Assert.Same(yellow, yellow.SupersedeBy(RedKey with { Kind = AlertKind.Deadline("delivery") }, At(10, 10)));
        Assert.Same(red, red.SupersedeBy(RedKey, At(10, 10)));
    }

    [Fact]
    public void History_OnlyGrows_AcrossTheWholeLifecycle()
    {
        var alert = Raise();
        var steps = new List<Alert> { alert };
        steps.Add(alert = alert.Resolve(At(10, 12)));
        steps.Add(alert = Ok(alert.Acknowledge("已处理", StaffD01, At(10, 12, 11))));
        steps.Add(Ok(alert.Close(null, Supervisor, At(10, 13))));

        for (var i = 1; i < steps.Count; i++)
        {
            Assert.Equal(steps[i - 1].History, steps[i].History.Take(steps[i - 1].History.Count));
            Assert.Equal(steps[i - 1].History.Count + 1, steps[i].History.Count);
        }
    }
}
