using PowerFunctions.Domain.Calendar;
using PowerFunctions.Domain.Evaluations;

namespace PowerFunctions.Domain.Tests.Evaluations;

public sealed class EvaluationRulesTests
{
    private const string Source = "国办发〔2019〕51号 and local rules";
    private static readonly WorkingCalendar Calendar = OfficialSchedules.Calendar();
    private static readonly DateTimeOffset FridayMorning = new(2026, 9, 18, 9, 30, 0, TimeSpan.FromHours(8));

    [Theory]
    [Trait("Source", Source)]
    [InlineData(Satisfaction.VerySatisfied, false)]
    [InlineData(Satisfaction.Satisfied, false)]
    [InlineData(Satisfaction.BasicallySatisfied, false)]
    [InlineData(Satisfaction.Dissatisfied, true)]
    [InlineData(Satisfaction.VeryDissatisfied, true)]
    public void NeedsRectification_ByLevel_OnlyBadReviews(Satisfaction level, bool expected) =>
        Assert.Equal(expected, EvaluationRules.NeedsRectification(level));

    [Theory]
    [Trait("Source", Source)]
    [InlineData(4, false)]
    [InlineData(5, true)]
    [InlineData(10, true)]
    [InlineData(15, true)]
    [InlineData(16, false)]
    public void IsValidWindow_WorkingDays_FiveToFifteen(int workingDays, bool expected) =>
        Assert.Equal(expected, EvaluationRules.IsValidWindow(workingDays));

    [Theory]
    [Trait("Source", Source)]
    [InlineData("2026-09-18", 10, "2026-10-09")] // crosses make-up Sunday 9/20, 中秋 9/25–27 and 国庆 10/1–7
    [InlineData("2026-09-18", 5, "2026-09-24")]
    [InlineData("2026-09-30", 5, "2026-10-13")] // 国庆, then make-up Saturday 10/10 counts
    [InlineData("2026-12-31", 5, "2027-01-07")] // into 2027, not loaded: weekends only (1/1 counts), provisional
    public void RectificationDue_BadReview_WorkingDaysAfterRatingDay(string ratedOn, int window, string expected)
    {
        var due = EvaluationRules.RectificationDue(Calendar, DateOnly.Parse(ratedOn), window);

        Assert.Equal(DateOnly.Parse(expected), due.Date);
        Assert.Equal(due.Date.Year == 2027, due.Provisional);
    }

    [Fact]
    [Trait("Source", Source)]
    public void Rate_VeryDissatisfied_AwaitsRectificationWithDueDate()
    {
        var evaluation = Evaluation.Rate(Calendar, "C1", "XK", "D01", "u1", Satisfaction.VeryDissatisfied, "窗口人员态度差", FridayMorning, 10).Value;

        Assert.Equal(EvaluationStatus.AwaitingRectification, evaluation.Status);
        Assert.Equal(new DateOnly(2026, 10, 9), evaluation.RectificationDue!.Value.Date);
        Assert.False(evaluation.IsOverdue(new DateTimeOffset(2026, 10, 9, 23, 59, 59, TimeSpan.FromHours(8))));
        Assert.True(evaluation.IsOverdue(new DateTimeOffset(2026, 10, 10, 0, 0, 0, TimeSpan.FromHours(8))));
    }

    [Fact]
    [Trait("Source", Source)]
    public void Rate_Satisfied_RecordedWithoutDeadline()
    {
        var evaluation = Evaluation.Rate(Calendar, "C1", "XK", "D01", "u1", Satisfaction.Satisfied, null, FridayMorning, 10).Value;

        Assert.Equal(EvaluationStatus.Recorded, evaluation.Status);
        Assert.Null(evaluation.RectificationDue);
        Assert.False(evaluation.IsOverdue(FridayMorning.AddYears(1)));
    }

    [Fact]
    public void Rate_DissatisfiedWithoutComment_RefusedNamingComment()
    {
        var result = Evaluation.Rate(Calendar, "C1", "XK", "D01", "u1", Satisfaction.Dissatisfied, "  ", FridayMorning, 10);

        Assert.False(result.IsSuccess);
        Assert.Equal("evaluation.invalid", result.Error!.Code);
        Assert.Contains("comment", result.Error.Errors!.Keys);
    }

    [Fact]
    [Trait("Source", Source)]
    public void Rectify_AwaitingThenAgain_SecondRefused()
    {
        var evaluation = Evaluation.Rate(Calendar, "C1", "XK", "D01", "u1", Satisfaction.Dissatisfied, "等待时间过长", FridayMorning, 10).Value;

        var rectified = evaluation.Rectify("已增加窗口并电话回访申请人", "staff-1", FridayMorning.AddDays(2)).Value;
        var again = rectified.Rectify("再次整改", "staff-1", FridayMorning.AddDays(3));

        Assert.Equal(EvaluationStatus.Rectified, rectified.Status);
        Assert.False(rectified.IsOverdue(FridayMorning.AddYears(1)));
        Assert.Equal("evaluation.not_awaiting_rectification", again.Error!.Code);
    }

    [Fact]
    public void Rectify_GoodReview_Refused()
    {
        var evaluation = Evaluation.Rate(Calendar, "C1", "XK", "D01", "u1", Satisfaction.VerySatisfied, "很好", FridayMorning, 10).Value;

        Assert.False(evaluation.Rectify("无", "staff-1", FridayMorning).IsSuccess);
    }

    [Theory]
    [InlineData("very-satisfied", Satisfaction.VerySatisfied)]
    [InlineData("basically-satisfied", Satisfaction.BasicallySatisfied)]
    [InlineData("very-dissatisfied", Satisfaction.VeryDissatisfied)]
    public void TryParseLevel_ApiCode_RoundTrips(string code, Satisfaction level)
    {
        Assert.True(EvaluationRules.TryParseLevel(code, out var parsed));
        Assert.Equal(level, parsed);
        Assert.Equal(code, EvaluationRules.Code(parsed));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("VerySatisfied")]
    [InlineData("5")]
    public void TryParseLevel_Unknown_False(string? code) => Assert.False(EvaluationRules.TryParseLevel(code, out _));
}
