using PowerFunctions.Domain.Cases;
using PowerFunctions.Domain.Common;
using PowerFunctions.Domain.Experts;
using PowerFunctions.Domain.Tests.Cases;

namespace PowerFunctions.Domain.Tests.Experts;

/// <summary>The expert register is kept apart from the draws made from it (管用分离); draws take its available experts of the case's field.</summary>
[Trait("Source", "seed 000 配套2 (专家库 管用分离); seed 000 §5(三)2")]
public sealed class ExpertRegisterTests
{
    [Fact]
    public void Of_BadRecords_EveryProblemAtOnce()
    {
        var result = ExpertRegister.Of([new Expert("a b", "", true, [], true), new Expert("E1", "甲", false, ["特种设备"], true), new Expert("E1", "乙", true, ["特种设备"], true)]);

        Assert.Equal("experts.invalid", result.Error!.Code);
        Assert.Equal(["experts[0].id", "experts[0].name", "experts[0].fields", "experts"], result.Error.Errors!.Keys);
    }

    [Fact]
    public void PoolFor_Field_AvailableExpertsOfThatFieldById()
    {
        var register = CaseFixture.Register(external: 2, internalCount: 2);

        var pool = register.PoolFor("特种设备");

        Assert.Equal(["N1", "N2", "X1", "X2"], pool.Select(e => e.Id));
        Assert.Equal(["N1", "N2", "X-env", "X1", "X2"], register.PoolFor(null).Select(e => e.Id));
    }

    [Fact]
    public void PutAndSetAvailable_AnswerANewRegister_TheOldOneUnchanged()
    {
        var register = CaseFixture.Register();

        var changed = register.Put(new Expert("N1", "内部专家一（改）", false, ["特种设备", "压力容器"], true)).Value.SetAvailable("X-off", true).Value;

        Assert.Equal("内部专家1", register.Find("N1")!.Name);
        Assert.Equal(["特种设备", "压力容器"], changed.Find("N1")!.Fields);
        Assert.True(changed.Find("X-off")!.Available);
        Assert.Equal(ErrorKind.NotFound, register.SetAvailable("nobody", false).Error!.Kind);
        Assert.Equal("experts.invalid", register.Put(new Expert("N9", "无领域", false, [], true)).Error!.Code);
    }

    [Fact]
    public void DrawExperts_FromTheRegister_RecordsThePoolFieldAndSeed_AReRunDrawsTheSame()
    {
        var f = new CaseFixture(CaseFixture.Item(expert: true)).Accept();

        f.Do(c => c.DrawExperts(CaseFixture.Register(external: 2, internalCount: 3), 3, 20260918, new DateOnly(2026, 9, 30), f.Context), CaseFixture.ReviewerA);

        var record = f.Case.ExpertDrawRecord!;
        Assert.Equal("特种设备", record.Field);
        Assert.Equal(["N1", "N2", "N3", "X1", "X2"], record.Pool.Select(e => e.Id)); // not the unavailable one, not another field
        Assert.Equal(record.Drawn, ExpertDraw.Draw(record.Pool, record.Count, record.Seed));
    }

    [Fact]
    public void DrawExperts_FieldPoolUnderOneThirdExternal_IsRefused()
    {
        var f = new CaseFixture(CaseFixture.Item(expert: true)).Accept();

        var result = f.Case.DrawExperts(CaseFixture.Register(external: 1, internalCount: 3), 2, 1, new DateOnly(2026, 9, 30), f.Context);

        Assert.Equal("case.expert_pool_invalid", result.Error!.Code); // 1 external of 4 in the field
    }
}
