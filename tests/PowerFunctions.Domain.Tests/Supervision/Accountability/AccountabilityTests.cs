using PowerFunctions.Domain.Common;
using PowerFunctions.Domain.Supervision.Accountability;
using static PowerFunctions.Domain.Tests.Supervision.SupervisionActors;

namespace PowerFunctions.Domain.Tests.Supervision.Accountability;

[Trait("Source", "seed 002, seed 004 (责任追究)")]
public sealed class AccountabilityTests
{
    private static AccountabilityRequest Request(string measure = "criticism", string? basis = null, string? rectificationId = "ZG-D01-20260930-001") => new()
    {
        Department = "D01",
        Subject = new AccountabilityPerson("李受理", "许可科科员"),
        Measure = measure,
        Reason = "整改通知书两次逾期未报送整改情况。",
        Basis = basis,
        RectificationId = rectificationId,
    };

    private static AccountabilityRecord Decide(string id = "ZR-D01-001", DateTimeOffset? at = null) =>
        AccountabilityRules.Decide(id, Request(), Supervisor, at ?? At(10, 26)).Value;

    [Fact]
    public void Decide_BySupervisor_RecordsWhoWhatWhyAndTheLink()
    {
        var record = Decide();

        Assert.Equal(("D01", AccountabilityMeasure.Criticism, "sup-1", "吴监察"), (record.Department, record.Measure, record.DecidedBy, record.DecidedByName));
        Assert.Equal(new AccountabilityPerson("李受理", "许可科科员"), record.Subject);
        Assert.Equal("ZG-D01-20260930-001", record.RectificationId);
        Assert.Equal("整改通知书 ZG-D01-20260930-001 逾期未整改或整改不到位", record.Basis);
        Assert.False(record.IsCorrection);
    }

    [Fact]
    public void Decide_YearIsTheChinaDateOfTheDecision()
    {
        // 2026-12-31T16:30Z is 2027-01-01 00:30 in China
        var record = Decide(at: new DateTimeOffset(2026, 12, 31, 16, 30, 0, TimeSpan.Zero));

        Assert.Equal(2027, record.Year);
    }

    [Fact]
    public void Decide_ByDepartmentStaff_IsForbidden()
    {
        Assert.Equal("accountability.role_not_allowed", AccountabilityRules.Decide("ZR-1", Request(), StaffD01, At(10, 26)).Error!.Code);
    }

    [Fact]
    public void Decide_BadRequest_ListsEveryProblem()
    {
        var request = new AccountabilityRequest { Department = "D 1", Subject = new AccountabilityPerson(" ", null), Measure = "fine", AlertId = "bad" };

        var error = AccountabilityRules.Decide("ZR-1", request, Supervisor, At(10, 26)).Error!;

        Assert.Equal("accountability.validation_failed", error.Code);
        Assert.Equal(["alertId", "department", "measure", "reason", "subject.name"], error.Errors!.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Decide_Withdrawn_OnlyInACorrection()
    {
        Assert.Contains("measure", AccountabilityRules.Decide("ZR-1", Request("withdrawn"), Supervisor, At(10, 26)).Error!.Errors!.Keys);
    }

    [Fact]
    public void Decide_NoBasisAndNoLink_IsRefused_AnAlertLinkGivesTheBasis()
    {
        Assert.Contains("basis", AccountabilityRules.Decide("ZR-1", Request(rectificationId: null), Supervisor, At(10, 26)).Error!.Errors!.Keys);

        var byAlert = AccountabilityRules.Decide("ZR-1", Request(rectificationId: null) with { AlertId = "case.D01-20260918-000001.decision.red" }, Supervisor, At(10, 26)).Value;
        Assert.Equal("电子监察预警 case.D01-20260918-000001.decision.red", byAlert.Basis);

        var stated = AccountabilityRules.Decide("ZR-2", Request(basis: "《行政机关公务员处分条例》", rectificationId: null), Supervisor, At(10, 26)).Value;
        Assert.Equal("《行政机关公务员处分条例》", stated.Basis);
    }

    [Fact]
    public void Correct_IsANewRecordPointingAtTheOriginal_WhichStaysAsItWas()
    {
        var original = Decide();

        var correction = AccountabilityRules.Correct("ZR-D01-002", original, new AccountabilityRequest { Measure = "admonishment" }, "认定事实有误，改为诫勉谈话", [original], Supervisor, At(11, 2)).Value;

        Assert.Equal("ZR-D01-001", correction.Corrects);
        Assert.Equal(AccountabilityMeasure.Admonishment, correction.Measure);
        Assert.Equal((original.Department, original.Reason, original.Subject), (correction.Department, correction.Reason, correction.Subject));
        Assert.Equal("认定事实有误，改为诫勉谈话", correction.CorrectionReason);
        Assert.Equal(AccountabilityMeasure.Criticism, original.Measure);
    }

    [Fact]
    public void Correct_ARecordAlreadyCorrected_IsRefused()
    {
        var original = Decide();
        var correction = AccountabilityRules.Correct("ZR-2", original, new AccountabilityRequest(), "更正", [original], Supervisor, At(11, 2)).Value;

        var error = AccountabilityRules.Correct("ZR-3", original, new AccountabilityRequest(), "再次更正", [original, correction], Supervisor, At(11, 3)).Error!;

        Assert.Equal("accountability.already_corrected", error.Code);
        Assert.Equal(ErrorKind.Conflict, error.Kind);
    }

    [Fact]
    public void Correct_WithoutReason_IsRefused_Withdrawal_IsAllowed()
    {
        var original = Decide();

        Assert.Contains("correctionReason", AccountabilityRules.Correct("ZR-2", original, new AccountabilityRequest(), null, [original], Supervisor, At(11, 2)).Error!.Errors!.Keys);
        var withdrawn = AccountabilityRules.Correct("ZR-2", original, new AccountabilityRequest { Measure = "withdrawn" }, "复核后撤销", [original], Supervisor, At(11, 2)).Value;
        Assert.Equal(AccountabilityMeasure.Withdrawn, withdrawn.Measure);
    }

    [Fact]
    public void Ledger_ForDepartmentAndYear_ShowsTheRecordInForceInTheYearOfTheDecision()
    {
        var december = Decide("ZR-1", At(12, 30));
        var january = AccountabilityRules.Correct("ZR-2", december, new AccountabilityRequest { Measure = "admonishment" }, "更正", [december], Supervisor, At(1, 5, year: 2027)).Value;
        var other = AccountabilityRules.Decide("ZR-3", Request() with { Department = "D02" }, Supervisor, At(12, 1)).Value;
        var lastYear = Decide("ZR-4", At(12, 1, year: 2025));

        var chain = Assert.Single(AccountabilityLedger.For([january, other, december, lastYear], "D01", 2026));

        Assert.Equal(("ZR-1", "ZR-2"), (chain.Original.Id, chain.Current.Id));
        Assert.True(chain.Corrected);
        Assert.Empty(AccountabilityLedger.For([january, december], "D01", 2027));
        Assert.Single(AccountabilityLedger.For([january, other, december, lastYear], "D01", 2025));
    }

    [Fact]
    public void Ledger_TwoCorrectionsOfOneRecord_HidesNeither()
    {
        var original = Decide("ZR-1");
        var first = AccountabilityRules.Correct("ZR-2", original, new AccountabilityRequest(), "更正", [original], Supervisor, At(11, 2)).Value;
        var second = AccountabilityRules.Correct("ZR-3", original, new AccountabilityRequest(), "同时更正", [original], Supervisor, At(11, 3)).Value;

        var chains = AccountabilityLedger.Chains([second, first, original]);

        Assert.Equal(3, chains.Sum(c => c.Records.Count));
        Assert.Equal(["ZR-1", "ZR-2"], chains[0].Records.Select(r => r.Id));
    }
}
