using PowerFunctions.Domain.Deadlines;
using PowerFunctions.Domain.Supervision;

namespace PowerFunctions.Domain.Tests.Supervision;

[Trait("Source", AlertRecordRules.Source)]
public sealed class AlertRecordRulesTests
{
    private static readonly DateTimeOffset Raised = new(2026, 9, 28, 9, 0, 0, TimeSpan.FromHours(8));

    private static AlertRecord Record(AlertLevel level) =>
        new("2026-D01-000001", "D01", "ITEM-1", "decision", level, new DateOnly(2026, 9, 29), Raised);

    [Fact]
    public void Identity_SameCaseKindAndLevel_IsOneRecord()
    {
        Assert.Equal(
            AlertRecordRules.Identity("C1", "decision", AlertLevel.Yellow),
            AlertRecordRules.Identity("C1", "decision", AlertLevel.Yellow));
    }

    [Theory]
    [InlineData("C1", "decision", AlertLevel.Red)]
    [InlineData("C1", "delivery", AlertLevel.Yellow)]
    [InlineData("C2", "decision", AlertLevel.Yellow)]
    public void Identity_OtherCaseKindOrLevel_IsAnotherRecord(string caseNo, string kind, AlertLevel level)
    {
        Assert.NotEqual(AlertRecordRules.Identity("C1", "decision", AlertLevel.Yellow), AlertRecordRules.Identity(caseNo, kind, level));
    }

    [Theory]
    [InlineData(AlertLevel.Red, AlertLevel.Yellow, true)]
    [InlineData(AlertLevel.Yellow, AlertLevel.Red, false)]
    [InlineData(AlertLevel.Yellow, AlertLevel.Yellow, false)]
    [InlineData(AlertLevel.Red, AlertLevel.Red, false)]
    public void Supersedes_RedOverYellowOnly(AlertLevel newer, AlertLevel older, bool expected)
    {
        Assert.Equal(expected, AlertRecordRules.Supersedes(newer, older));
    }

    [Fact]
    public void StatusOf_NewRecord_IsOpen()
    {
        Assert.Equal(AlertStatus.Open, AlertRecordRules.StatusOf(Record(AlertLevel.Yellow)));
    }

    [Fact]
    public void SupersedeBy_RedOnOpenYellow_KeepsYellowAsSuperseded()
    {
        var yellow = AlertRecordRules.SupersedeBy(Record(AlertLevel.Yellow), AlertLevel.Red, Raised.AddDays(1));

        Assert.Equal(AlertStatus.Superseded, AlertRecordRules.StatusOf(yellow));
        Assert.Equal(Raised.AddDays(1), yellow.SupersededAt);
        Assert.Equal(AlertLevel.Yellow, yellow.Level);
    }

    [Fact]
    public void SupersedeBy_YellowOnRed_LeavesRedOpen()
    {
        var red = Record(AlertLevel.Red);

        Assert.Same(red, AlertRecordRules.SupersedeBy(red, AlertLevel.Yellow, Raised));
    }

    [Fact]
    public void SupersedeBy_ResolvedYellow_StaysResolved()
    {
        var resolved = AlertRecordRules.Resolve(Record(AlertLevel.Yellow), Raised.AddHours(2));

        var after = AlertRecordRules.SupersedeBy(resolved, AlertLevel.Red, Raised.AddDays(1));

        Assert.Equal(AlertStatus.Resolved, AlertRecordRules.StatusOf(after));
        Assert.Null(after.SupersededAt);
    }

    [Fact]
    public void Raise_YellowAfterRed_IsRecordedAlreadySuperseded()
    {
        var yellow = AlertRecordRules.Raise(Record(AlertLevel.Yellow), [AlertLevel.Red]);

        Assert.Equal(AlertStatus.Superseded, AlertRecordRules.StatusOf(yellow));
    }

    [Fact]
    public void Raise_RedAfterYellow_IsOpen()
    {
        var red = AlertRecordRules.Raise(Record(AlertLevel.Red), [AlertLevel.Yellow]);

        Assert.Equal(AlertStatus.Open, AlertRecordRules.StatusOf(red));
    }

    [Fact]
    public void Resolve_RedMetLate_IsKeptAsResolvedViolation()
    {
        var red = AlertRecordRules.Resolve(Record(AlertLevel.Red), Raised.AddDays(3));

        Assert.Equal(AlertStatus.Resolved, AlertRecordRules.StatusOf(red));
        Assert.Equal(AlertLevel.Red, red.Level);
    }

    [Fact]
    public void Resolve_Twice_KeepsFirstTime()
    {
        var once = AlertRecordRules.Resolve(Record(AlertLevel.Yellow), Raised.AddHours(1));

        var twice = AlertRecordRules.Resolve(once, Raised.AddHours(5));

        Assert.Equal(Raised.AddHours(1), twice.ResolvedAt);
    }

    [Theory]
    [InlineData(AlertStatus.Open, true, false, false)]
    [InlineData(AlertStatus.Superseded, false, true, false)]
    [InlineData(AlertStatus.Resolved, false, false, true)]
    public void IsListed_ByStatus_ShowsOnlyThatStatus(AlertStatus wanted, bool open, bool superseded, bool resolved)
    {
        var openRecord = Record(AlertLevel.Yellow);
        var supersededRecord = AlertRecordRules.SupersedeBy(openRecord, AlertLevel.Red, Raised);
        var resolvedRecord = AlertRecordRules.Resolve(openRecord, Raised);

        Assert.Equal(open, AlertRecordRules.IsListed(openRecord, wanted));
        Assert.Equal(superseded, AlertRecordRules.IsListed(supersededRecord, wanted));
        Assert.Equal(resolved, AlertRecordRules.IsListed(resolvedRecord, wanted));
    }

    [Fact]
    public void IsListed_AllStatuses_ShowsEveryRecord()
    {
        Assert.True(AlertRecordRules.IsListed(AlertRecordRules.Resolve(Record(AlertLevel.Red), Raised), null));
        Assert.True(AlertRecordRules.IsListed(AlertRecordRules.SupersedeBy(Record(AlertLevel.Yellow), AlertLevel.Red, Raised), null));
    }

    [Theory]
    [InlineData(DeadlineStatus.Pending, null)]
    [InlineData(DeadlineStatus.Yellow, AlertLevel.Yellow)]
    [InlineData(DeadlineStatus.Red, AlertLevel.Red)]
    [InlineData(DeadlineStatus.Met, null)]
    public void LevelFor_DeadlineStatus_RaisesYellowOrRedOnly(DeadlineStatus status, AlertLevel? expected)
    {
        Assert.Equal(expected, AlertRecordRules.LevelFor(status));
    }

    [Theory]
    [InlineData("yellow", true, AlertLevel.Yellow)]
    [InlineData("red", true, AlertLevel.Red)]
    [InlineData("Red", false, AlertLevel.Yellow)]
    [InlineData("green", false, AlertLevel.Yellow)]
    [InlineData("", false, AlertLevel.Yellow)]
    [InlineData(null, false, AlertLevel.Yellow)]
    public void TryParseLevel_Text_ParsesOnlyApiNames(string? text, bool ok, AlertLevel expected)
    {
        Assert.Equal(ok, AlertRecordRules.TryParseLevel(text, out var level));
        if (ok)
        {
            Assert.Equal(expected, level);
            Assert.Equal(text, AlertRecordRules.Name(level));
        }
    }
}
