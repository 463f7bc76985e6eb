using PowerFunctions.Domain.Cases;

namespace PowerFunctions.Domain.Tests.Cases;

public sealed class NameMaskTests
{
    [Theory]
    [Trait("Source", "seed 002 (监督检查办法 第十三条)")]
    [InlineData("张小三", "张*三")]
    [InlineData("张三", "张*")]
    [InlineData("欧阳小明", "欧**明")]
    [InlineData("张", "*")]
    [InlineData("", "*")]
    [InlineData(" 李四 ", "李*")]
    public void Mask_Name_KeepsFirstAndLastOnly(string name, string expected)
    {
        Assert.Equal(expected, NameMask.Mask(name));
    }
}
