using PowerFunctions.Domain.Cases;
using PowerFunctions.Domain.Deadlines;
using PowerFunctions.Domain.Documents;

namespace PowerFunctions.Domain.Tests.Cases;

/// <summary>Acts told to the applicant in writing: acceptance, suspension (its procedure and expected time) and extension (its reasons).</summary>
public sealed class WrittenNoticeTests
{
    private static string Field(DocumentToIssue document, string label) => document.Fields.Single(f => f.Key == label).Value;

    [Fact]
    [Trait("Source", "行政许可法 第三十二条")]
    public void Accept_Notice_CarriesTheDecisionDueDateAndTheQueryCodeOnce()
    {
        var f = new CaseFixture();

        var notice = f.Case.Accept(f.Context).Value.Document!;

        Assert.Equal(DocumentKind.AcceptanceNotice, notice.Kind);
        Assert.Equal("2026年10月9日", Field(notice, "办结期限"));
        Assert.Equal("QC123456", Field(notice, "查询码"));
        Assert.DoesNotContain(notice.Fields, x => x.Key is "办件编号" or "申请事项"); // printed once, by the renderer
    }

    [Theory]
    [Trait("Source", "行政许可法 第四十五条")]
    [InlineData(null)]
    [InlineData("2026-09-17")]
    public void Suspend_WithoutAnExpectedEndFromToday_IsRefused(string? expected)
    {
        var f = new CaseFixture().Accept();

        var result = f.Case.Suspend(SuspensionReason.Testing, null, expected is null ? null : DateOnly.Parse(expected), f.Context);

        Assert.Equal(["expectedUntil"], result.Error!.Errors!.Keys);
    }

    [Fact]
    [Trait("Source", "行政许可法 第四十五条")]
    public void Suspend_IssuesANoticeNamingTheProcedureAndItsExpectedTime_RecordedOnTheCase()
    {
        var f = new CaseFixture().Accept().On(9, 21);
        var notice = f.Case.Suspend(SuspensionReason.Testing, "送省质检院检验", new DateOnly(2026, 10, 16), f.Context).Value.Document!;

        f.Do(c => c.Suspend(SuspensionReason.Testing, "送省质检院检验", new DateOnly(2026, 10, 16), f.Context), CaseFixture.ReviewerA);

        var document = f.Case.Documents.Single(d => d.Type == DocumentKind.SuspensionNotice);
        Assert.Equal("D01-20260918-000001-suspension-notice-1", document.Id);
        Assert.Equal(new DateOnly(2026, 10, 16), f.Case.Suspensions.Single().ExpectedUntil);
        Assert.Equal("检验", Field(notice, "中止事由"));
        Assert.Equal("2026年10月16日", Field(notice, "预计完成日期"));
        Assert.Contains("不计入办理期限", notice.Paragraphs[0], StringComparison.Ordinal);
        Assert.Equal("送省质检院检验", notice.Paragraphs[1]);
        Assert.Equal("《中华人民共和国行政许可法》第四十五条", notice.LegalBasis);
    }

    [Fact]
    [Trait("Source", "行政许可法 第四十五条")]
    public void SecondSuspension_HasItsOwnNotice()
    {
        var f = new CaseFixture().Accept().On(9, 21);
        f.Do(c => c.Suspend(SuspensionReason.Testing, null, new DateOnly(2026, 9, 23), f.Context), CaseFixture.ReviewerA)
            .On(9, 23).Do(c => c.Resume(f.Context), CaseFixture.ReviewerA)
            .Do(c => c.Suspend(SuspensionReason.Hearing, null, new DateOnly(2026, 9, 30), f.Context), CaseFixture.ReviewerA);

        Assert.Equal(["-suspension-notice-1", "-suspension-notice-2"], f.Case.Documents.Where(d => d.Type == DocumentKind.SuspensionNotice).Select(d => d.Id[^20..]));
    }

    [Fact]
    [Trait("Source", "行政许可法 第四十二条")]
    public void Extend_IssuesANoticeWithTheReasonsAndTheDueDateBeforeAndAfter()
    {
        var f = new CaseFixture().Accept();

        var notice = f.Case.Extend(3, "需征求相关部门意见", CaseFixture.Decider, f.Context).Value.Document!;

        Assert.Equal(DocumentKind.ExtensionNotice, notice.Kind);
        Assert.Equal("2026年10月9日", Field(notice, "原办结期限"));
        Assert.Equal("2026年10月13日", Field(notice, "延长后办结期限")); // 10/10 (make-up), 10/12, 10/13
        Assert.Equal("3个工作日", Field(notice, "延长期限"));
        Assert.Equal("钱决定", Field(notice, "批准人"));
        Assert.Equal(["延长理由：需征求相关部门意见"], notice.Paragraphs);
    }
}
