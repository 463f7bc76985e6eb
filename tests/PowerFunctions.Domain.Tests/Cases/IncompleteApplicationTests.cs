using PowerFunctions.Domain.Cases;
using PowerFunctions.Domain.Deadlines;
using PowerFunctions.Domain.Documents;

namespace PowerFunctions.Domain.Tests.Cases;

/// <summary>行政许可法 第三十二条: an incomplete application is received, and the one correction notice names everything it lacks.</summary>
[Trait("Source", "行政许可法 第三十二条")]
public sealed class IncompleteApplicationTests
{
    private static CaseFixture WithOnly(params string[] codes) =>
        new(materials: codes.Select(c => new MaterialRef(c, "材料" + c)).ToArray());

    [Fact]
    public void Submit_MissingRequiredMaterials_ReceivedWithWhatItLacksAndTheNoticeClockRunning()
    {
        var f = WithOnly("M3");

        Assert.Equal(CaseState.Submitted, f.Case.State);
        Assert.Equal(["M1", "M2"], f.Case.MissingAtReceipt.Select(m => m.Code));
        Assert.Equal(["申请书", "营业执照"], f.Case.MissingMaterials.Select(m => m.Name));
        var notice = f.Deadline(DeadlineKind.CorrectionNotice);
        Assert.True(notice.IsOpen);
        Assert.Equal(new DateOnly(2026, 9, 24), notice.Due); // 9/20 (make-up), 21, 22, 23, 24
    }

    [Theory]
    [InlineData("", "身份证", "410102199001011234", "applicant.name")]
    [InlineData("张三", " ", "410102199001011234", "applicant.idType")]
    [InlineData("张三", "身份证", "", "applicant.idNumber")]
    public void Submit_NoApplicantIdentity_Refused(string name, string idType, string idNumber, string field)
    {
        var result = Case.Submit(CaseFixture.Item(), new Applicant(name, idType, idNumber, "13800000000"), "c", [], null, "Q", CaseFixture.Start);

        Assert.Equal("application.invalid", result.Error!.Code);
        Assert.Equal([field], result.Error.Errors!.Keys);
    }

    [Fact]
    public void Submit_MaterialWithoutCode_IsMalformed()
    {
        var result = Case.Submit(CaseFixture.Item(), new Applicant("张三", "身份证", "1", "2"), "c", [new MaterialRef(" ", "无编码")], null, "Q", CaseFixture.Start);

        Assert.Equal(["materials"], result.Error!.Errors!.Keys);
    }

    [Fact]
    public void CorrectionNotice_LeavingOutAMissingRequiredMaterial_IsRefusedNamingIt()
    {
        var f = WithOnly("M1");

        var result = f.Case.RequestCorrection([new MissingMaterial("M1", "缺少签字页")], f.Context);

        Assert.Equal("case.validation_failed", result.Error!.Code);
        Assert.Contains("营业执照（M2）", result.Error.Errors!["missing"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void CorrectionNotice_CodeNotOfTheItem_IsRefused()
    {
        var f = WithOnly("M1");

        var result = f.Case.RequestCorrection([new MissingMaterial("M2", "未提交"), new MissingMaterial("M9", "？")], f.Context);

        Assert.Contains(result.Error!.Errors!["missing"], e => e.Contains("M9", StringComparison.Ordinal));
    }

    [Fact]
    public void CorrectionNotice_NamingEveryMissingAndADefectiveOne_IssuedWithNamesAndReasons()
    {
        var f = WithOnly("M1");

        var draft = f.Case.RequestCorrection([new MissingMaterial("M2", "未提交"), new MissingMaterial("M1", "缺少签字页")], f.Context).Value;

        Assert.Equal(DocumentKind.CorrectionNotice, draft.Document!.Kind);
        Assert.Equal(["营业执照（M2）：未提交", "申请书（M1）：缺少签字页"], draft.Document.Paragraphs);
    }

    [Fact]
    public void Accept_WhileARequiredMaterialIsMissing_IsRefused_AfterTheSupplementAccepted()
    {
        var f = WithOnly("M1");
        Assert.Equal("case.materials_incomplete", f.Case.Accept(f.Context).Error!.Code);

        f.Do(c => c.RequestCorrection([new MissingMaterial("M2", "未提交")], f.Context), CaseFixture.Acceptor)
            .On(9, 21).Do(c => c.Supplement([new MaterialRef("M2", "营业执照")], CaseFixture.Citizen, f.Context), CaseFixture.Citizen)
            .Accept();

        Assert.Equal(CaseState.Accepted, f.Case.State);
        Assert.Empty(f.Case.MissingMaterials);
        Assert.Equal(["M2"], f.Case.MissingAtReceipt.Select(m => m.Code)); // what the receipt lacked stays on record
    }

    [Fact]
    public void DeemAccepted_NoNoticeWithinFiveWorkingDays_AcceptedAsOfReceiptEvenIncomplete()
    {
        var f = WithOnly("M1").On(9, 25);

        f.Do(c => c.DeemAccepted(f.Context), CaseActor.System);

        Assert.True(f.Case.DeemedAccepted);
        Assert.Equal(new DateOnly(2026, 9, 18), f.Case.AcceptedOn);
        Assert.Equal(DeadlineStatus.Red, f.Deadline(DeadlineKind.CorrectionNotice).StatusAt(f.Calendar, f.Now));
    }
}
