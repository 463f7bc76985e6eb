using PowerFunctions.Domain.Common;
using PowerFunctions.Domain.Identity;

namespace PowerFunctions.Domain.Tests.Identity;

public sealed class RealNameRulesTests
{
    private const string Source = RealNameRules.Source;
    private static readonly RealNamePolicy Required = new(true, 1);
    private static readonly RealNameProof Zhang = new(1, "张三", "k1.ZHANG");

    /// <summary>A stand-in for the keyed fingerprint: the proof of 张三 is of his resident identity card only.</summary>
    private static bool Matches(string fingerprint, string canonical) =>
        fingerprint == "k1.ZHANG" && canonical == "resident-id:41010219900101123X";

    [Theory]
    [Trait("Source", Source)]
    [InlineData("身份证", "41010219900101123X", "resident-id:41010219900101123X")]
    [InlineData("居民身份证", " 410102 19900101 123x ", "resident-id:41010219900101123X")]
    [InlineData("id-card", "41010219900101123x", "resident-id:41010219900101123X")]
    [InlineData(" 护照 ", "e1234567", "护照:E1234567")]
    [InlineData("Passport", "E1234567", "passport:E1234567")]
    public void CanonicalIdentity_Variants_FoldToOneForm(string idType, string idNumber, string expected) =>
        Assert.Equal(expected, RealNameRules.CanonicalIdentity(idType, idNumber));

    [Theory]
    [Trait("Source", Source)]
    [InlineData("张三", "张三")]
    [InlineData(" 张 三 ", "张三")]
    [InlineData("阿依古丽•买买提", "阿依古丽·买买提")]
    [InlineData("阿依古丽・买买提", "阿依古丽·买买提")]
    [InlineData("阿依古丽.买买提", "阿依古丽·买买提")]
    [InlineData("ＪＯＨＮ", "JOHN")]
    public void CanonicalName_Variants_FoldToOneForm(string name, string expected) =>
        Assert.Equal(expected, RealNameRules.CanonicalName(name));

    [Fact]
    [Trait("Source", Source)]
    public void CheckApplicant_NotRequired_PassesWithoutProofAndChecksNothing()
    {
        var result = RealNameRules.CheckApplicant(RealNamePolicy.Off, null, "李四", "身份证", "110101199001011234", Matches);

        Assert.True(result.IsSuccess);
        Assert.False(result.Value);
    }

    [Fact]
    [Trait("Source", Source)]
    public void CheckApplicant_RequiredWithoutProof_RealNameRequired()
    {
        var result = RealNameRules.CheckApplicant(Required, null, "张三", "身份证", "41010219900101123X", Matches);

        Assert.False(result.IsSuccess);
        Assert.Equal("auth.real_name_required", result.Error!.Code);
        Assert.Equal(ErrorKind.Forbidden, result.Error.Kind);
    }

    [Theory]
    [Trait("Source", Source)]
    [InlineData(1, 2, false)]
    [InlineData(2, 2, true)]
    [InlineData(3, 2, true)]
    public void CheckApplicant_LevelAgainstMinimum_BelowIsRefused(int level, int minimum, bool passes)
    {
        var result = RealNameRules.CheckApplicant(new RealNamePolicy(true, minimum), Zhang with { Level = level }, "张三", "身份证", "41010219900101123X", Matches);

        Assert.Equal(passes, result.IsSuccess);
        if (!passes)
        {
            Assert.Equal("auth.real_name_required", result.Error!.Code);
        }
    }

    [Theory]
    [Trait("Source", Source)]
    [InlineData("张三", "身份证", "41010219900101123X", true)]
    [InlineData(" 张三", "居民身份证", "41010219900101123x", true)]
    [InlineData("李四", "身份证", "41010219900101123X", false)] // his document, another name
    [InlineData("张三", "身份证", "110101199001011234", false)] // his name, another's document
    [InlineData("张三", "护照", "41010219900101123X", false)] // the same digits as another document type
    [InlineData("张三", "身份证", "", false)]
    public void CheckApplicant_Applicant_MustBeTheProvenPerson(string name, string idType, string idNumber, bool passes)
    {
        var result = RealNameRules.CheckApplicant(Required, Zhang, name, idType, idNumber, Matches);

        Assert.Equal(passes, result.IsSuccess);
        if (passes)
        {
            Assert.True(result.Value);
        }
        else
        {
            Assert.Equal("auth.applicant_mismatch", result.Error!.Code);
            Assert.Equal(ErrorKind.Forbidden, result.Error.Kind);
        }
    }
}
