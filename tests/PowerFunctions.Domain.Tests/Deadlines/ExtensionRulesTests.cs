using PowerFunctions.Domain.Common;
using PowerFunctions.Domain.Deadlines;

namespace PowerFunctions.Domain.Tests.Deadlines;

public sealed class ExtensionRulesTests
{
    [Theory]
    [Trait("Source", "行政许可法 第四十二条")]
    [InlineData(false, 10)]
    [InlineData(true, 15)]
    public void MaxWorkingDays_ByHandling_Is10Or15(bool joint, int expected)
    {
        Assert.Equal(expected, ExtensionRules.MaxWorkingDays(joint));
    }

    [Theory]
    [Trait("Source", "行政许可法 第四十二条")]
    [InlineData(1, false, true)]
    [InlineData(10, false, true)]
    [InlineData(11, false, false)]
    [InlineData(0, false, false)]
    [InlineData(-3, false, false)]
    [InlineData(15, true, true)]
    [InlineData(16, true, false)]
    public void Validate_Days_AreBoundedByTheLaw(int days, bool joint, bool valid)
    {
        var result = ExtensionRules.Validate(days, "李局长", "需组织现场核查", joint);

        Assert.Equal(valid, result.IsSuccess);
        if (!valid)
        {
            Assert.Equal("deadline.invalid_extension", result.Error!.Code);
            Assert.Contains("workingDays", result.Error.Errors!.Keys);
        }
    }

    [Fact]
    [Trait("Source", "行政许可法 第四十二条")]
    public void Validate_NoApproverNoReason_ListsBoth()
    {
        var result = ExtensionRules.Validate(5, " ", null, false);

        Assert.Equal(["approvedBy", "reason"], result.Error!.Errors!.Keys.Order());
    }

    [Fact]
    [Trait("Source", "行政许可法 第四十二条")]
    public void Validate_AlreadyExtended_IsAConflict()
    {
        var first = ExtensionRules.Validate(10, "李局长", "材料复杂", false).Value;

        var second = ExtensionRules.Validate(5, "李局长", "再次延长", false, first);

        Assert.Equal(ErrorKind.Conflict, second.Error!.Kind);
        Assert.Equal("deadline.already_extended", second.Error.Code);
    }

    [Fact]
    public void Validate_Valid_TrimsApproverAndReason()
    {
        Assert.Equal(new Extension(3, "李局长", "原因"), ExtensionRules.Validate(3, " 李局长 ", "原因 ", false).Value);
    }
}
