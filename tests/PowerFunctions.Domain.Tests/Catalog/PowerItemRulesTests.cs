using PowerFunctions.Domain.Catalog;
using PowerFunctions.Domain.Common;

namespace PowerFunctions.Domain.Tests.Catalog;

public sealed class PowerItemRulesTests
{
    private static IReadOnlyDictionary<string, string[]> PublishErrors(PowerItem content)
    {
        // A kind that is given but unknown is refused already as a draft (issue 16); everything else at publishing.
        var created = PowerItem.CreateDraft(content, CatalogSamples.Now);
        var result = created.IsSuccess ? created.Value.Publish(CatalogSamples.Now) : created;
        Assert.False(result.IsSuccess);
        Assert.Equal(ErrorKind.Validation, result.Error.Kind);
        Assert.Equal("catalog.invalid_item", result.Error.Code);
        return result.Error.Errors!;
    }

    [Fact]
    public void Publish_CompleteItem_Succeeds()
    {
        var item = CatalogSamples.Published();

        Assert.Equal(ItemStatus.Published, item.Status);
        Assert.Equal(CatalogSamples.Now, item.PublishedAt);
        Assert.Empty(item.PublishingProblems());
    }

    [Fact]
    [Trait("Source", "seed 001 §四(一)4")]
    [Trait("Source", "seed 002 法无授权不可为")]
    public void Publish_NoLegalBasis_Refused()
    {
        var errors = PublishErrors(CatalogSamples.Drainage() with { LegalBases = [] });

        Assert.Contains("legalBases", errors.Keys);
    }

    [Fact]
    [Trait("Source", "seed 001 §四(一)4")]
    public void Publish_BasisWithoutArticleOrText_Refused()
    {
        var errors = PublishErrors(CatalogSamples.Drainage() with { LegalBases = [new LegalBasis("《城镇排水与污水处理条例》", "", " ")] });

        Assert.Contains("legalBases[0].article", errors.Keys);
        Assert.Contains("legalBases[0].text", errors.Keys);
    }

    [Theory]
    [Trait("Source", "行政许可法 第四十二条")]
    [InlineData(20, 20, true)]
    [InlineData(20, 19, true)]
    [InlineData(20, 21, false)]
    [InlineData(45, 46, false)]
    public void Publish_PromisedAgainstLegal_RefusedWhenOver(int legal, int promised, bool ok)
    {
        var item = CatalogSamples.Drainage() with { LegalLimit = TimeLimit.WorkingDays(legal), PromisedLimit = TimeLimit.WorkingDays(promised) };

        var problems = PowerItem.CreateDraft(item, CatalogSamples.Now).Value.PublishingProblems();

        Assert.Equal(!ok, problems.ContainsKey("promisedLimit"));
    }

    [Fact]
    [Trait("Source", "行政许可法 第四十二条")]
    public void Publish_PromisedInOtherUnitThanLegal_Refused()
    {
        var errors = PublishErrors(CatalogSamples.Drainage() with { PromisedLimit = TimeLimit.CalendarDays(10) });

        Assert.Contains("promisedLimit.unit", errors.Keys);
    }

    [Theory]
    [Trait("Source", "seed 001")]
    [InlineData(1, 5, 2, 0, 2, true)]
    [InlineData(1, 5, 2, 1, 1, true)]
    [InlineData(1, 6, 2, 0, 2, false)]
    [InlineData(0, 0, 0, 7, 10, false)]
    public void Publish_StageLimits_MustFitPromised(int acceptance, int review, int decision, int publicity, int delivery, bool ok)
    {
        var item = CatalogSamples.Drainage() with { StageLimits = new StageLimits(acceptance, review, decision, publicity, delivery) };

        var problems = PowerItem.CreateDraft(item, CatalogSamples.Now).Value.PublishingProblems();

        Assert.Equal(!ok, problems.ContainsKey("stageLimits"));
    }

    [Fact]
    [Trait("Source", "seed 001")]
    public void Publish_NegativeStageLimit_Refused()
    {
        var errors = PublishErrors(CatalogSamples.Drainage() with { StageLimits = new StageLimits(-1, 5, 2, 0, 2) });

        Assert.Contains("stageLimits.acceptance", errors.Keys);
    }

    [Fact]
    [Trait("Source", "seed 001")]
    public void Publish_FlowchartPathLongerThanPromised_Refused()
    {
        var chart = CatalogSamples.Drainage().Flowchart;
        var longer = chart with { Stages = chart.Stages.Select(s => s.Id == "review" ? s with { LimitDays = 9 } : s).ToList() };

        var errors = PublishErrors(CatalogSamples.Drainage() with { Flowchart = longer });

        Assert.Contains(errors["flowchart"], m => m.Contains("最长路径", StringComparison.Ordinal));
    }

    [Fact]
    [Trait("Source", "seed 001")]
    public void Publish_FlowchartWithUnreachableStage_Refused()
    {
        var chart = CatalogSamples.Drainage().Flowchart;
        var orphan = chart with { Stages = [.. chart.Stages, new FlowStage("hearing", "听证", "法制岗", 0, ["decide"])] };

        var errors = PublishErrors(CatalogSamples.Drainage() with { Flowchart = orphan });

        Assert.Contains(errors["flowchart"], m => m.Contains("hearing", StringComparison.Ordinal) && m.Contains("无法到达", StringComparison.Ordinal));
    }

    [Fact]
    [Trait("Source", "seed 001")]
    public void Publish_FlowchartWithoutEnd_Refused()
    {
        var loop = new Flowchart("a", [new FlowStage("a", "受理", "受理岗", 1, ["b"]), new FlowStage("b", "审查", "审核岗", 1, ["a"])]);

        var errors = PublishErrors(CatalogSamples.Drainage() with { Flowchart = loop });

        Assert.Contains(errors["flowchart"], m => m.Contains("没有结束环节", StringComparison.Ordinal));
    }

    [Fact]
    [Trait("Source", "seed 001")]
    public void Publish_FlowchartLoopThatCannotFinish_Refused()
    {
        var chart = new Flowchart("a",
        [
            new FlowStage("a", "受理", "受理岗", 1, ["b", "end"]),
            new FlowStage("b", "审查", "审核岗", 1, ["c"]),
            new FlowStage("c", "复核", "复核岗", 1, ["b"]),
            new FlowStage("end", "办结", "窗口", 0, []),
        ]);

        var errors = PublishErrors(CatalogSamples.Drainage() with { Flowchart = chart });

        Assert.Contains(errors["flowchart"], m => m.Contains("死循环", StringComparison.Ordinal));
    }

    [Fact]
    [Trait("Source", "seed 001")]
    public void Publish_FlowchartUnknownStartOrNext_Refused()
    {
        var chart = new Flowchart("nope", [new FlowStage("a", "受理", "受理岗", 1, ["ghost"])]);

        var errors = PublishErrors(CatalogSamples.Drainage() with { Flowchart = chart });

        Assert.Contains("flowchart.start", errors.Keys);
        Assert.Contains("flowchart.stages[0].next", errors.Keys);
    }

    [Fact]
    [Trait("Source", "seed 001")]
    public void Publish_FlowchartDuplicateIdsOrMissingPost_Refused()
    {
        var chart = new Flowchart("a", [new FlowStage("a", "受理", "", 1, ["a2"]), new FlowStage("a2", "办结", "窗口", 0, []), new FlowStage("a2", "办结", "窗口", 0, [])]);

        var errors = PublishErrors(CatalogSamples.Drainage() with { Flowchart = chart });

        Assert.Contains("flowchart.stages", errors.Keys);
        Assert.Contains("flowchart.stages[0].post", errors.Keys);
    }

    [Fact]
    [Trait("Source", "seed 001")]
    public void Publish_NoFlowchart_Refused()
    {
        var errors = PublishErrors(CatalogSamples.Drainage() with { Flowchart = Flowchart.Empty });

        Assert.Contains("flowchart", errors.Keys);
    }

    [Theory]
    [Trait("Source", "GLOSSARY 权力类别 (郑州/河南 清单)")]
    [InlineData("licensing", true)]
    [InlineData("public-service", true)]
    [InlineData("other", true)]
    [InlineData("permit", false)]
    [InlineData("Licensing", false)]
    [InlineData("", false)]
    public void Publish_Kind_MustBeOneOfEleven(string kind, bool ok)
    {
        var item = CatalogSamples.Drainage() with { Kind = kind };

        var draft = PowerItem.CreateDraft(item, CatalogSamples.Now);
        var problems = draft.IsSuccess ? draft.Value.PublishingProblems() : draft.Error!.Errors!;

        Assert.Equal(!ok, problems.ContainsKey("kind"));
    }

    [Fact]
    [Trait("Source", "行政许可法 第三十条")]
    public void Publish_DuplicateMaterialCodes_Refused()
    {
        var item = CatalogSamples.Drainage();
        var errors = PublishErrors(item with { Materials = [.. item.Materials, new Material("M01", "重复", false, MaterialForm.Copy, 0)] });

        Assert.Contains(errors["materials"], m => m.Contains("M01", StringComparison.Ordinal));
        Assert.Contains("materials[2].copies", errors.Keys);
    }

    [Fact]
    [Trait("Source", "行政许可法 第三十条")]
    public void Publish_LicensingWithoutMaterialsOrConditions_Refused()
    {
        var errors = PublishErrors(CatalogSamples.Drainage() with { Materials = [], Conditions = [] });

        Assert.Contains("materials", errors.Keys);
        Assert.Contains("conditions", errors.Keys);
    }

    [Theory]
    [Trait("Source", "行政许可法 第五十八条")]
    [InlineData(true, false, false, true)]
    [InlineData(true, true, true, false)]
    [InlineData(false, false, false, false)]
    [InlineData(false, true, true, true)]
    [InlineData(false, true, false, false)]
    public void Publish_Fees_FreeOrListedWithBasis(bool free, bool hasFee, bool hasBasis, bool ok)
    {
        var fees = hasFee ? new[] { new Fee("证书工本费", "10元/本", hasBasis ? "《某收费标准》" : "") } : [];
        var item = CatalogSamples.Drainage() with { Free = free, Fees = fees };

        var problems = PowerItem.CreateDraft(item, CatalogSamples.Now).Value.PublishingProblems();

        Assert.Equal(ok, !problems.Keys.Any(k => k.StartsWith("fees", StringComparison.Ordinal)));
    }

    [Theory]
    [Trait("Source", "行政许可法 第四十五条")]
    [InlineData("expert-review", true)]
    [InlineData("hearing", true)]
    [InlineData("auction", true)]
    [InlineData("holiday", false)]
    [InlineData("meeting", false)]
    public void Publish_ExcludedProcedures_OnlyStatutory(string procedure, bool ok)
    {
        var item = CatalogSamples.Drainage() with { ExcludedProcedures = [procedure] };

        var problems = PowerItem.CreateDraft(item, CatalogSamples.Now).Value.PublishingProblems();

        Assert.Equal(!ok, problems.ContainsKey("excludedProcedures"));
    }

    [Fact]
    [Trait("Source", "行政许可法 第四十五条")]
    public void Publish_ExpertReviewNotExcludedFromLimit_Refused()
    {
        var errors = PublishErrors(CatalogSamples.Drainage() with { ExpertReview = true, ExcludedProcedures = [] });

        Assert.Contains("excludedProcedures", errors.Keys);
    }

    [Theory]
    [Trait("Source", "seed 000 §5(二)6")]
    [InlineData(true, false, ReviewMode.Formal, false)]
    [InlineData(false, true, ReviewMode.Formal, false)]
    [InlineData(true, true, ReviewMode.Substantive, true)]
    [InlineData(false, false, ReviewMode.Formal, true)]
    public void Publish_ExpertOrCollective_NeedsSubstantiveReview(bool expert, bool collective, ReviewMode mode, bool ok)
    {
        var item = CatalogSamples.Drainage() with { ExpertReview = expert, CollectiveDecision = collective, ReviewMode = mode, ExcludedProcedures = ["expert-review"] };

        var problems = PowerItem.CreateDraft(item, CatalogSamples.Now).Value.PublishingProblems();

        Assert.Equal(!ok, problems.ContainsKey("reviewMode"));
    }

    [Theory]
    [Trait("Source", "seed 000 §5(二)7")]
    [InlineData(true, null, true)]
    [InlineData(false, null, false)]
    [InlineData(false, " ", false)]
    [InlineData(false, "涉及国家秘密（《保守国家秘密法》第九条）", true)]
    public void Publish_Confidential_StatesBasis(bool publicised, string? basis, bool ok)
    {
        var item = CatalogSamples.Drainage() with { Publicised = publicised, ConfidentialityBasis = basis };

        var problems = PowerItem.CreateDraft(item, CatalogSamples.Now).Value.PublishingProblems();

        Assert.Equal(!ok, problems.ContainsKey("confidentialityBasis"));
    }

    [Theory]
    [Trait("Source", "seed 000 §5 即办件/承诺件")]
    [InlineData(HandlingType.Immediate, 0, false, true)]
    [InlineData(HandlingType.Immediate, 1, false, false)]
    [InlineData(HandlingType.Immediate, 0, true, false)]
    [InlineData(HandlingType.Promised, 0, false, false)]
    [InlineData(HandlingType.Promised, 1, false, true)]
    public void Publish_HandlingType_FitsPromisedLimit(HandlingType type, int promised, bool collective, bool ok)
    {
        var item = CatalogSamples.Drainage() with
        {
            HandlingType = type,
            PromisedLimit = TimeLimit.WorkingDays(promised),
            StageLimits = StageLimits.None,
            CollectiveDecision = collective,
            Flowchart = new Flowchart("a", [new FlowStage("a", "当场办结", "窗口", 0, [])]),
        };

        var problems = PowerItem.CreateDraft(item, CatalogSamples.Now).Value.PublishingProblems();

        Assert.Equal(!ok, problems.ContainsKey("promisedLimit") || problems.ContainsKey("handlingType"));
    }

    [Theory]
    [Trait("Source", "seed 001 廉政风险等级")]
    [InlineData("A", true)]
    [InlineData("C", true)]
    [InlineData("D", false)]
    [InlineData("a", false)]
    public void Publish_RiskLevel_IsABC(string level, bool ok)
    {
        var problems = PowerItem.CreateDraft(CatalogSamples.Drainage() with { RiskLevel = level }, CatalogSamples.Now).Value.PublishingProblems();

        Assert.Equal(!ok, problems.ContainsKey("riskLevel"));
    }

    [Fact]
    [Trait("Source", "seed 001 十一要素")]
    public void Publish_NoChannelsRightsOrPosts_Refused()
    {
        var errors = PublishErrors(CatalogSamples.Drainage() with { SupervisionChannels = [], ComplaintChannels = [], CounterpartRights = [], ResponsiblePosts = [] });

        Assert.Contains("supervisionChannels", errors.Keys);
        Assert.Contains("complaintChannels", errors.Keys);
        Assert.Contains("counterpartRights", errors.Keys);
        Assert.Contains("responsiblePosts", errors.Keys);
    }

    [Fact]
    [Trait("Source", "seed 001 §四(一)4")]
    public void Publish_ManyProblems_ListsEveryOneAtOnce()
    {
        var item = CatalogSamples.Drainage() with
        {
            Kind = "",
            LegalBases = [],
            PromisedLimit = TimeLimit.WorkingDays(30),
            Flowchart = new Flowchart("a", [new FlowStage("a", "受理", "受理岗", 1, ["a"])]),
            Publicised = false,
        };

        var errors = PublishErrors(item);

        Assert.Superset(new HashSet<string> { "kind", "legalBases", "promisedLimit", "flowchart", "confidentialityBasis" }, errors.Keys.ToHashSet());
    }

    [Theory]
    [InlineData("", "name", "D01")]
    [InlineData("bad code!", "name", "D01")]
    [InlineData("a/b", "name", "D01")]
    [InlineData("XK-1", "", "D01")]
    [InlineData("XK-1", "name", "")]
    public void CreateDraft_WithoutIdentity_Refused(string code, string name, string department)
    {
        var item = CatalogSamples.Drainage() with { Code = code, Name = name, Department = new Department(department, "局") };

        var result = PowerItem.CreateDraft(item, CatalogSamples.Now);

        Assert.False(result.IsSuccess);
        Assert.Equal("catalog.invalid_item", result.Error.Code);
    }

    [Fact]
    public void CreateDraft_IncompleteContent_KeptAsDraftWithProblems()
    {
        var result = PowerItem.CreateDraft(CatalogSamples.Drainage() with { LegalBases = [] }, CatalogSamples.Now);

        Assert.True(result.IsSuccess);
        Assert.Equal(ItemStatus.Draft, result.Value.Status);
        Assert.Contains("legalBases", result.Value.PublishingProblems().Keys);
    }
}
