using PowerFunctions.Domain.Catalog;
using PowerFunctions.Domain.Common;
using PowerFunctions.Domain.Complaints;
using static PowerFunctions.Domain.Tests.Complaints.ComplaintFixture;

namespace PowerFunctions.Domain.Tests.Complaints;

/// <summary>Checked field by field against the published Open311 GeoReport v2 spec (wiki.open311.org/GeoReport_v2).</summary>
public sealed class Open311MappingTests
{
    private const string Spec = "Open311 GeoReport v2";

    private static readonly Department[] Departments = [new("D02", "生态环境局"), new("D01", "市场监督管理局")];

    private static bool Exists(string code) => Departments.Any(d => d.Code == code);

    [Theory]
    [Trait("Source", Spec + " (status: open = reported, closed = resolved)")]
    [InlineData(ComplaintState.Received, "open")]
    [InlineData(ComplaintState.Assigned, "open")]
    [InlineData(ComplaintState.InProgress, "open")]
    [InlineData(ComplaintState.Answered, "open")]
    [InlineData(ComplaintState.Reopened, "open")]
    [InlineData(ComplaintState.Closed, "closed")]
    public void StatusOf_OnlyClosedIsClosed(ComplaintState state, string status)
    {
        Assert.Equal(status, Open311Mapping.StatusOf(state));
    }

    [Theory]
    [Trait("Source", Spec + " (service_code)")]
    [InlineData(ComplaintCategory.Complaint, "D01", "complaint-D01")]
    [InlineData(ComplaintCategory.Suggestion, "D-07_x", "suggestion-D-07_x")]
    public void ServiceCode_RoundTrips(ComplaintCategory category, string department, string code)
    {
        Assert.Equal(code, Open311Mapping.ServiceCode(category, department));
        Assert.Equal((category, department), Open311Mapping.ParseServiceCode(code));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("complaint")]
    [InlineData("complaint-")]
    [InlineData("-D01")]
    [InlineData("pothole-D01")]
    [InlineData("Complaint-D01")]
    public void ParseServiceCode_NotACategoryAndDepartment_Null(string? code)
    {
        Assert.Null(Open311Mapping.ParseServiceCode(code));
    }

    [Fact]
    [Trait("Source", Spec + " (GET Service List: service_code, service_name, description, metadata, type, keywords, group)")]
    public void Services_EveryCategoryAtEveryDepartment_WithTheSpecFields()
    {
        var services = Open311Mapping.Services(Departments, ComplaintLimits.Defaults);

        Assert.Equal(10, services.Count);
        Assert.Equal("consultation-D01", services[0].ServiceCode);
        var complaint = services.Single(s => s.ServiceCode == "complaint-D02");
        Assert.Equal(("投诉（生态环境局）", false, "realtime", "生态环境局"), (complaint.ServiceName, complaint.Metadata, complaint.Type, complaint.Group));
        Assert.Equal("向生态环境局提出投诉，受理后 60 日内答复", complaint.Description);
        Assert.Equal("投诉, complaint, D02", complaint.Keywords);
        Assert.Equal("向市场监督管理局提出咨询，3 个工作日内答复", services[0].Description);
        Assert.All(services, s => Assert.Contains(s.Type, new[] { "realtime", "batch", "blackbox" }));
    }

    [Fact]
    [Trait("Source", Spec + " (POST Service Request, example request)")]
    public void ToIntake_TheSpecsExampleFields_BecomeATicket()
    {
        var form = new Open311Request
        {
            ServiceCode = "complaint-D01",
            Lat = "37.76524078",
            Long = "-122.4212043",
            AddressString = "1234 5th street",
            Email = "smit333@sfgov.edu",
            FirstName = "john",
            LastName = "smith",
            Phone = "111111111",
            Description = "A large sinkhole is destroying the street",
        };

        var intake = Open311Mapping.ToIntake(form, Exists).Value;

        Assert.Equal("D01", intake.Department);
        var i = intake.Intake;
        Assert.Equal((ComplaintChannel.Open311, "complaint", "D01"), (i.Channel, i.Category, i.Department));
        Assert.Equal(("john smith", "111111111", "smit333@sfgov.edu", false), (i.ContactName, i.ContactPhone, i.ContactEmail, i.Anonymous));
        Assert.Equal(new ComplaintLocation("1234 5th street", 37.76524078, -122.4212043), i.Location);
        Assert.Equal("投诉：A large sinkhole is destroying…", i.Subject); // the first 30 characters of the description
        Assert.Equal(form.Description, i.Description);
        var draft = Complaint.Receive(i, ComplaintRouting.Route(i.Department, null, null), ComplaintLimits.Defaults, "QC1", new DateTimeOffset(2026, 9, 18, 9, 0, 0, TimeSpan.FromHours(8)));
        Assert.True(draft.IsSuccess);
    }

    [Fact]
    public void ToIntake_ChineseName_FamilyNameFirst_AndNobodyNamedIsAnonymous()
    {
        var named = Open311Mapping.ToIntake(new Open311Request { ServiceCode = "help-D01", AddressString = "金水路1号", FirstName = "小三", LastName = "张", Description = "路灯不亮" }, Exists).Value.Intake;
        var nobody = Open311Mapping.ToIntake(new Open311Request { ServiceCode = "report-D01", AddressString = "金水路1号", Description = "夜间偷排污水" }, Exists).Value.Intake;

        Assert.Equal(("张小三", false), (named.ContactName, named.Anonymous));
        Assert.True(nobody.Anonymous);
        Assert.Equal("举报：夜间偷排污水", nobody.Subject);
    }

    [Fact]
    [Trait("Source", Spec + " (Errors: 400 service_code not provided)")]
    public void ToIntake_NoServiceCode_400()
    {
        var error = Open311Mapping.ToIntake(new Open311Request { AddressString = "x" }, Exists).Error!;

        Assert.Equal(400, Open311Errors.StatusOf(error));
        Assert.Equal([new Open311Error(400, "service_code: service_code was not provided")], Open311Errors.From(error));
    }

    [Theory]
    [Trait("Source", Spec + " (Errors: 404 service_code not found)")]
    [InlineData("complaint-D99")]
    [InlineData("pothole-D01")]
    public void ToIntake_UnknownServiceCode_404(string code)
    {
        var error = Open311Mapping.ToIntake(new Open311Request { ServiceCode = code, AddressString = "x" }, Exists).Error!;

        Assert.Equal((ErrorKind.NotFound, 404), (error.Kind, Open311Errors.StatusOf(error)));
        Assert.Equal([new Open311Error(404, $"service_code '{code}' was not found")], Open311Errors.From(error));
    }

    [Theory]
    [Trait("Source", Spec + " (POST Service Request: a full location parameter must be submitted)")]
    [InlineData(null, null, null, null, "address_string")]
    [InlineData(null, "34.7", null, null, "address_string")]
    [InlineData(null, null, null, "A-545483", "address_string")]
    [InlineData(null, "north", "113.6", null, "lat")]
    [InlineData(null, "34.7", "200", null, "long")]
    public void ToIntake_NoUsableLocation_400NamingTheField(string? address, string? lat, string? lon, string? addressId, string field)
    {
        var error = Open311Mapping.ToIntake(new Open311Request { ServiceCode = "help-D01", AddressString = address, Lat = lat, Long = lon, AddressId = addressId }, Exists).Error!;

        Assert.Equal(400, Open311Errors.StatusOf(error));
        Assert.Equal([field], error.Errors!.Keys);
        Assert.StartsWith(field + ":", Open311Errors.From(error)[0].Description, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Source", Spec + " (Errors: 400 for a request that cannot be fulfilled; multiple errors in one list)")]
    public void Errors_TicketValidation_OneEntryPerProblemWithFormFieldNames()
    {
        var intake = Open311Mapping.ToIntake(new Open311Request { ServiceCode = "help-D01", AddressString = "x", FirstName = "三", Phone = "call me" }, Exists).Value.Intake;
        var error = Complaint.Receive(intake, ComplaintRoute.None, ComplaintLimits.Defaults, "QC1", DateTimeOffset.UnixEpoch).Error!;

        var errors = Open311Errors.From(error);

        Assert.Equal(400, Open311Errors.StatusOf(error));
        Assert.All(errors, e => Assert.Equal(400, e.Code));
        Assert.Equal(["description", "phone"], errors.Select(e => e.Description.Split(':')[0]).Order(StringComparer.Ordinal));
    }

    [Fact]
    [Trait("Source", Spec + " (Errors: 403 - Missing or Invalid API Key)")]
    public void Errors_ApiKey_403WithTheSpecsText()
    {
        var error = Open311Errors.ApiKey();

        Assert.Equal(403, Open311Errors.StatusOf(error));
        Assert.Equal([new Open311Error(403, "Invalid api_key received -- can't proceed with create_request.")], Open311Errors.From(error));
    }

    [Fact]
    [Trait("Source", Spec + " (Errors: 404 for resources that don't exist)")]
    public void Errors_RequestNotFound_404()
    {
        Assert.Equal(404, Open311Errors.StatusOf(Open311Errors.RequestNotFound("T-9")));
    }

    [Fact]
    [Trait("Source", Spec + " (Date/time format: w3, with offset)")]
    public void W3_ChinaTimeWithOffset()
    {
        Assert.Equal("2026-09-18T09:30:00+08:00", Open311Mapping.W3(DateTimeOffset.Parse("2026-09-18T01:30:00Z")));
    }

    [Fact]
    [Trait("Source", Spec + " (expected_datetime, status_notes)")]
    public void ExpectedDatetimeAndNotes_FollowTheTicket()
    {
        var f = new ComplaintFixture(category: "consultation");
        Assert.Equal(DateTimeOffset.Parse("2026-09-22T23:59:59+08:00"), Open311Mapping.ExpectedDatetime(f.Ticket, f.Deadlines));
        Assert.Equal("已派至承办部门，待签收", Open311Mapping.StatusNotes(f.Ticket));

        f.Explain(D(9, 21));
        Assert.Equal(DateTimeOffset.Parse("2026-09-21T23:59:59+08:00"), Open311Mapping.ExpectedDatetime(f.Ticket, f.Deadlines));
        Assert.Equal("已派至承办部门，待签收：需要调取监控并约谈窗口人员（预计 2026-09-21 前答复）", Open311Mapping.StatusNotes(f.Ticket));

        f.Answer();
        Assert.Null(Open311Mapping.ExpectedDatetime(f.Ticket, f.Deadlines));
        Assert.Equal("已答复：经核查，窗口人员已批评教育，材料已当场受理。", Open311Mapping.StatusNotes(f.Ticket));
        Assert.Equal("open", Open311Mapping.StatusOf(f.Ticket.State));
    }

    [Fact]
    [Trait("Source", "信访工作条例 (2022)")]
    public void PublicViews_OfAReport_CarryNeitherDescriptionNorNotes()
    {
        var f = new ComplaintFixture(category: "report").Accept().Answer();

        Assert.Null(Open311Mapping.PublicDescription(f.Ticket));
        Assert.Equal("已答复", Open311Mapping.StatusNotes(f.Ticket));
        Assert.NotNull(Open311Mapping.PublicDescription(new ComplaintFixture(category: "complaint").Ticket));
    }

    [Fact]
    public void ExpectedDatetime_PetitionNotYetAccepted_None()
    {
        var f = new ComplaintFixture();

        Assert.Null(Open311Mapping.ExpectedDatetime(f.Ticket, f.Deadlines));
    }
}
