using PowerFunctions.Domain.Complaints;
using static PowerFunctions.Domain.Tests.Complaints.ComplaintFixture;

namespace PowerFunctions.Domain.Tests.Complaints;

public sealed class ComplaintPrivacyTests
{
    private const string Source = "信访工作条例 (2022) (检举、揭发材料 not passed to those reported on); GLOSSARY";

    private static readonly ComplaintViewer SupervisorView = new(ComplaintRoles.Supervisor);
    private static readonly ComplaintViewer HotlineView = new(ComplaintRoles.Hotline);
    private static readonly ComplaintViewer OwnerView = new(ComplaintRoles.Handler, "D01", "h-1");
    private static readonly ComplaintViewer OtherDepartmentView = new(ComplaintRoles.Handler, "D02", "h-2");
    private static readonly ComplaintViewer FilerByCode = new(ComplaintRoles.Citizen, null, null, HoldsQueryCode: true);
    private static readonly ComplaintViewer FilerSignedIn = new(ComplaintRoles.Citizen, null, "c-1");
    private static readonly ComplaintViewer OtherCitizen = new(ComplaintRoles.Citizen, null, "c-9");

    public static TheoryData<string, bool, string, bool> Visibility() => new()
    {
        // category, anonymous, viewer, sees the filer
        { "report", false, "supervisor", true },
        { "report", false, "filer-code", true },
        { "report", false, "filer-signed-in", true },
        { "report", false, "owner", false },
        { "report", false, "hotline", false },
        { "report", false, "other-department", false },
        { "complaint", true, "supervisor", true },
        { "complaint", true, "hotline", true },
        { "complaint", true, "owner", false },
        { "complaint", false, "owner", true },
        { "complaint", false, "hotline", true },
        { "complaint", false, "other-department", false },
        { "complaint", false, "other-citizen", false },
        { "consultation", false, "owner", true },
    };

    [Theory]
    [Trait("Source", Source)]
    [MemberData(nameof(Visibility))]
    public void CanSeeFiler_ByCategoryAndViewer(string category, bool anonymous, string viewer, bool sees)
    {
        var f = new ComplaintFixture(category: category, anonymous: anonymous);

        Assert.Equal(sees, ComplaintPrivacy.CanSeeFiler(f.Ticket, View(viewer)));
        Assert.Equal(sees && !anonymous, ComplaintPrivacy.ContactFor(f.Ticket, View(viewer), listing: false) is not null);
    }

    [Fact]
    [Trait("Source", Source)]
    public void Report_EvenTheOwningDepartmentNeverSeesTheReporterOrTheirEvents()
    {
        var f = new ComplaintFixture(category: "report").Accept();

        Assert.Null(ComplaintPrivacy.ContactFor(f.Ticket, OwnerView, listing: true));
        Assert.Null(ComplaintPrivacy.ContactFor(f.Ticket, OwnerView, listing: false));
        Assert.Equal((ComplaintPrivacy.HiddenFiler, "诉求人"), ComplaintPrivacy.ActorFor(f.Ticket.Events[0], f.Ticket, OwnerView));
        Assert.Equal(("c-1", "张小三"), ComplaintPrivacy.ActorFor(f.Ticket.Events[0], f.Ticket, SupervisorView));
        Assert.Equal(("h-1", "郑承办"), ComplaintPrivacy.ActorFor(f.Ticket.Events[1], f.Ticket, OwnerView));
    }

    [Fact]
    [Trait("Source", "seed 002 (监督检查办法 第十三条: no personal privacy); 信访工作条例 (2022)")]
    public void ContactFor_InAList_IsMaskedEvenForSupervisors()
    {
        var f = new ComplaintFixture(category: "complaint");

        var listed = ComplaintPrivacy.ContactFor(f.Ticket, SupervisorView, listing: true)!;
        var whole = ComplaintPrivacy.ContactFor(f.Ticket, SupervisorView, listing: false)!;

        Assert.Equal(("张*三", "138****1234"), (listed.Name, listed.Phone));
        Assert.Equal(("张小三", "13800001234"), (whole.Name, whole.Phone));
    }

    [Theory]
    [Trait("Source", "seed 002 (监督检查办法 第十三条: no personal privacy)")]
    [InlineData("张小三", "张*三")]
    [InlineData("张三", "张*")]
    [InlineData("欧阳小明", "欧**明")]
    [InlineData("李", "*")]
    public void ContactMask_Name_FirstAndLastKept(string name, string masked)
    {
        Assert.Equal(masked, ContactMask.Name(name));
    }

    [Theory]
    [Trait("Source", "seed 002 (监督检查办法 第十三条: no personal privacy)")]
    [InlineData("13800000000", "138****0000")]
    [InlineData("138-0000-1234", "138****1234")]
    [InlineData("+86 138 0000 1234", "861******1234")]
    [InlineData("0371-6512345", "037****2345")]
    [InlineData("12345", "*****")]
    [InlineData("", "****")]
    public void ContactMask_Phone_FirstThreeAndLastFourKept(string phone, string masked)
    {
        Assert.Equal(masked, ContactMask.Phone(phone));
    }

    [Fact]
    public void ContactMask_Email_FirstCharacterAndDomainKept()
    {
        Assert.Equal("z***@example.cn", ContactMask.Email("zhang.san@example.cn"));
    }

    [Fact]
    [Trait("Source", Source)]
    public void ComplaintContact_ToString_NeverCarriesTheContact()
    {
        var contact = new ComplaintContact("张小三", "13800001234", "zhang@example.cn");

        var text = contact.ToString();

        Assert.DoesNotContain("小", text, StringComparison.Ordinal);
        Assert.DoesNotContain("00001234", text, StringComparison.Ordinal);
        Assert.DoesNotContain("zhang", text, StringComparison.Ordinal);
        Assert.Contains("138****1234", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("supervisor", true)]
    [InlineData("hotline", true)]
    [InlineData("owner", true)]
    [InlineData("other-department", false)]
    [InlineData("filer-code", true)]
    [InlineData("filer-signed-in", true)]
    [InlineData("other-citizen", false)]
    public void CanView_ByViewer(string viewer, bool can)
    {
        Assert.Equal(can, ComplaintPrivacy.CanView(new ComplaintFixture().Ticket, View(viewer)));
    }

    [Fact]
    public void CanView_TheTargetOfAPendingTransfer_SeesTheTicketButNotTheFiler()
    {
        var f = new ComplaintFixture().Transfer("D02");

        Assert.True(ComplaintPrivacy.CanView(f.Ticket, OtherDepartmentView));
        Assert.False(ComplaintPrivacy.CanSeeFiler(f.Ticket, OtherDepartmentView));
    }

    private static ComplaintViewer View(string name) => name switch
    {
        "supervisor" => SupervisorView,
        "hotline" => HotlineView,
        "owner" => OwnerView,
        "other-department" => OtherDepartmentView,
        "filer-code" => FilerByCode,
        "filer-signed-in" => FilerSignedIn,
        _ => OtherCitizen,
    };
}
