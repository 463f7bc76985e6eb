using PowerFunctions.Domain.Catalog;
using PowerFunctions.Domain.Complaints;
using PowerFunctions.Domain.Tests.Cases;

namespace PowerFunctions.Domain.Tests.Complaints;

public sealed class ComplaintRoutingTests
{
    private static readonly DateTimeOffset At = new(2026, 9, 18, 9, 0, 0, TimeSpan.FromHours(8));

    [Theory]
    [Trait("Source", "seed 003 (第五篇 首问负责制)")]
    [InlineData("D03", "D02", "D01", "D03", RouteSource.Explicit)]
    [InlineData(null, "D02", "D01", "D02", RouteSource.Case)]
    [InlineData(" ", "D02", "D01", "D02", RouteSource.Case)]
    [InlineData(null, null, "D01", "D01", RouteSource.Item)]
    [InlineData(null, "", " D01 ", "D01", RouteSource.Item)]
    [InlineData(null, null, null, null, RouteSource.None)]
    public void Route_ExplicitThenCaseThenItem(string? chosen, string? caseDepartment, string? itemDepartment, string? department, RouteSource source)
    {
        Assert.Equal(new ComplaintRoute(department, source), ComplaintRouting.Route(chosen, caseDepartment, itemDepartment));
    }

    [Fact]
    [Trait("Source", "seed 003 (第五篇 首问负责制)")]
    public void Receive_RoutedByTheCase_TheCaseDepartmentOwnsIt()
    {
        var intake = ComplaintFixture.Intake(department: null) with { CaseNo = "D02-20260918-000001", ItemCode = "XK-D01-0002" };
        var route = ComplaintRouting.Route(intake.Department, "D02", "D01");

        var ticket = Complaint.Start("T-1", Complaint.Receive(intake, route, ComplaintLimits.Defaults, "QC1", At).Value, ComplaintFixture.Citizen, At);

        Assert.Equal(("D02", RouteSource.Case, "D02-20260918-000001", "XK-D01-0002"), (ticket.Owner, ticket.Route, ticket.CaseNo, ticket.ItemCode));
    }

    [Fact]
    [Trait("Source", "seed 003 (第五篇 首问负责制)")]
    public void Route_FromTheCaseTermsAndTheCatalogDepartment()
    {
        var caseTerms = CaseFixture.Item() with { DepartmentCode = "D04" };

        Assert.Equal(new ComplaintRoute("D04", RouteSource.Case), ComplaintRouting.FromCatalog(null, caseTerms, new Department("D01", "市场监督管理局")));
        Assert.Equal(new ComplaintRoute("D01", RouteSource.Item), ComplaintRouting.FromCatalog(null, null, new Department("D01", "市场监督管理局")));
    }
}
