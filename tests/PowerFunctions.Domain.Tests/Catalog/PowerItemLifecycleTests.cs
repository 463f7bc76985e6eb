using PowerFunctions.Domain.Catalog;
using PowerFunctions.Domain.Common;

namespace PowerFunctions.Domain.Tests.Catalog;

public sealed class PowerItemLifecycleTests
{
    private static readonly DateTimeOffset Later = CatalogSamples.Now.AddDays(3);

    [Fact]
    public void CreateDraft_Content_IsVersionOneDraft()
    {
        var draft = PowerItem.CreateDraft(CatalogSamples.Drainage() with { Status = ItemStatus.Published, Version = 9 }, CatalogSamples.Now).Value;

        Assert.Equal(ItemStatus.Draft, draft.Status);
        Assert.Equal(1, draft.Version);
        Assert.Equal(CatalogSamples.Now, draft.CreatedAt);
        Assert.Null(draft.PublishedAt);
    }

    [Fact]
    public void Edit_Draft_SameVersion()
    {
        var draft = PowerItem.CreateDraft(CatalogSamples.Drainage(), CatalogSamples.Now).Value;

        var edited = draft.Edit(CatalogSamples.Drainage() with { Name = "排水许可" }, Later).Value;

        Assert.Equal(1, edited.Version);
        Assert.Equal("排水许可", edited.Name);
        Assert.Equal(CatalogSamples.Now, edited.CreatedAt);
        Assert.Equal(Later, edited.UpdatedAt);
    }

    [Fact]
    public void Edit_Published_NewRevisionDraft()
    {
        var published = CatalogSamples.Published();

        var revision = published.Edit(CatalogSamples.Drainage() with { PromisedLimit = TimeLimit.WorkingDays(8) }, Later).Value;

        Assert.Equal(ItemStatus.Draft, revision.Status);
        Assert.Equal(2, revision.Version);
        Assert.Equal(ItemStatus.Published, published.Status);
        Assert.Equal(10, published.PromisedLimit.Days);
    }

    [Fact]
    public void Edit_CodeInBody_KeepsItemCode()
    {
        var published = CatalogSamples.Published();

        var revision = published.Edit(CatalogSamples.Drainage() with { Code = "OTHER" }, Later).Value;

        Assert.Equal(published.Code, revision.Code);
    }

    [Fact]
    public void Edit_OtherDepartment_Refused()
    {
        var published = CatalogSamples.Published();

        var result = published.Edit(CatalogSamples.Drainage() with { Department = new Department("D02", "市生态环境局") }, Later);

        Assert.False(result.IsSuccess);
        Assert.Contains("department.code", result.Error.Errors!.Keys);
    }

    [Theory]
    [InlineData(ItemStatus.Abolished)]
    [InlineData(ItemStatus.Superseded)]
    public void Edit_AbolishedOrSuperseded_Conflict(ItemStatus status)
    {
        var item = CatalogSamples.Published() with { Status = status };

        var result = item.Edit(CatalogSamples.Drainage(), Later);

        Assert.Equal(ErrorKind.Conflict, result.Error!.Kind);
    }

    [Fact]
    public void PublishRevision_ThenSupersedeOld_BothReadable()
    {
        var v1 = CatalogSamples.Published();
        var v2 = v1.Edit(CatalogSamples.Drainage() with { Name = "排水许可（修订）" }, Later).Value.Publish(Later).Value;

        var old = v1.Supersede(Later);

        Assert.Equal(ItemStatus.Published, v2.Status);
        Assert.Equal(2, v2.Version);
        Assert.Equal(ItemStatus.Superseded, old.Status);
        Assert.Equal("城镇污水排入排水管网许可", old.Name);
        Assert.Equal("排水许可（修订）", v2.Name);
    }

    [Fact]
    public void Publish_AlreadyPublished_Conflict()
    {
        var result = CatalogSamples.Published().Publish(Later);

        Assert.Equal("catalog.not_a_draft", result.Error!.Code);
    }

    [Fact]
    public void Abolish_Published_WithReason()
    {
        var abolished = CatalogSamples.Published().Abolish(" 《某条例》已废止 ", Later).Value;

        Assert.Equal(ItemStatus.Abolished, abolished.Status);
        Assert.Equal("《某条例》已废止", abolished.AbolishReason);
        Assert.Equal(Later, abolished.AbolishedAt);
    }

    [Fact]
    public void Abolish_WithoutReason_Refused()
    {
        var result = CatalogSamples.Published().Abolish("  ", Later);

        Assert.Equal(ErrorKind.Validation, result.Error!.Kind);
        Assert.Contains("reason", result.Error.Errors!.Keys);
    }

    [Fact]
    public void Abolish_Draft_Conflict()
    {
        var draft = PowerItem.CreateDraft(CatalogSamples.Drainage(), CatalogSamples.Now).Value;

        Assert.Equal(ErrorKind.Conflict, draft.Abolish("理由", Later).Error!.Kind);
    }

    [Fact]
    public void Abolish_Twice_Conflict()
    {
        var abolished = CatalogSamples.Published().Abolish("理由", Later).Value;

        Assert.Equal(ErrorKind.Conflict, abolished.Abolish("理由", Later).Error!.Kind);
    }

    [Theory]
    [Trait("Source", "seed 002 第十条")]
    [Trait("Source", "seed 001 流程图 20个工作日")]
    [InlineData("2026-09-14", "2026-09-21", "2026-10-12")] // Monday: 7 days end on Monday
    [InlineData("2026-09-15", "2026-09-22", "2026-10-13")]
    [InlineData("2026-09-12", "2026-09-21", "2026-10-09")] // Saturday: the 7th day is Saturday, rolls to Monday
    public void RecordBasisChange_Published_OpensSevenDayAndTwentyWorkingDayDeadlines(string changed, string revisionDue, string flowchartDue)
    {
        var item = CatalogSamples.Published().RecordBasisChange(DateOnly.Parse(changed), "条例修订", TestCalendars.Weekends2026, CatalogSamples.Now).Value;

        Assert.Equal(DateOnly.Parse(revisionDue), item.RevisionDue);
        Assert.Equal(DateOnly.Parse(flowchartDue), item.PendingBasisChange!.FlowchartDue);
    }

    [Theory]
    [Trait("Source", "seed 002 第十条")]
    [InlineData("2026-09-22", false)]
    [InlineData("2026-09-23", true)]
    public void IsRevisionOverdue_AfterDueDay_True(string today, bool overdue)
    {
        var item = CatalogSamples.Published().RecordBasisChange(new DateOnly(2026, 9, 15), "条例修订", TestCalendars.Weekends2026, CatalogSamples.Now).Value;

        Assert.Equal(overdue, item.IsRevisionOverdue(DateOnly.Parse(today)));
    }

    [Fact]
    [Trait("Source", "seed 002 第十条")]
    public void PublishRevision_AfterBasisChange_ClearsDeadline()
    {
        var changed = CatalogSamples.Published().RecordBasisChange(new DateOnly(2026, 9, 15), "条例修订", TestCalendars.Weekends2026, CatalogSamples.Now).Value;

        var draft = changed.Edit(CatalogSamples.Drainage(), Later).Value;
        var revised = draft.Publish(Later).Value;

        Assert.NotNull(draft.RevisionDue);
        Assert.Null(revised.RevisionDue);
        Assert.False(revised.IsRevisionOverdue(new DateOnly(2027, 1, 1)));
    }

    [Fact]
    [Trait("Source", "seed 002 第十条")]
    public void RecordBasisChange_LaterChange_KeepsEarlierDeadline()
    {
        var calendar = TestCalendars.Weekends2026;
        var first = CatalogSamples.Published().RecordBasisChange(new DateOnly(2026, 9, 14), "一", calendar, CatalogSamples.Now).Value;

        var second = first.RecordBasisChange(new DateOnly(2026, 9, 16), "二", calendar, CatalogSamples.Now).Value;

        Assert.Equal(new DateOnly(2026, 9, 21), second.RevisionDue);
    }

    [Fact]
    public void RecordBasisChange_FutureDateOrNoDescription_Refused()
    {
        var calendar = TestCalendars.Weekends2026;
        var item = CatalogSamples.Published();

        Assert.Contains("changedOn", item.RecordBasisChange(new DateOnly(2026, 12, 1), "x", calendar, CatalogSamples.Now).Error!.Errors!.Keys);
        Assert.Contains("description", item.RecordBasisChange(new DateOnly(2026, 9, 1), " ", calendar, CatalogSamples.Now).Error!.Errors!.Keys);
    }

    [Fact]
    public void ToTerms_Published_CarriesWhatACaseNeeds()
    {
        var item = CatalogSamples.Published() with { ExpertReview = true, CollectiveDecision = true, SeparateAcceptance = true, Publicised = false };

        var terms = item.ToTerms();

        Assert.Equal("XK-D01-0001", terms.ItemCode);
        Assert.Equal(1, terms.ItemVersion);
        Assert.Equal("D01", terms.DepartmentCode);
        Assert.Equal("licensing", terms.Kind);
        Assert.False(terms.Immediate);
        Assert.Equal(10, terms.PromisedWorkingDays);
        Assert.Equal(20, terms.LegalWorkingDays);
        Assert.Equal(LimitUnit.Working, terms.LimitUnit);
        Assert.True(terms.Substantive);
        Assert.False(terms.Publicised);
        Assert.True(terms.ExpertReview && terms.CollectiveDecision && terms.SeparateAcceptance);
        Assert.Equal(["M01", "M02"], terms.Materials.Select(m => m.Code));
        Assert.All(terms.Materials, m => Assert.True(m.Required));
    }

    [Fact]
    [Trait("Source", "seed 002 第十条")]
    public void RevisionAlertAt_PendingChange_TheEndOfItsSevenDays_NoneOnceRevised()
    {
        var changed = CatalogSamples.Published().RecordBasisChange(new DateOnly(2026, 9, 15), "条例修订", TestCalendars.Weekends2026, CatalogSamples.Now).Value;

        Assert.Equal(new DateTimeOffset(2026, 9, 23, 0, 0, 0, TimeSpan.FromHours(8)), PowerItemRules.RevisionAlertAt(changed));
        Assert.Null(PowerItemRules.RevisionAlertAt(changed.Edit(CatalogSamples.Drainage(), Later).Value.Publish(Later).Value));
        Assert.Equal("catalog-revision", PowerItemRules.RevisionAlertKind);
    }
}
