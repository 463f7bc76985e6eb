using PowerFunctions.Domain.Cases;
using PowerFunctions.Domain.Supervision.Alerts;

namespace PowerFunctions.Domain.Tests.Supervision.Alerts;

[Trait("Source", "municipal 电子监察 rules (public)")]
public sealed class AlertKindTests
{
    [Theory]
    [InlineData("decision", AlertKindFamily.CaseDeadline)]
    [InlineData("correction-notice", AlertKindFamily.CaseDeadline)]
    [InlineData("result-publication", AlertKindFamily.CaseDeadline)]
    [InlineData("stage-review", AlertKindFamily.Stage)]
    [InlineData("complaint-answer", AlertKindFamily.Complaint)]
    [InlineData("catalog-revision", AlertKindFamily.CatalogRevision)]
    [InlineData("rectification", AlertKindFamily.Rectification)]
    [InlineData("evaluation-rectification", AlertKindFamily.EvaluationRectification)]
    [InlineData("enforcement-decision", AlertKindFamily.Enforcement)]
    [InlineData("enforcement-hearing-notice", AlertKindFamily.Enforcement)]
    [InlineData("guidance-follow-up", AlertKindFamily.Guidance)]
    public void TryParse_KnownFamily_ParsesWithItsFamily(string code, AlertKindFamily family)
    {
        Assert.True(AlertKind.TryParse(code, out var kind));
        Assert.Equal(code, kind.Code);
        Assert.Equal(family, kind.Family);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Decision")]
    [InlineData("stage-")]
    [InlineData("stage-Review")]
    [InlineData("stage-review-")]
    [InlineData("complaint-answer-2")]
    [InlineData("enforcement")]
    [InlineData("stage.review")]
    [InlineData("overdue")]
    public void TryParse_Other_IsRefused(string? code)
    {
        Assert.False(AlertKind.TryParse(code, out _));
    }

    [Fact]
    public void CaseDeadlineCodes_AreEveryCaseDeadlineKind()
    {
        var codes = Enum.GetValues<DeadlineKind>().Select(CaseDeadline.CodeOf).Order(StringComparer.Ordinal);

        Assert.Equal(codes, AlertKind.CaseDeadlineCodes.Order(StringComparer.Ordinal));
    }

    [Theory]
    [Trait("Source", "行政许可法 第二十六条")]
    [InlineData("joint-opinion-D06", true)]
    [InlineData("joint-opinion", false)]
    [InlineData("joint-opinion-", false)]
    [InlineData("joint-opinion-D0 6", false)]
    public void JointOpinionClock_OneAlertKindPerDepartment(string code, bool expected)
    {
        Assert.Equal(expected, AlertKind.TryParse(code, out var kind));
        if (expected)
        {
            Assert.Equal(AlertKindFamily.CaseDeadline, kind.Family);
            Assert.True(kind.IsCaseOverdue);
        }
    }

    [Theory]
    [InlineData("decision", true)]
    [InlineData("enforcement-decision", true)]
    [InlineData("stage-review", false)]
    [InlineData("complaint-answer", false)]
    [InlineData("rectification", false)]
    [InlineData("catalog-revision", false)]
    public void IsCaseOverdue_CaseAndEnforcementClocksOnly(string code, bool expected)
    {
        Assert.True(AlertKind.TryParse(code, out var kind));
        Assert.Equal(expected, kind.IsCaseOverdue);
    }

    [Fact]
    public void Factories_BadSuffix_Throw()
    {
        Assert.Throws<ArgumentException>(() => AlertKind.Stage("Review"));
        Assert.Throws<ArgumentException>(() => AlertKind.Deadline("stage-review"));
    }
}
