using PowerFunctions.Domain.Catalog;
using PowerFunctions.Domain.Common;
using PowerFunctions.Domain.Enforcement;
using static PowerFunctions.Domain.Tests.Enforcement.PenaltyFixture;

namespace PowerFunctions.Domain.Tests.Enforcement;

public sealed class PenaltyOpeningTests
{
    private static readonly EnforcementContext Context = new(PowerFunctions.Domain.Calendar.OfficialSchedules.Calendar(), At(9, 1));

    private static Result<PenaltyEventDraft> Open(Officer? opener, PenaltySource? source = null, DateOnly? offenceEndedOn = null, bool extended = false) =>
        PenaltyCase.Open(Terms0(), Company, "检查发现三名从业人员未经培训上岗", source ?? new PenaltySource(PenaltySourceKind.Inspection, null), offenceEndedOn, extended, opener, Context);

    [Fact]
    [Trait("Source", "行政处罚法 第五十四条")]
    public void Open_ByCertifiedOfficer_StartsTheCaseOpened()
    {
        var f = new PenaltyFixture();

        Assert.Equal(PenaltyState.Opened, f.Case.State);
        Assert.Equal(new DateOnly(2026, 9, 1), f.Case.OpenedOn);
        Assert.Equal("豫D04-0001", f.Case.OpenedBy.CertificateNo);
        Assert.Equal(["investigate"], f.Case.AllowedCommands);
    }

    [Theory]
    [Trait("Source", "行政处罚法 第四十二条; 国办发〔2018〕118号")]
    [InlineData("none")]
    [InlineData("expired")]
    [InlineData("other-department")]
    [InlineData("other-field")]
    public void Open_WithoutAValidCertificate_Forbidden(string who)
    {
        Officer? opener = who switch
        {
            "expired" => OfficerA with { ValidTo = new DateOnly(2026, 8, 31) },
            "other-department" => OfficerA with { DepartmentCode = "D01" },
            "other-field" => OfficerA with { Fields = ["消防"] },
            _ => null,
        };

        var result = Open(opener);

        Assert.Equal(EnforcementErrors.NoCertificate, result.Error!.Code);
        Assert.Equal(ErrorKind.Forbidden, result.Error.Kind);
    }

    [Theory]
    [Trait("Source", "行政处罚法 第五十四条")]
    [InlineData(PenaltySourceKind.Complaint, null, false)]
    [InlineData(PenaltySourceKind.Complaint, "T-20260901-0001", true)]
    [InlineData(PenaltySourceKind.Referral, " ", false)]
    [InlineData(PenaltySourceKind.Referral, "市市场监管局 移送函〔2026〕12号", true)]
    [InlineData(PenaltySourceKind.Inspection, null, true)]
    public void Open_ComplaintOrReferral_NamesItsReference(PenaltySourceKind kind, string? reference, bool ok)
    {
        var result = Open(OfficerA, new PenaltySource(kind, reference));

        Assert.Equal(ok, result.IsSuccess);
        if (!ok)
        {
            Assert.Equal(EnforcementErrors.ValidationFailed, result.Error!.Code);
            Assert.Contains("source.reference", result.Error.Errors!.Keys);
        }
    }

    [Theory]
    [Trait("Source", "行政处罚法 第三十六条")]
    [InlineData("2024-09-01", false, true)]   // the last day of the two years
    [InlineData("2024-08-31", false, false)]
    [InlineData("2024-08-31", true, true)]    // five years where life, health or finance was harmed
    [InlineData("2021-08-31", true, false)]
    public void Open_PastTheLimitation_Refused(string offenceEndedOn, bool extended, bool ok)
    {
        var result = Open(OfficerA, offenceEndedOn: DateOnly.Parse(offenceEndedOn), extended: extended);

        Assert.Equal(ok, result.IsSuccess);
        if (!ok)
        {
            Assert.Equal(EnforcementErrors.LimitationExpired, result.Error!.Code);
        }
    }

    [Fact]
    [Trait("Source", "行政处罚法 第五十四条")]
    public void Open_NoFactsAndAFutureOffence_ListsBoth()
    {
        var result = PenaltyCase.Open(Terms0(), Company, " ", new PenaltySource(PenaltySourceKind.Inspection, null), new DateOnly(2026, 9, 2), false, OfficerA, Context);

        Assert.Equal(["facts", "offenceEndedOn"], result.Error!.Errors!.Keys.Order());
    }

    [Theory]
    [Trait("Source", "行政处罚法 第五十九条")]
    [InlineData("张三", "身份证", "410102199001011234", true)]
    [InlineData("张三", "resident-id", "41010219900101123", false)]
    [InlineData("某公司", "credit-code", "91410100MA44B1234X", true)]
    [InlineData("某公司", "统一社会信用代码", "91410100MA44B1234I", false)] // I is not used in credit codes
    [InlineData("", "passport", "E12345678", false)]
    [InlineData("John", "驾照", "123", false)]
    public void Party_IdentityIsChecked(string name, string idType, string idNumber, bool ok) =>
        Assert.Equal(ok, Party.Create(name, idType, idNumber, null).IsSuccess);

    [Fact]
    [Trait("Source", "行政处罚法 第三十四条; seed 001 §四(一)4")]
    public void Terms_OnlyAPublishedPenaltyItemWithItsBenchmark()
    {
        var item = Catalog.PenaltyItems.Published();

        Assert.True(PenaltyItemTerms.From(item).IsSuccess);
        Assert.Equal(EnforcementErrors.NotAPenaltyItem, PenaltyItemTerms.From(item with { Status = ItemStatus.Draft }).Error!.Code);
        Assert.Equal(EnforcementErrors.NotAPenaltyItem, PenaltyItemTerms.From(item with { Kind = PowerKinds.Licensing, Discretion = null }).Error!.Code);
        Assert.True(PenaltyItemTerms.From(item).Value.HearingTimeExcluded);
    }
}
