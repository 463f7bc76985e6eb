using PowerFunctions.Domain.Cases;
using PowerFunctions.Domain.Deadlines;
using PowerFunctions.Domain.Documents;

namespace PowerFunctions.Domain.Tests.Cases;

/// <summary>Events stored by earlier versions (strings where enums are now, numbers for enums, the old boolean jointHandling) still fold, and their chain still verifies.</summary>
public sealed class CaseEventCompatibilityTests
{
    private static CaseEvent Stored(long seq, string type, string data, string previous)
    {
        const string at = "2026-09-18T09:30:00.000+08:00";
        var hash = CaseChain.HashOf(seq, type, at, "u1", "某人", "system", data, previous);
        return new CaseEvent(seq, type, at, "u1", "某人", "system", data, previous, hash);
    }

    [Fact]
    public void FromEvents_EventsOfTheEarlierShape_FoldIntoTheTypedCase()
    {
        var terms = """{"itemCode":"XK-001","itemVersion":1,"itemName":"食品经营许可","departmentCode":"D01","departmentName":"市场监督管理局","kind":"licensing","immediate":false,"promisedWorkingDays":10,"legalWorkingDays":20,"limitUnit":0,"stageLimits":{"acceptance":0,"review":0,"decision":0,"publicity":0,"delivery":0},"substantive":true,"publicised":true,"expertReview":false,"collectiveDecision":false,"separateAcceptance":false,"jointHandling":false,"materials":[{"code":"M1","name":"申请书","required":true}]}""";
        var rows = new List<CaseEvent>();
        void Add(string type, string data) => rows.Add(Stored(rows.Count + 1, type, data, rows.Count == 0 ? CaseChain.Genesis : rows[^1].Hash));
        Add("submitted", $$"""{"terms":{{terms}},"applicant":{"name":"张三","idType":"身份证","idNumber":"1","phone":"2"},"applicantSubject":"c1","materials":[{"code":"M1","name":"申请书"}],"receiptOn":"2026-09-18","queryCode":"Q"}""");
        Add("accepted", """{"acceptedOn":"2026-09-18","document":{"id":"X-acceptance-notice","type":"acceptance-notice","sha256":"ab"}}""");
        Add("reviewed", """{"reviewRole":"A","opinion":"好","recommendation":"approve"}""");
        Add("suspended", """{"reason":"expert-review","note":"专家评审","from":"2026-09-21"}""");
        Add("resumed", """{"on":"2026-09-22"}""");
        Add("decided", """{"outcome":"approve","reasons":null,"remedies":[],"decidedOn":"2026-09-22","publicFrom":"2026-09-22","publicUntil":"2026-09-29"}""");
        Add("objection-filed", """{"name":"李四","contact":"1","content":"有异议"}""");

        var c = Case.FromEvents("D01-20260918-000001", rows);

        Assert.True(CaseChain.Verify(rows).Valid);
        Assert.Null(c.Terms.JointHandling);
        Assert.Equal(DocumentKind.AcceptanceNotice, c.Documents.Single().Type);
        Assert.Equal(DecisionOutcome.Approve, c.Reviews.Single().Recommendation);
        Assert.Equal(SuspensionReason.ExpertReview, c.Suspensions.Single().Reason);
        Assert.Equal(DecisionOutcome.Approve, c.Decision!.Outcome);
        Assert.Equal("o-1", c.Objections.Single().Id);
        Assert.Empty(c.MissingAtReceipt);
    }
}
