using PowerFunctions.Domain.Cases;
using PowerFunctions.Domain.Common;
using PowerFunctions.Domain.Deadlines;
using PowerFunctions.Domain.Documents;

namespace PowerFunctions.Domain.Tests.Common;

public sealed class ApiCodeTests
{
    [Fact]
    [Trait("Source", "行政许可法 第四十五条")]
    public void SuspensionReason_TheEightProceduresOfTheLaw_WithTheirChineseNames()
    {
        Assert.Equal(["hearing", "bidding", "auction", "testing", "inspection", "quarantine", "appraisal", "expert-review"], ApiCode<SuspensionReason>.Codes);
        Assert.Equal("专家评审", ApiCode<SuspensionReason>.Chinese(SuspensionReason.ExpertReview));
    }

    [Theory]
    [InlineData("in-person", DeliveryMethod.InPerson)]
    [InlineData("electronic", DeliveryMethod.Electronic)]
    public void Parse_ExactCode_TheMember(string code, DeliveryMethod expected)
    {
        Assert.Equal(expected, ApiCode<DeliveryMethod>.Parse(code));
        Assert.Equal(code, ApiCode<DeliveryMethod>.Of(expected));
    }

    [Theory]
    [InlineData("InPerson")]
    [InlineData("IN-PERSON")]
    [InlineData("")]
    [InlineData(null)]
    public void Parse_AnythingElse_Null(string? code) => Assert.Null(ApiCode<DeliveryMethod>.Parse(code));

    [Fact]
    public void DocumentKind_CodesAsStoredOnCases()
    {
        Assert.Equal("suspension-notice", ApiCode<DocumentKind>.Of(DocumentKind.SuspensionNotice));
        Assert.Equal("延长行政许可期限告知书", ApiCode<DocumentKind>.Chinese(DocumentKind.ExtensionNotice));
        Assert.Equal("joint-opinion", ApiCode<DeadlineKind>.Of(DeadlineKind.JointOpinion));
    }

    [Fact]
    public void CaseInput_BadCode_422NamingTheFieldAndTheCodes()
    {
        var error = CaseInput.Method("fax").Error!;

        Assert.Equal("case.validation_failed", error.Code);
        Assert.Contains("in-person", error.Errors!["method"][0], StringComparison.Ordinal);
        Assert.Equal(["votes[2].vote"], CaseInput.Vote("maybe", 2).Error!.Errors!.Keys);
        Assert.Equal(["expectedUntil"], CaseInput.Date("2026/10/01", "expectedUntil").Error!.Errors!.Keys);
        Assert.Null(CaseInput.Date(null, "expectedUntil").Value);
    }
}
