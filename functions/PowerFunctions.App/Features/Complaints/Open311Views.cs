using System.Globalization;
using PowerFunctions.Domain.Catalog;
using PowerFunctions.Domain.Complaints;

namespace PowerFunctions.App.Features.Complaints;

/// <summary>
/// A ticket as a GeoReport v2 service request (<see cref="Open311RequestView"/>), from the domain's mapping
/// (<see cref="Open311Mapping"/>): the service is the one filed (category at the first department), the agency the
/// department owning it now, the status <c>open</c> until closed, the notes where it stands (none for a 举报),
/// the expected date-time the date told to the filer or the answer due date; never the filer's name or contact.
/// </summary>
public static class Open311Views
{
    public static Open311RequestView Request(Complaint c, IReadOnlyList<ComplaintDeadline> deadlines, IReadOnlyDictionary<string, Department> departments)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(departments);
        var filedWith = c.FirstDepartment ?? c.Owner;
        var service = filedWith is null ? null : Open311Mapping.Service(c.Category, DepartmentOf(filedWith, departments), c.Terms.Answer);
        var agency = c.Owner is { } owner ? DepartmentOf(owner, departments).Name : null;
        var expected = Open311Mapping.ExpectedDatetime(c, deadlines);
        return new Open311RequestView(
            c.TicketNo,
            Open311Mapping.StatusOf(c.State),
            c.Category == ComplaintCategory.Report ? null : Open311Mapping.StatusNotes(c),
            service?.ServiceName ?? ComplaintNames.LabelOf(c.Category),
            service?.ServiceCode,
            Open311Mapping.PublicDescription(c),
            agency,
            service?.Description,
            Open311Mapping.W3(c.ReceivedAt),
            Open311Mapping.W3(c.Events[^1].Instant),
            expected is { } e ? Open311Mapping.W3(e) : null,
            c.Location?.Address,
            null,
            null,
            c.Location?.Lat,
            c.Location?.Long,
            null);
    }

    /// <summary>The POST answer's <c>service_notice</c>: the service's promise, as its description says it.</summary>
    public static string ServiceNotice(Open311Service service)
    {
        ArgumentNullException.ThrowIfNull(service);
        return service.Description + "。可凭 service_request_id 查询办理进度。";
    }

    /// <summary>A w3 instant (China time) for the spec's date filters, or null when the text is not one (a w3 date-time with its offset or Z).</summary>
    public static DateTimeOffset? ParseW3(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        string[] formats = ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mmK"];
        return DateTimeOffset.TryParseExact(text.Trim(), formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant)
            && (text.EndsWith('Z') || text.Contains('+', StringComparison.Ordinal) || text.LastIndexOf('-') > 10)
            ? instant
            : null;
    }

    private static Department DepartmentOf(string code, IReadOnlyDictionary<string, Department> departments) =>
        departments.TryGetValue(code, out var department) ? department : new Department(code, code);
}
