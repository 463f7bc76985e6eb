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
        Assert.Equal(new AcceptanceNoticeFacts(new DateOnly(2026, 10, 9), "QC123456", Deemed: false), notice.Acceptance);
        Assert.Equal("2026年9月18日", Field(notice, "受理日期"));
        Assert.Equal("《中华人民共和国行政许可法》第三十二条第一款第（五）项", notice.LegalBasis);
        Assert.DoesNotContain(notice.Fields, x => x.Key is "办件编号" or "申请事项" or "查询码"); // printed once, by the template
        Assert.Empty(notice.Paragraphs); // the statement of the acceptance is the template's
    }

    [Fact]
    [Trait("Source", "行政许可法 第四十五条")]
    public void Suspend_ExpectedEndBeforeToday_IsRefused()
    {
        var f = new CaseFixture().Accept();

        var result = f.Case.Suspend(SuspensionReason.Testing, null, new DateOnly(2026, 9, 17), f.Context);

        Assert.Equal(["expectedUntil"], result.Error!.Errors!.Keys);
    }

    [Fact]
    [Trait("Source", "行政许可法 第四十五条")]
    public void Suspend_AsApiMdWritesIt_NoExpectedEnd_NoticeStillIssuedWithTheTimeUnknown()
    {
        var f = new CaseFixture().Accept();

        var notice = f.Case.Suspend(SuspensionReason.Hearing, "申请人申请听证", null, f.Context).Value.Document!;

        Assert.Equal(DocumentKind.SuspensionNotice, notice.Kind);
        Assert.Equal(new SuspensionNoticeFacts(SuspensionReason.Hearing, new DateOnly(2026, 9, 18), null, null), notice.Suspension);
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
        Assert.Equal(new SuspensionNoticeFacts(SuspensionReason.Testing, new DateOnly(2026, 9, 21), new DateOnly(2026, 10, 16), 14), notice.Suspension); // 9/22–9/24, 9/28–9/30 (9/25–27 off), 10/8, 10/9, 10/10 (make-up), 10/12–10/16
        Assert.Equal(["送省质检院检验"], notice.Paragraphs); // the note; the statement is the template's
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
        Assert.Equal(new ExtensionNoticeFacts(new DateOnly(2026, 10, 9), new DateOnly(2026, 10, 13), 3, "钱决定"), notice.Extension); // 10/10 (make-up), 10/12, 10/13
        Assert.Equal("3个工作日", Field(notice, "延长期限"));
        Assert.Equal(["需征求相关部门意见"], notice.Paragraphs); // the reasons; "延长期限的理由如下" is the template's
    }
}
