using PowerFunctions.Domain.Calendar;
using PowerFunctions.Domain.Complaints;

namespace PowerFunctions.Domain.Tests.Complaints;

public sealed class ComplaintLimitsTests
{
    [Theory]
    [Trait("Source", "信访工作条例 (2022); local 12345 rules")]
    [InlineData(ComplaintCategory.Consultation, false, 3, PeriodUnit.Working, 0, null)]
    [InlineData(ComplaintCategory.Help, false, 3, PeriodUnit.Working, 0, null)]
    [InlineData(ComplaintCategory.Suggestion, false, 13, PeriodUnit.Working, 0, null)]
    [InlineData(ComplaintCategory.Complaint, true, 60, PeriodUnit.Calendar, 30, 15)]
    [InlineData(ComplaintCategory.Report, true, 60, PeriodUnit.Calendar, 30, 15)]
    public void Defaults_EachCategory_IsTheTableWithItsSource(ComplaintCategory category, bool petition, int days, PeriodUnit unit, int extension, int? acceptance)
    {
        var limit = ComplaintLimits.Defaults.For(category);

        Assert.Equal((petition, days, unit, extension, acceptance), (limit.Petition, limit.Days, limit.Unit, limit.ExtensionDays, limit.AcceptanceDays));
        Assert.Equal(petition ? ComplaintRules.PetitionSource : ComplaintRules.HotlineSource, limit.Source);
        Assert.Equal(petition, ComplaintRules.IsPetitionType(category));
    }

    [Fact]
    [Trait("Source", "local 12345 rules (派单); seed 003 (第五篇 首问负责制)")]
    public void Defaults_DispatchAndExplanation()
    {
        var terms = ComplaintLimits.Defaults.TermsFor(ComplaintCategory.Help);

        Assert.Equal((1, 3), (terms.DispatchWorkingDays, terms.ExplanationCalendarDays));
        Assert.Equal(5, ComplaintLimits.Defaults.Answers.Count);
    }

    [Fact]
    public void WithAnswer_Stricter_Overrides()
    {
        var limits = ComplaintLimits.Defaults.WithAnswer(ComplaintCategory.Complaint, 30, 15).Value;

        var limit = limits.For(ComplaintCategory.Complaint);
        Assert.Equal((30, 15, PeriodUnit.Calendar), (limit.Days, limit.ExtensionDays, limit.Unit));
        Assert.EndsWith("overridden by configuration", limit.Source, StringComparison.Ordinal);
        Assert.Equal(60, ComplaintLimits.Defaults.For(ComplaintCategory.Complaint).Days);
    }

    [Theory]
    [Trait("Source", "信访工作条例 (2022) (60 日, 延长不超过 30 日)")]
    [InlineData(ComplaintCategory.Report, 61, null, "report.days")]
    [InlineData(ComplaintCategory.Report, 0, null, "report.days")]
    [InlineData(ComplaintCategory.Complaint, 60, 31, "complaint.extensionDays")]
    [InlineData(ComplaintCategory.Consultation, 61, null, "consultation.days")]
    [InlineData(ComplaintCategory.Help, 5, -1, "help.extensionDays")]
    public void WithAnswer_LooserThanTheLawOrNonsense_Refused(ComplaintCategory category, int days, int? extension, string field)
    {
        var result = ComplaintLimits.Defaults.WithAnswer(category, days, extension);

        Assert.Equal("complaint.limits_invalid", result.Error!.Code);
        Assert.Equal([field], result.Error.Errors!.Keys);
    }

    [Fact]
    public void WithAnswer_HotlineCategoryExtension_AllowsExplainingPastTheDueDate()
    {
        var limits = ComplaintLimits.Defaults.WithAnswer(ComplaintCategory.Consultation, 3, 5).Value;
        var f = new ComplaintFixture(category: "consultation", limits: limits);

        f.Explain(ComplaintFixture.D(9, 29));

        Assert.True(f.Deadline(ComplaintDeadlineKind.Answer).Extended);
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(5, true)]
    [InlineData(6, false)]
    public void WithDispatch_Bounds(int workingDays, bool accepted)
    {
        var result = ComplaintLimits.Defaults.WithDispatch(workingDays);

        Assert.Equal(accepted, result.IsSuccess);
        if (accepted)
        {
            Assert.Equal(workingDays, result.Value.TermsFor(ComplaintCategory.Help).DispatchWorkingDays);
        }
    }

    [Fact]
    public void Terms_FrozenAtReceipt_ConfigurationChangesLeaveRunningTicketsAlone()
    {
        var f = new ComplaintFixture(category: "consultation");
        var stricter = ComplaintLimits.Defaults.WithAnswer(ComplaintCategory.Consultation, 1).Value;

        Assert.Equal(3, f.Ticket.Terms.Answer.Days);
        Assert.Equal(1, stricter.For(ComplaintCategory.Consultation).Days);
        Assert.Equal(ComplaintFixture.D(9, 22), f.Deadline(ComplaintDeadlineKind.Answer).Due);
    }
}
