using PowerFunctions.Domain.Supervision.SpotChecks;
using static PowerFunctions.Domain.Tests.Supervision.SupervisionActors;

namespace PowerFunctions.Domain.Tests.Supervision.SpotChecks;

[Trait("Source", "seed 003 (风险等级)")]
[Trait("Source", "seed 002, seed 004 (整改通知书, 责任追究)")]
public sealed class SpotCheckTests
{
    private static SpotCheck Start() =>
        SpotCheck.Start("CC-2026-09-01", "2026-09", SpotCheckSamplerTests.Population(5, 5, 10), 4, 7, Supervisor, At(10, 1)).Value;

    [Fact]
    public void Start_ByTheSystemOrASupervisor_Draws_ByDepartmentStaff_IsForbidden()
    {
        Assert.Equal(4, Start().Draw.Picks.Count);
        Assert.True(SpotCheck.Start("CC-1", "2026-09", SpotCheckSamplerTests.Population(5, 5, 10), 4, 7, SupervisionActors.System, At(10, 1)).IsSuccess);
        Assert.Equal("spot_check.role_not_allowed", SpotCheck.Start("CC-1", "2026-09", SpotCheckSamplerTests.Population(5, 5, 10), 4, 7, StaffD01, At(10, 1)).Error!.Code);
    }

    [Fact]
    public void RecordResult_ConformingThenFindings_UntilComplete()
    {
        var check = Start();
        var picks = check.Draw.Picks;

        check = check.RecordResult(picks[0].CaseNo, true, null, Supervisor, At(10, 2)).Value;
        check = check.RecordResult(picks[1].CaseNo, false, "未按规定进行实质审查（缺B角意见）。", Supervisor, At(10, 2)).Value;

        Assert.Equal(SpotCheckOutcome.Conforming, check.Results[0].Outcome);
        Assert.Equal(SpotCheckOutcome.Findings, check.Results[1].Outcome);
        Assert.False(check.Complete);
        check = check.RecordResult(picks[2].CaseNo, true, null, Supervisor, At(10, 2)).Value.RecordResult(picks[3].CaseNo, true, null, Supervisor, At(10, 2)).Value;
        Assert.True(check.Complete);
    }

    [Fact]
    public void RecordResult_FindingsWithoutText_IsRefused()
    {
        var check = Start();

        var error = check.RecordResult(check.Draw.Picks[0].CaseNo, false, " ", Supervisor, At(10, 2)).Error!;

        Assert.Equal("spot_check.validation_failed", error.Code);
        Assert.Empty(check.Results);
    }

    [Fact]
    public void RecordResult_CaseNotDrawnOrTwice_IsRefused()
    {
        var check = Start();
        var drawn = check.Draw.Picks[0].CaseNo;

        Assert.Equal("spot_check.not_in_sample", check.RecordResult("D09-20260101-000001", true, null, Supervisor, At(10, 2)).Error!.Code);
        check = check.RecordResult(drawn, true, null, Supervisor, At(10, 2)).Value;
        Assert.Equal("spot_check.result_recorded", check.RecordResult(drawn, false, "问题", Supervisor, At(10, 3)).Error!.Code);
        Assert.Equal("spot_check.role_not_allowed", check.RecordResult(check.Draw.Picks[1].CaseNo, true, null, StaffD01, At(10, 3)).Error!.Code);
    }

    [Fact]
    public void LinkRectification_OnlyForFindings_AndOnce()
    {
        var check = Start();
        var picks = check.Draw.Picks;
        check = check.RecordResult(picks[0].CaseNo, true, null, Supervisor, At(10, 2)).Value
            .RecordResult(picks[1].CaseNo, false, "问题", Supervisor, At(10, 2)).Value;

        Assert.False(check.LinkRectification(picks[0].CaseNo, "ZG-1").IsSuccess);
        check = check.LinkRectification(picks[1].CaseNo, "ZG-1").Value;
        Assert.Equal("ZG-1", check.Results[1].RectificationId);
        Assert.True(check.LinkRectification(picks[1].CaseNo, "ZG-1").IsSuccess);
        Assert.Equal("spot_check.rectification_linked", check.LinkRectification(picks[1].CaseNo, "ZG-2").Error!.Code);
    }
}
