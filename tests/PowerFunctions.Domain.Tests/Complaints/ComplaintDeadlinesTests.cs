using PowerFunctions.Domain.Calendar;
using PowerFunctions.Domain.Complaints;
using PowerFunctions.Domain.Deadlines;
using PowerFunctions.Domain.Supervision;
using static PowerFunctions.Domain.Tests.Complaints.ComplaintFixture;

namespace PowerFunctions.Domain.Tests.Complaints;

/// <summary>The clocks of a ticket on the real 2026 calendar (中秋 9/25–9/27, 国庆 10/1–10/7, make-up days 9/20 and 10/10).</summary>
public sealed class ComplaintDeadlinesTests
{
    [Theory]
    [Trait("Source", "local 12345 rules (派单 within 1 working day)")]
    [InlineData(9, 17, "2026-09-18")] // Thursday → Friday
    [InlineData(9, 18, "2026-09-20")] // Friday → Sunday 9/20, a make-up working day
    [InlineData(9, 24, "2026-09-28")] // Thursday → over 中秋 to Monday
    [InlineData(9, 30, "2026-10-08")] // Wednesday → over 国庆
    public void Dispatch_OneWorkingDayFromReceipt(int month, int day, string due)
    {
        var f = new ComplaintFixture(department: null, channel: ComplaintChannel.Hotline, month: month, day: day);

        var dispatch = f.Deadline(ComplaintDeadlineKind.Dispatch);

        Assert.Equal(DateOnly.Parse(due), dispatch.Due);
        Assert.True(dispatch.IsOpen);
        Assert.Single(f.Deadlines);
    }

    [Fact]
    [Trait("Source", "local 12345 rules (派单 within 1 working day)")]
    public void Dispatch_RoutedAtIntake_MetOnTheDayOfReceipt()
    {
        var dispatch = new ComplaintFixture(department: "D01").Deadline(ComplaintDeadlineKind.Dispatch);

        Assert.Equal(D(9, 18), dispatch.ResolvedOn);
        Assert.Equal(DeadlineStatus.Met, dispatch.StatusAt(Official, new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.FromHours(8))));
    }

    [Theory]
    [Trait("Source", "local 12345 rules (派单 within 1 working day)")]
    [InlineData(9, 28, DeadlineStatus.Met)]
    [InlineData(9, 29, DeadlineStatus.Red)]
    public void Dispatch_MetByTheAssignment_NotByAnAcceptance(int month, int day, DeadlineStatus status)
    {
        var f = new ComplaintFixture(department: null, channel: ComplaintChannel.Hotline, month: 9, day: 24).On(month, day).Assign();

        var dispatch = f.Deadline(ComplaintDeadlineKind.Dispatch);

        Assert.Equal(new DateOnly(2026, month, day), dispatch.ResolvedOn);
        Assert.Equal(status, dispatch.StatusAt(Official, f.Now.AddDays(30)));
        Assert.Equal(ComplaintState.Assigned, f.Ticket.State);
    }

    [Theory]
    [Trait("Source", "seed 003 (第五篇 首问负责制); 民法典 第二百零一条, 第二百零三条")]
    [InlineData(9, 18, "2026-09-21")] // Friday + 3 days = Monday
    [InlineData(9, 22, "2026-09-28")] // Tuesday + 3 = Friday 9/25, 中秋: rolled past it and the weekend
    [InlineData(9, 23, "2026-09-28")] // Saturday 9/26 is a holiday: rolled to Monday
    [InlineData(9, 28, "2026-10-08")] // Thursday 10/1, 国庆: rolled past the holidays
    [InlineData(9, 16, "2026-09-20")] // Saturday 9/19: rolled to Sunday 9/20, a make-up working day
    public void Explanation_ThreeCalendarDaysFromReachingTheDepartment_LastDayRolled(int month, int day, string due)
    {
        var f = new ComplaintFixture(month: month, day: day);

        Assert.Equal(DateOnly.Parse(due), f.Deadline(ComplaintDeadlineKind.Explanation).Due);
    }

    [Fact]
    [Trait("Source", "seed 003 (第五篇 首问负责制)")]
    public void Explanation_StartsWhenTheTicketReachesTheDepartment()
    {
        var f = new ComplaintFixture(department: null, channel: ComplaintChannel.Hotline).On(9, 21).Assign();

        var explanation = f.Deadline(ComplaintDeadlineKind.Explanation);

        Assert.Equal((D(9, 21), D(9, 24)), (explanation.StartedOn, explanation.Due));
    }

    [Fact]
    [Trait("Source", "seed 003 (第五篇 首问负责制)")]
    public void Explanation_MetByExplainingWithADate()
    {
        var f = new ComplaintFixture().Accept().On(9, 21).Explain(D(10, 30));

        var explanation = f.Deadline(ComplaintDeadlineKind.Explanation);

        Assert.Equal(D(9, 21), explanation.ResolvedOn);
        Assert.Equal(DeadlineStatus.Met, explanation.StatusAt(Official, f.Now));
        Assert.True(f.Deadline(ComplaintDeadlineKind.Answer).IsOpen);
    }

    [Fact]
    [Trait("Source", "seed 003 (第五篇 首问负责制)")]
    public void Explanation_MetByAnAnswerInTime()
    {
        var f = new ComplaintFixture(category: "consultation").On(9, 21).Answer();

        Assert.Equal(D(9, 21), f.Deadline(ComplaintDeadlineKind.Explanation).ResolvedOn);
    }

    [Fact]
    [Trait("Source", "seed 003 (第五篇 首问负责制)")]
    public void Explanation_GivenLate_StaysRed()
    {
        var f = new ComplaintFixture().Accept().On(9, 22).Explain(D(10, 30));

        Assert.Equal(DeadlineStatus.Red, f.Deadline(ComplaintDeadlineKind.Explanation).StatusAt(Official, f.Now));
    }

    [Theory]
    [Trait("Source", "local 12345 rules (咨询、求助 3 个工作日; 建议 13 个工作日)")]
    [InlineData("consultation", 9, 18, "2026-09-22")] // the make-up Sunday 9/20 counts
    [InlineData("help", 9, 24, "2026-09-30")] // 中秋 skipped
    [InlineData("consultation", 9, 29, "2026-10-09")] // 国庆 skipped
    [InlineData("suggestion", 9, 18, "2026-10-13")] // 13 wd across both holidays and both make-up days
    public void Answer_HotlineCategory_WorkingDaysFromReachingTheDepartment(string category, int month, int day, string due)
    {
        var f = new ComplaintFixture(category: category, month: month, day: day);

        var answer = f.Deadline(ComplaintDeadlineKind.Answer);

        Assert.Equal(DateOnly.Parse(due), answer.Due);
        Assert.Equal(new DateOnly(2026, month, day), answer.StartedOn);
        Assert.DoesNotContain(f.Deadlines, d => d.Kind == ComplaintDeadlineKind.Acceptance);
    }

    [Theory]
    [Trait("Source", "信访工作条例 (2022) (15 日内决定是否受理)")]
    [InlineData("complaint", 9, 18, "2026-10-08")] // 15 days = 10/3, in 国庆: rolled
    [InlineData("report", 9, 1, "2026-09-16")]
    public void Acceptance_PetitionType_FifteenDaysFromReachingTheDepartment(string category, int month, int day, string due)
    {
        var f = new ComplaintFixture(category: category, month: month, day: day);

        var acceptance = f.Deadline(ComplaintDeadlineKind.Acceptance);

        Assert.Equal(DateOnly.Parse(due), acceptance.Due);
        Assert.DoesNotContain(f.Deadlines, d => d.Kind == ComplaintDeadlineKind.Answer);
    }

    [Theory]
    [Trait("Source", "信访工作条例 (2022) (60 日内办结)")]
    [InlineData(9, 21, "2026-11-20")]
    [InlineData(9, 22, "2026-11-23")] // 11/21 is a Saturday: rolled to Monday
    public void Answer_PetitionType_SixtyDaysFromAcceptance(int month, int day, string due)
    {
        var f = new ComplaintFixture().On(month, day).Accept();

        Assert.Equal(new DateOnly(2026, month, day), f.Deadline(ComplaintDeadlineKind.Acceptance).ResolvedOn);
        var answer = f.Deadline(ComplaintDeadlineKind.Answer);
        Assert.Equal((new DateOnly(2026, month, day), DateOnly.Parse(due)), (answer.StartedOn, answer.Due));
    }

    [Fact]
    [Trait("Source", "信访工作条例 (2022) (受理 then 办理)")]
    public void Answer_PetitionTypeNotAccepted_Refused()
    {
        var f = new ComplaintFixture(category: "report");

        Assert.Equal("complaint.acceptance_required", f.Fail(t => t.Answer("答复", HandlerD01, f.Context)).Code);
    }

    [Fact]
    [Trait("Source", "local 12345 rules")]
    public void Answer_HotlineCategory_AnsweredWithoutASeparateAcceptance()
    {
        var f = new ComplaintFixture(category: "consultation").Answer();

        Assert.Equal(ComplaintState.Answered, f.Ticket.State);
        Assert.Equal(D(9, 18), f.Deadline(ComplaintDeadlineKind.Answer).ResolvedOn);
    }

    [Fact]
    [Trait("Source", "信访工作条例 (2022) (延长不超过30日，告知延期理由)")]
    public void Explain_AfterTheDueDate_ExtendsOnceByAtMostThirtyDays()
    {
        var f = new ComplaintFixture().On(9, 21).Accept();
        Assert.Equal(D(11, 20), f.Deadline(ComplaintDeadlineKind.Answer).Due);

        var tooLate = f.Fail(t => t.Explain(D(12, 22), "情况复杂", HandlerD01, f.Context));
        f.Explain(D(12, 21));
        var again = f.Fail(t => t.Explain(D(12, 22), "再延", HandlerD01, f.Context));

        Assert.Equal("complaint.expected_after_limit", tooLate.Code); // 11/20 + 30 = 12/20, a Sunday: 12/21 at the latest
        var answer = f.Deadline(ComplaintDeadlineKind.Answer);
        Assert.Equal((D(12, 21), true, false), (answer.Due, answer.Extended, answer.Provisional));
        Assert.True(f.Ticket.CurrentExtension!.Extends);
        Assert.Equal("complaint.already_extended", again.Code);
    }

    [Fact]
    [Trait("Source", "local 12345 rules")]
    public void Explain_AfterTheDueDateOfAHotlineCategory_NoExtension()
    {
        var f = new ComplaintFixture(category: "consultation");

        var error = f.Fail(t => t.Explain(D(9, 23), "需要研究", HandlerD01, f.Context));
        f.Explain(D(9, 22));

        Assert.Equal("complaint.extension_not_allowed", error.Code);
        Assert.False(f.Ticket.Explanations[0].Extends);
        Assert.Equal(D(9, 22), f.Deadline(ComplaintDeadlineKind.Answer).Due);
    }

    [Fact]
    [Trait("Source", "信访工作条例 (2022)")]
    public void Explain_BeforeAcceptance_BoundedByTheLatestTheAnswerCouldBeDue()
    {
        var f = new ComplaintFixture(); // reached 9/18: accept by 10/8, answer within 60 days of that: 12/7

        var error = f.Fail(t => t.Explain(D(12, 8), "需要研究", HandlerD01, f.Context));
        f.Explain(D(12, 7));

        Assert.Equal("complaint.expected_after_limit", error.Code);
        Assert.False(f.Ticket.Explanations[0].Extends);
    }

    [Theory]
    [InlineData(9, 18, "expectedBy")]
    [InlineData(9, 17, "expectedBy")]
    public void Explain_ExpectedByNotInTheFuture_Refused(int month, int day, string field)
    {
        var f = new ComplaintFixture();

        Assert.Equal([field], f.Fail(t => t.Explain(new DateOnly(2026, month, day), "理由", HandlerD01, f.Context)).Errors!.Keys);
    }

    [Fact]
    public void Explain_NoDateNoReason_ListsBoth()
    {
        var f = new ComplaintFixture();

        Assert.Equal(["expectedBy", "reason"], f.Fail(t => t.Explain(null, null, HandlerD01, f.Context)).Errors!.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    [Trait("Source", "local 12345 rules (回访不满意 → 重办)")]
    public void Reopen_StartsANewAnswerClockFromTheReopening()
    {
        var f = new ComplaintFixture(category: "consultation").On(9, 21).Answer().On(9, 22).FollowUp(false).On(9, 24).Reopen();

        var first = f.Deadline(ComplaintDeadlineKind.Answer, 1);
        var second = f.Deadline(ComplaintDeadlineKind.Answer, 2);

        Assert.Equal((D(9, 22), D(9, 21)), (first.Due, first.ResolvedOn!.Value));
        Assert.Equal((D(9, 24), D(9, 30), (DateOnly?)null), (second.StartedOn, second.Due, second.ResolvedOn));
        Assert.Equal(("complaint-answer", "complaint-answer-2"), (first.AlertKey, second.AlertKey));
        Assert.Equal(2, f.Ticket.Round);
    }

    [Fact]
    [Trait("Source", "信访工作条例 (2022)")]
    public void Reopen_PetitionType_SixtyDaysFromTheReopeningWithItsOwnExtension()
    {
        var f = new ComplaintFixture().Accept().On(9, 21).Explain(D(11, 30)).On(9, 28).Answer().FollowUp(false).Reopen();

        var second = f.Deadline(ComplaintDeadlineKind.Answer, 2);
        f.Explain(D(12, 10));

        Assert.Equal(D(11, 27), second.Due);
        Assert.True(f.Deadline(ComplaintDeadlineKind.Answer, 2).Extended);
        Assert.True(f.Deadline(ComplaintDeadlineKind.Answer, 1).Extended);
    }

    [Theory]
    [Trait("Source", "municipal 电子监察 rules (public)")]
    [InlineData("2026-09-18T23:59:59+08:00", DeadlineStatus.Pending)]
    [InlineData("2026-09-21T00:00:00+08:00", DeadlineStatus.Yellow)] // the working day before the due date
    [InlineData("2026-09-22T23:59:59+08:00", DeadlineStatus.Yellow)]
    [InlineData("2026-09-23T00:00:00+08:00", DeadlineStatus.Red)]
    public void Answer_AlertLevels_YellowOneWorkingDayBeforeRedAfter(string now, DeadlineStatus status)
    {
        var answer = new ComplaintFixture(category: "consultation").Deadline(ComplaintDeadlineKind.Answer);

        Assert.Equal(D(9, 22), answer.Due);
        Assert.Equal(status, answer.StatusAt(Official, DateTimeOffset.Parse(now)));
        Assert.Equal(AlertRecordRules.LevelFor(status), answer.AlertLevelAt(Official, DateTimeOffset.Parse(now)));
    }

    [Fact]
    [Trait("Source", "municipal 电子监察 rules (public)")]
    public void Deadline_AlertKinds_AreComplaintKinds()
    {
        var f = new ComplaintFixture(department: null, channel: ComplaintChannel.Hotline).Assign().Accept();

        Assert.Equal(["complaint-dispatch", "complaint-acceptance", "complaint-explanation", "complaint-answer"], f.Deadlines.Select(d => d.AlertKind));
        Assert.All(f.Deadlines, d => Assert.Equal(d.Kind, ComplaintDeadline.Parse(d.Code)));
    }

    [Fact]
    [Trait("Source", "行政许可法 第八十二条; 民法典 第二百零三条 (a newly loaded schedule recomputes open deadlines)")]
    public void Moves_NewScheduleForTheYear_MovesOpenClocksOnly()
    {
        var without2026 = new WorkingCalendar(OfficialSchedules.All.Where(s => s.Year != 2026));
        var f = new ComplaintFixture(category: "consultation", month: 9, day: 29);
        f.Calendar = without2026;
        var recorded = f.Deadlines;
        Assert.Equal((D(10, 2), true), (recorded.Single(d => d.Kind == ComplaintDeadlineKind.Answer).Due, recorded.Single(d => d.Kind == ComplaintDeadlineKind.Answer).Provisional));

        var moves = ComplaintDeadlines.Moves(f.Ticket, recorded, Official, 2026);

        Assert.Equal(
            [new ComplaintDeadlineMove(ComplaintDeadlineKind.Explanation, 1, D(10, 2), D(10, 8), 2026), new ComplaintDeadlineMove(ComplaintDeadlineKind.Answer, 1, D(10, 2), D(10, 9), 2026)],
            moves);
        var moved = f.Ticket.Append(Complaint.RecordDeadlineMoved(moves[1]), ComplaintActor.System, f.Now);
        var data = Assert.IsType<ComplaintEventData.DeadlineMoved>(ComplaintChain.DataOf(moved.Events[^1]));
        Assert.Equal(("answer", 1, D(10, 2), D(10, 9), 2026), (data.Kind, data.Round, data.OldDue, data.NewDue, data.Year));
        Assert.Equal(f.Ticket.State, moved.State);
    }

    [Fact]
    [Trait("Source", "信访工作条例 (2022)")]
    public void Moves_ExtendedDate_IsFixedBecauseTheFilerWasToldIt()
    {
        var f = new ComplaintFixture().Accept().Explain(D(11, 30));
        var recorded = f.Deadlines.Select(d => d with { Due = d.Due.AddDays(-1) }).ToArray();

        var moves = ComplaintDeadlines.Moves(f.Ticket, recorded, Official, 2026);

        Assert.DoesNotContain(moves, m => m.Kind == ComplaintDeadlineKind.Answer);
    }

    [Fact]
    public void Moves_OtherYear_MovesNothing()
    {
        var f = new ComplaintFixture(category: "consultation");
        var recorded = f.Deadlines.Select(d => d with { Due = d.Due.AddDays(-1) }).ToArray();

        Assert.Empty(ComplaintDeadlines.Moves(f.Ticket, recorded, Official, 2024));
    }
}
