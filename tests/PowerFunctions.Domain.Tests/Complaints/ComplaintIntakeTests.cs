using PowerFunctions.Domain.Common;
using PowerFunctions.Domain.Complaints;

namespace PowerFunctions.Domain.Tests.Complaints;

public sealed class ComplaintIntakeTests
{
    private static readonly DateTimeOffset Now = new(2026, 9, 18, 23, 30, 0, TimeSpan.FromHours(8));

    private static Result<ComplaintEventDraft> Receive(ComplaintIntake intake, ComplaintRoute? route = null) =>
        Complaint.Receive(intake, route ?? ComplaintRouting.Route(intake.Department, null, null), ComplaintLimits.Defaults, "QC1", Now);

    [Theory]
    [InlineData("consultation", ComplaintCategory.Consultation)]
    [InlineData("help", ComplaintCategory.Help)]
    [InlineData("complaint", ComplaintCategory.Complaint)]
    [InlineData("report", ComplaintCategory.Report)]
    [InlineData("suggestion", ComplaintCategory.Suggestion)]
    public void Receive_EachCategory_FreezesItsTerms(string category, ComplaintCategory expected)
    {
        var draft = Receive(ComplaintFixture.Intake(category));

        var received = Assert.IsType<ComplaintEventData.Received>(draft.Value.Data);
        Assert.Equal(expected, received.Category);
        Assert.Equal(ComplaintLimits.Defaults.TermsFor(expected), received.Terms);
        Assert.Equal(new DateOnly(2026, 9, 18), received.ReceivedOn);
    }

    [Fact]
    public void Receive_WithDepartment_StartsAssignedToIt()
    {
        var f = new ComplaintFixture(department: "D01");

        Assert.Equal(ComplaintState.Assigned, f.Ticket.State);
        Assert.Equal("D01", f.Ticket.Owner);
        Assert.Equal("D01", f.Ticket.FirstDepartment);
        Assert.Equal(RouteSource.Explicit, f.Ticket.Route);
        Assert.Equal(ComplaintFixture.D(9, 18), f.Ticket.ReachedOn);
    }

    [Fact]
    public void Receive_WithoutDepartment_WaitsForDispatch()
    {
        var f = new ComplaintFixture(department: null, channel: ComplaintChannel.Hotline);

        Assert.Equal(ComplaintState.Received, f.Ticket.State);
        Assert.Null(f.Ticket.Owner);
        Assert.Equal(["assign"], f.Ticket.AllowedCommands);
        Assert.Equal("HL-2026-0001", f.Ticket.HotlineTicketId);
    }

    [Fact]
    public void Receive_EverythingMissing_ListsEveryProblemAtOnce()
    {
        var error = Receive(new ComplaintIntake { Channel = ComplaintChannel.Hotline }).Error!;

        Assert.Equal(ErrorKind.Validation, error.Kind);
        Assert.Equal(ComplaintErrors.ValidationFailed, error.Code);
        Assert.Equal(["category", "contact.name", "contact.phone", "description", "hotlineTicketId", "subject"], error.Errors!.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("category", "complain")]
    [InlineData("category", "Complaint")]
    [InlineData("subject", "   ")]
    [InlineData("contact.phone", "call me")]
    [InlineData("contact.phone", "12")]
    [InlineData("contact.email", "not-an-email")]
    [InlineData("department", "D/01")]
    [InlineData("itemCode", "XK 001")]
    [InlineData("caseNo", "")]
    public void Receive_BadField_NamesIt(string field, string value)
    {
        var intake = ComplaintFixture.Intake() with { Department = null };
        intake = field switch
        {
            "category" => intake with { Category = value },
            "subject" => intake with { Subject = value },
            "contact.phone" => intake with { ContactPhone = value },
            "contact.email" => intake with { ContactEmail = value },
            "department" => intake with { Department = value },
            "itemCode" => intake with { ItemCode = value },
            _ => intake with { CaseNo = value },
        };

        var error = Receive(intake, ComplaintRoute.None).Error!;

        Assert.Equal([field], error.Errors!.Keys);
    }

    [Theory]
    [Trait("Source", "Open311 GeoReport v2 (description limited to 4,000 characters)")]
    [InlineData(4000, true)]
    [InlineData(4001, false)]
    public void Receive_DescriptionLength_AtMostTheOpen311Limit(int length, bool accepted)
    {
        var draft = Receive(ComplaintFixture.Intake() with { Description = new string('述', length) });

        Assert.Equal(accepted, draft.IsSuccess);
    }

    [Fact]
    public void Receive_HotlineWithoutItsTicketId_Refused()
    {
        var error = Receive(ComplaintFixture.Intake(channel: ComplaintChannel.Hotline) with { HotlineTicketId = null }).Error!;

        Assert.Equal(["hotlineTicketId"], error.Errors!.Keys);
    }

    [Fact]
    public void Receive_HotlineTicketIdFromAnotherChannel_Refused()
    {
        var error = Receive(ComplaintFixture.Intake() with { HotlineTicketId = "HL-1" }).Error!;

        Assert.Equal(["hotlineTicketId"], error.Errors!.Keys);
    }

    [Fact]
    public void Receive_Anonymous_NeedsNoNameOrContact()
    {
        var draft = Receive(ComplaintFixture.Intake(anonymous: true));

        var received = Assert.IsType<ComplaintEventData.Received>(draft.Value.Data);
        Assert.True(received.Anonymous);
        Assert.Null(received.Contact);
    }

    [Fact]
    public void Receive_EmailInsteadOfPhone_IsAWayToReachTheFiler()
    {
        var draft = Receive(ComplaintFixture.Intake() with { ContactPhone = null, ContactEmail = "zhang@example.cn" });

        Assert.True(draft.IsSuccess);
    }

    [Theory]
    [InlineData(31.0, null)]
    [InlineData(91.0, 113.6)]
    [InlineData(34.7, 181.0)]
    [InlineData(double.NaN, 113.6)]
    public void Receive_BadCoordinates_Refused(double? lat, double? lon)
    {
        var error = Receive(ComplaintFixture.Intake() with { Location = new ComplaintLocation(null, lat, lon) }).Error!;

        Assert.Equal(["location"], error.Errors!.Keys);
    }

    [Fact]
    public void Receive_TrimsText_AndKeepsTheFilerSubject()
    {
        var draft = Receive(ComplaintFixture.Intake() with { Subject = "  主题  ", ContactName = " 张小三 " });

        var received = Assert.IsType<ComplaintEventData.Received>(draft.Value.Data);
        Assert.Equal("主题", received.Subject);
        Assert.Equal("张小三", received.Contact!.Name);
        Assert.Equal(ComplaintFixture.Citizen.Subject, received.FilerSubject);
    }
}
