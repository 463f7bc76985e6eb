using PowerFunctions.Domain.Catalog;

namespace PowerFunctions.Domain.Tests.Catalog;

/// <summary>The catalog side of joint approval: who leads, who gives opinions, within which limits.</summary>
[Trait("Source", "行政许可法 第二十六条, 第四十二条第二款")]
public sealed class JointHandlingRulesTests
{
    private static PowerItem Joint(JointHandling joint, int legalDays = 45, int promisedDays = 30) => CatalogSamples.Drainage() with
    {
        JointHandling = joint,
        LegalLimit = TimeLimit.WorkingDays(legalDays),
        PromisedLimit = TimeLimit.WorkingDays(promisedDays),
    };

    private static IReadOnlyDictionary<string, string[]> Problems(PowerItem item) => PowerItem.CreateDraft(item, CatalogSamples.Now).Value.PublishingProblems();

    [Fact]
    public void Publish_WellFormedJointItem_Succeeds()
    {
        var item = Joint(new JointHandling("D01", [new JointDepartment("D06", "市自然资源和规划局", 10), new JointDepartment("D02", "市生态环境局", 10)]));

        Assert.Empty(Problems(item));
        Assert.Equal(2, item.ToTerms().JointHandling!.Departments.Count);
    }

    public static TheoryData<JointHandling, int, string> Broken() => new()
    {
        { new JointHandling("D06", [new JointDepartment("D02", "生态环境局", 5)]), 45, "jointHandling.lead" },
        { new JointHandling("D01", []), 45, "jointHandling.departments" },
        { new JointHandling("D01", [new JointDepartment("D02", "甲", 5), new JointDepartment("D02", "乙", 5)]), 45, "jointHandling.departments" },
        { new JointHandling("D01", [new JointDepartment("D01", "本局", 5)]), 45, "jointHandling.departments[0]" },
        { new JointHandling("D01", [new JointDepartment("D02", "", 5)]), 45, "jointHandling.departments[0]" },
        { new JointHandling("D01", [new JointDepartment("D02", "生态环境局", 0)]), 45, "jointHandling.departments[0].limitDays" },
        { new JointHandling("D01", [new JointDepartment("D02", "生态环境局", 31)]), 45, "jointHandling.departments[0].limitDays" },
        { new JointHandling("D01", [new JointDepartment("D02", "生态环境局", 5)]), 46, "legalLimit" },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void Publish_BrokenJointHandling_NamesTheField(JointHandling joint, int legalDays, string field)
    {
        Assert.Contains(field, Problems(Joint(joint, legalDays)).Keys);
    }

    [Fact]
    [Trait("Source", "seed 000 §5 (即办件 当场办结)")]
    public void Publish_ImmediateJointItem_IsRefused()
    {
        var item = Joint(new JointHandling("D01", [new JointDepartment("D02", "生态环境局", 1)]), promisedDays: 0) with { HandlingType = HandlingType.Immediate, StageLimits = StageLimits.None, Flowchart = Flowchart.Empty };

        Assert.Contains("handlingType", Problems(item).Keys);
    }
}
