using PowerFunctions.Domain.Catalog;
using PowerFunctions.Domain.Enforcement;
using static PowerFunctions.Domain.Tests.Enforcement.PenaltyFixture;

namespace PowerFunctions.Domain.Tests.Enforcement;

public sealed class PenaltyExecutionTests
{
    private static PenaltyFixture Decided(Party? party = null)
    {
        var f = new PenaltyFixture(party: party);
        f.ReadyToDecide().On(9, 24).Decided(Penalise(30000));
        return f;
    }

    [Fact]
    [Trait("Source", "行政处罚法 第六十一条")]
    public void Deliver_ElectronicallyWithoutConsent_Refused()
    {
        var f = Decided();

        Assert.Contains("electronicConsent", f.Case.Deliver(DeliveryMethod.Electronic, "某公司", false, OfficerA, f.Context).Error!.Errors!.Keys);
        Assert.True(f.Case.Deliver(DeliveryMethod.Electronic, "某公司", true, OfficerA, f.Context).IsSuccess);
    }

    [Fact]
    [Trait("Source", "行政处罚法 第四十二条; 国办发〔2018〕118号")]
    public void Deliver_ByAnUncertifiedPerson_Forbidden()
    {
        var f = Decided();

        Assert.Equal(EnforcementErrors.NoCertificate, f.Case.Deliver(DeliveryMethod.InPerson, "某公司", false, null, f.Context).Error!.Code);
    }

    [Fact]
    [Trait("Source", "行政处罚法 第六十七条; 第七十二条")]
    public void RecordPayment_TheFinePlusAnyLateSurcharge()
    {
        var f = Decided().On(9, 28);
        f.Do(f.Case.Deliver(DeliveryMethod.InPerson, "法定代表人 王某", false, OfficerA, f.Context)).On(10, 15);
        Assert.Equal(PenaltyState.Delivered, f.Case.State);

        // due 10/13 (15 days from 9/28); paid 10/15: 2 days × 3% × 30,000 = 1,800
        var short_ = f.Case.RecordPayment(30000, new DateOnly(2026, 10, 15), "NS-001", f.Context);
        Assert.Equal(EnforcementErrors.PaymentMismatch, short_.Error!.Code);
        Assert.Contains("1800", short_.Error.Detail, StringComparison.Ordinal);

        f.Do(f.Case.RecordPayment(31800, new DateOnly(2026, 10, 15), "NS-001", f.Context));
        Assert.Equal(PenaltyState.Closed, f.Case.State);
        Assert.Equal(1800m, f.Case.Payment!.Surcharge);
    }

    [Fact]
    [Trait("Source", "行政处罚法 第六十七条")]
    public void RecordPayment_OnTime_TheFineExactly()
    {
        var f = Decided().On(9, 28);
        f.Do(f.Case.Deliver(DeliveryMethod.InPerson, "王某", false, OfficerA, f.Context)).On(10, 13);

        Assert.True(f.Case.RecordPayment(30000, new DateOnly(2026, 10, 13), "NS-002", f.Context).IsSuccess);
        Assert.Contains("paidOn", f.Case.RecordPayment(30000, new DateOnly(2026, 10, 14), "NS-002", f.Context).Error!.Errors!.Keys); // in the future
    }

    [Fact]
    [Trait("Source", "国办发〔2018〕118号; 行政处罚法 第四十八条")]
    public void Publish_APersonIsMaskedAnOrganisationNamed()
    {
        var person = Decided(Person);
        person.Do(person.Case.Publish(person.Context));
        var company = Decided(Company);
        company.Do(company.Case.Publish(company.Context));

        var p = PenaltyPublication.Of(person.Case)!;
        var c = PenaltyPublication.Of(company.Case)!;

        Assert.Equal("张*三", p.Party);
        Assert.Null(p.CreditCode);
        Assert.DoesNotContain(typeof(PenaltyPublication).GetProperties(), x => x.Name is "IdNumber" or "Address" or "Facts");
        Assert.Equal("郑州某某机械有限公司", c.Party);
        Assert.Equal("91410100MA44B1234X", c.CreditCode);
        Assert.Equal(new Penalty(PenaltyType.Fine, 30000), c.Penalty);
    }

    [Fact]
    [Trait("Source", "国办发〔2018〕118号")]
    public void Publish_TwiceOrANoPenaltyDecision_Refused()
    {
        var f = Decided();
        f.Do(f.Case.Publish(f.Context));
        var none = new PenaltyFixture().Investigated();
        none.Decided(new PenaltyDecisionInput(PenaltyOutcome.NoPenalty, null, null, NoPenaltyGround.NotEstablished, "证据不足以认定违法事实"));

        Assert.Equal(EnforcementErrors.AlreadyPublished, f.Case.Publish(f.Context).Error!.Code);
        Assert.Equal(EnforcementErrors.NotPublishable, none.Case.Publish(none.Context).Error!.Code);
    }

    [Fact]
    [Trait("Source", "行政处罚法 第六十一条")]
    public void Deliver_NothingToPay_ClosesTheCase()
    {
        var f = new PenaltyFixture().Investigated();
        f.Decided(new PenaltyDecisionInput(PenaltyOutcome.NoPenalty, null, null, NoPenaltyGround.MinorCorrected, "轻微并已改正"));

        f.Do(f.Case.Deliver(DeliveryMethod.Post, "某公司", false, OfficerA, f.Context));

        Assert.Equal(PenaltyState.Closed, f.Case.State);
        Assert.Null(DecidedPenalty.Of(f.Case));
    }

    [Fact]
    [Trait("Source", "国办发〔2022〕27号")]
    public void DecidedPenalty_CarriesTheFitForSupervision()
    {
        var f = new PenaltyFixture().ReadyToDecide(50000);
        f.Do(f.Case.RecordStatement(null, true, true, OfficerA, f.Context)).Met(Penalise(50000)).Decided(Penalise(50000));

        var decided = DecidedPenalty.Of(f.Case)!;

        Assert.Equal(DiscretionFit.AtEdge, decided.Fit); // the top of the ordinary tier
        Assert.Equal("D04", decided.Department);
    }
}
