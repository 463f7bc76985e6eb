using PowerFunctions.Domain.Supervision;
using PowerFunctions.Domain.Supervision.Alerts;

namespace PowerFunctions.Domain.Tests.Supervision.Alerts;

[Trait("Source", "municipal 电子监察 rules (public)")]
public sealed class AlertKeyTests
{
    public static TheoryData<AlertKey, string> Ids => new()
    {
        { new AlertKey(AlertSubject.Case("D01-20260918-000123"), AlertKind.Deadline("decision"), AlertLevel.Red), "case.D01-20260918-000123.decision.red" },
        { new AlertKey(AlertSubject.Case("D01-20260918-000123"), AlertKind.Stage("review"), AlertLevel.Yellow), "case.D01-20260918-000123.stage-review.yellow" },
        { new AlertKey(AlertSubject.Ticket("T-20260918-000001"), AlertKind.Complaint("answer"), AlertLevel.Yellow, 2), "ticket.T-20260918-000001.complaint-answer.2.yellow" },
        { new AlertKey(AlertSubject.Item("XK-D01-0002"), AlertKind.CatalogRevision, AlertLevel.Red), "item.XK-D01-0002.catalog-revision.red" },
        { new AlertKey(AlertSubject.Rectification("ZG-D01-20260918-001"), AlertKind.Rectification, AlertLevel.Red, 2), "rectification.ZG-D01-20260918-001.rectification.2.red" },
    };

    [Theory]
    [MemberData(nameof(Ids))]
    public void Id_IsDeterministicAndReadable_AndParsesBack(AlertKey key, string id)
    {
        Assert.Equal(id, key.Id);
        var parsed = AlertKey.Parse(id);
        Assert.True(parsed.IsSuccess);
        Assert.Equal(key, parsed.Value);
    }

    [Fact]
    public void ClockId_YellowAndRedOfOneClock_AreTheSame()
    {
        var red = new AlertKey(AlertSubject.Case("C1"), AlertKind.Deadline("decision"), AlertLevel.Red);

        Assert.Equal(red.ClockId, red.At(AlertLevel.Yellow).ClockId);
        Assert.NotEqual(red.ClockId, (red with { Occurrence = 2 }).ClockId);
        Assert.NotEqual(red.Id, red.At(AlertLevel.Yellow).Id);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("case.C1.decision")]
    [InlineData("case.C1.decision.green")]
    [InlineData("person.C1.decision.red")]
    [InlineData("case.C/1.decision.red")]
    [InlineData("case.C1.unknown.red")]
    [InlineData("case.C1.decision.1.red")]
    [InlineData("case.C1.decision.02.red")]
    [InlineData("case.C1.decision.x.red")]
    [InlineData("case.C1.decision.2.3.red")]
    public void Parse_NotAnId_FailsWithInvalidId(string? id)
    {
        var parsed = AlertKey.Parse(id);

        Assert.False(parsed.IsSuccess);
        Assert.Equal("alert.invalid_id", parsed.Error.Code);
    }

    [Fact]
    public void Subject_NotACode_Throws()
    {
        Assert.Throws<ArgumentException>(() => AlertSubject.Case("C 1"));
        Assert.Throws<ArgumentException>(() => AlertSubject.Ticket(""));
    }
}
