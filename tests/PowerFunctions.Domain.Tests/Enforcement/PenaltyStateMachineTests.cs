using PowerFunctions.Domain.Enforcement;

namespace PowerFunctions.Domain.Tests.Enforcement;

public sealed class PenaltyStateMachineTests
{
    [Theory]
    [InlineData(PenaltyState.Opened, "investigate")]
    [InlineData(PenaltyState.Investigating, "investigate,notify,legal-review,collective-decision,decide")]
    [InlineData(PenaltyState.Notified, "investigate,notify,statement,request-hearing,legal-review,collective-decision,decide")]
    [InlineData(PenaltyState.HearingRequested, "statement,schedule-hearing")]
    [InlineData(PenaltyState.HearingScheduled, "statement,schedule-hearing,hold-hearing")]
    [InlineData(PenaltyState.HearingHeld, "notify,legal-review,collective-decision,decide")]
    [InlineData(PenaltyState.Decided, "deliver,publish")]
    [InlineData(PenaltyState.Delivered, "publish,record-payment")]
    [InlineData(PenaltyState.Closed, "publish")]
    public void Table_EachStateAllowsExactly(PenaltyState state, string allowed) =>
        Assert.Equal(allowed.Split(','), PenaltyStateMachine.AllowedCommandsIn(state));

    [Fact]
    [Trait("Source", "行政处罚法 第四十二条, 第五十五条; 国办发〔2018〕118号")]
    public void Certificates_AreRequiredForTheOfficersActs() =>
        Assert.Equal(
            [PenaltyAction.Investigate, PenaltyAction.Notify, PenaltyAction.Statement, PenaltyAction.RequestHearing, PenaltyAction.ScheduleHearing, PenaltyAction.HoldHearing, PenaltyAction.Deliver],
            Enum.GetValues<PenaltyAction>().Where(PenaltyStateMachine.RequiresCertificate));

    [Fact]
    public void Names_RoundTrip()
    {
        Assert.All(Enum.GetValues<PenaltyAction>(), a => Assert.Equal(a, PenaltyNames.ParseAction(PenaltyNames.Of(a))));
        Assert.All(Enum.GetValues<PenaltyState>(), s => Assert.Equal(s, PenaltyNames.ParseState(PenaltyNames.Of(s))));
        Assert.All(Enum.GetValues<PenaltyDeadlineKind>(), k => Assert.Equal(k, PenaltyDeadline.Parse(PenaltyDeadline.CodeOf(k))));
        Assert.Null(PenaltyNames.ParseAction("open"));
    }

    [Fact]
    public void InvalidTransition_ListsWhatIsAllowed()
    {
        var f = new PenaltyFixture();

        var error = f.Case.Decide(PenaltyFixture.Penalise(30000), f.Context).Error!;

        Assert.Equal(EnforcementErrors.InvalidTransition, error.Code);
        Assert.Equal(new[] { "investigate" }, error.Extensions!["allowed"]);
    }
}
