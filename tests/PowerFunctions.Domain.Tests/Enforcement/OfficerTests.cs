using PowerFunctions.Domain.Common;
using PowerFunctions.Domain.Enforcement;

namespace PowerFunctions.Domain.Tests.Enforcement;

public sealed class OfficerTests
{
    private static readonly Officer Officer = PenaltyFixture.OfficerC;

    [Theory]
    [Trait("Source", "行政处罚法 第四十二条; 国办发〔2018〕118号")]
    [InlineData("2025-01-01", "D04", null, true)]   // first day of validity
    [InlineData("2027-12-31", "D04", null, true)]   // last day of validity
    [InlineData("2024-12-31", "D04", null, false)]  // not yet valid
    [InlineData("2028-01-01", "D04", null, false)]  // expired
    [InlineData("2026-09-01", "D01", null, false)]  // another department
    [InlineData("2026-09-01", "D04", "安全生产", true)]
    [InlineData("2026-09-01", "D04", "危险化学品", true)]
    [InlineData("2026-09-01", "D04", "消防", false)] // field not on the certificate
    public void HoldsValidCertificate_OnlyForItsDepartmentFieldAndDates(string on, string department, string? field, bool holds) =>
        Assert.Equal(holds, OfficerRules.HoldsValidCertificate(Officer, department, DateOnly.Parse(on), field));

    [Fact]
    [Trait("Source", "行政处罚法 第四十二条; 国办发〔2018〕118号")]
    public void Check_NoRegisterEntry_IsNoCertificate403()
    {
        var error = OfficerRules.Check(null, "某人", "D04", new DateOnly(2026, 9, 1));

        Assert.NotNull(error);
        Assert.Equal(EnforcementErrors.NoCertificate, error.Code);
        Assert.Equal(ErrorKind.Forbidden, error.Kind);
    }

    [Fact]
    [Trait("Source", "国办发〔2018〕118号")]
    public void Register_Empty_ListsEveryProblem()
    {
        var result = Officer.Register("", "", "部门", "x", null, null, []);

        Assert.False(result.IsSuccess);
        Assert.Equal(EnforcementErrors.InvalidOfficer, result.Error.Code);
        Assert.Equal(["certificateNo", "department", "name", "sub", "validFrom", "validTo"], result.Error.Errors!.Keys.Order());
    }

    [Theory]
    [Trait("Source", "国办发〔2018〕118号")]
    [InlineData("豫D04-0001", true)]
    [InlineData("豫应急执字第0001号", true)]
    [InlineData("ZF_2026_001", true)]
    [InlineData("abc", false)]             // too short
    [InlineData("D04/0001", false)]        // not a storage key
    [InlineData("D04 0001", false)]
    public void Register_CertificateNumber_AsPrinted(string number, bool ok) =>
        Assert.Equal(ok, Officer.Register("o-1", "王执法", "D04", number, new DateOnly(2025, 1, 1), new DateOnly(2027, 12, 31), null).IsSuccess);

    [Fact]
    [Trait("Source", "行政处罚法 第四十二条; 国办发〔2018〕118号")]
    public void Register_NoFields_CoversEveryFieldOfItsDepartmentOnly()
    {
        var officer = Officer.Register("o-1", "王执法", "D04", "豫D04-0009", new DateOnly(2025, 1, 1), new DateOnly(2027, 12, 31), null).Value;

        Assert.Empty(officer.Fields);
        Assert.True(OfficerRules.HoldsValidCertificate(officer, "D04", new DateOnly(2026, 9, 1), "安全生产"));
        Assert.True(OfficerRules.HoldsValidCertificate(officer, "D04", new DateOnly(2026, 9, 1), "消防"));
        Assert.False(OfficerRules.HoldsValidCertificate(officer, "D01", new DateOnly(2026, 9, 1), "安全生产"));
        Assert.Contains("fields", Officer.Register("o-1", "王执法", "D04", "豫D04-0009", new DateOnly(2025, 1, 1), new DateOnly(2027, 12, 31), ["安全生产", " "]).Error!.Errors!.Keys);
    }

    [Fact]
    [Trait("Source", "国办发〔2018〕118号")]
    public void Register_ValidToBeforeValidFrom_Refused()
    {
        var result = Officer.Register("o-1", "王执法", "D04", "豫D04-0001", new DateOnly(2026, 1, 1), new DateOnly(2025, 12, 31), ["安全生产"]);

        Assert.Contains("validTo", result.Error!.Errors!.Keys);
    }

    [Fact]
    [Trait("Source", "国办发〔2018〕118号")]
    public void Register_Valid_TrimsAndKeepsFields()
    {
        var result = Officer.Register(" o-1 ", " 王执法 ", "D04", "豫D04-0001", new DateOnly(2025, 1, 1), new DateOnly(2027, 12, 31), ["安全生产", " 危险化学品 "]);

        Assert.True(result.IsSuccess);
        Assert.Equal(new[] { "安全生产", "危险化学品" }, result.Value.Fields);
        Assert.Equal("o-1", result.Value.Subject);
    }

    [Fact]
    [Trait("Source", "国办发〔2018〕118号")]
    public void PublicView_ShowsTheCertificateAndNothingPersonalBeyondIt()
    {
        var view = OfficerPublicView.Of(Officer, new DateOnly(2028, 1, 2));

        Assert.Equal(CertificateStatus.Expired, view.Status);
        Assert.Equal(["CertificateNo", "Department", "Fields", "Name", "Status", "ValidFrom", "ValidTo"], typeof(OfficerPublicView).GetProperties().Select(p => p.Name).Where(n => n != "EqualityContract").Order());
        Assert.Equal("豫D04-0003", view.CertificateNo);
    }
}
