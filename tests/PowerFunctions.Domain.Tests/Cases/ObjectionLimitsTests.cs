using PowerFunctions.Domain.Cases;
using PowerFunctions.Domain.Common;

namespace PowerFunctions.Domain.Tests.Cases;

/// <summary>Issue 16: objections are a public form; the case bounds them per case and per client.</summary>
public sealed class ObjectionLimitsTests
{
    private static CaseFixture InPublicity() => new CaseFixture().Accept().ReviewBoth().On(9, 28).Decide();

    [Theory]
    [InlineData(CaseRules.MaxObjectionNameOrContact + 1, 10, 10, "name")]
    [InlineData(10, CaseRules.MaxObjectionNameOrContact + 1, 10, "contact")]
    [InlineData(10, 10, CaseRules.MaxObjectionContent + 1, "content")]
    public void FileObjection_FieldOverItsLimit_422NamingIt(int name, int contact, int content, string field)
    {
        var result = InPublicity().Case.FileObjection(new string('名', name), new string('1', contact), new string('异', content));

        Assert.Equal(ErrorKind.Validation, result.Error!.Kind);
        Assert.Equal([field], result.Error.Errors!.Keys);
    }

    [Fact]
    public void FileObjection_OneClientPastItsShare_TooMany_OthersStillHeard()
    {
        var f = InPublicity();
        for (var i = 0; i < CaseRules.MaxObjectionsPerClient; i++)
        {
            f.Do(c => c.FileObjection("甲", "1", $"异议{i}", "client-a"), CaseActor.Public("甲"));
        }

        var refused = f.Case.FileObjection("甲", "1", "再一次", "client-a");
        var other = f.Case.FileObjection("乙", "2", "我的异议", "client-b");

        Assert.Equal(ErrorKind.TooMany, refused.Error!.Kind);
        Assert.Equal("case.objections_limit", refused.Error.Code);
        Assert.True(other.IsSuccess);
        Assert.Equal("client-a", f.Case.Objections[0].Client);
    }

    [Fact]
    public void FileObjection_CaseFullOfOpenOnes_TooMany_AnAnswerMakesRoom()
    {
        var f = InPublicity();
        for (var i = 0; i < CaseRules.MaxOpenObjections; i++)
        {
            f.Do(c => c.FileObjection("某", "1", $"异议{i}", $"c{i}"), CaseActor.Public("某"));
        }

        var full = f.Case.FileObjection("新", "2", "新异议", "new");
        f.Do(c => c.AnswerObjection("o-1", ObjectionFinding.Dismissed, "不成立", f.Context), CaseFixture.Decider);
        var room = f.Case.FileObjection("新", "2", "新异议", "new");

        Assert.Equal(ErrorKind.TooMany, full.Error!.Kind);
        Assert.True(room.IsSuccess);
    }
}
