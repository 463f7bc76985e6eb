using System.Globalization;
using PowerFunctions.Domain.Catalog;
using PowerFunctions.Domain.Common;

namespace PowerFunctions.Domain.Complaints;

/// <summary>
/// Tickets as Open311 GeoReport v2 sees them, so 311 clients file and follow tickets unchanged:
/// <list type="bullet">
/// <item>services are the categories × departments: <c>service_code</c> <c>{category}-{department}</c>
/// (e.g. <c>complaint-D01</c>; the category has no hyphen, the department code may);</item>
/// <item><c>status</c> is <c>open</c> ("it has been reported") until the ticket is closed, then <c>closed</c>
/// ("it has been resolved"): an answered ticket may still be reopened after its follow-up, so it is open;</item>
/// <item><c>status_notes</c> says where it stands in Chinese; <c>expected_datetime</c> is the date told to the
/// filer (an explanation's) or the open answer due date, at the end of that day in China;</item>
/// <item>date-times are w3 (ISO 8601 with offset), in China time;</item>
/// <item>a report (举报) shows neither description nor notes in these public views; no view carries the
/// filer's name or contact (the spec's request view has no such fields).</item>
/// </list>
/// Source: Open311 GeoReport v2 (GET Service List, POST Service Request, GET Service Requests).
/// </summary>
public static class Open311Mapping
{
    /// <summary><c>realtime</c>: the service_request_id is returned at once. Source: Open311 GeoReport v2 "GET Service List".</summary>
    public const string ServiceType = "realtime";

    /// <summary>The spec's two statuses.</summary>
    public const string Open = "open";

    public const string Closed = "closed";

    private const int SubjectPreviewLength = 30;

    /// <summary>open for every state but closed. Source: Open311 GeoReport v2 "GET Service Requests" (status open: reported; closed: resolved).</summary>
    public static string StatusOf(ComplaintState state) => state == ComplaintState.Closed ? Closed : Open;

    /// <summary>The service code of <paramref name="category"/> at <paramref name="department"/>: <c>{category}-{department}</c>.</summary>
    public static string ServiceCode(ComplaintCategory category, string department)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(department);
        return $"{ComplaintNames.Of(category)}-{department}";
    }

    /// <summary>The category and department a service code names, or null when it names none.</summary>
    public static (ComplaintCategory Category, string Department)? ParseServiceCode(string? code)
    {
        var dash = code?.IndexOf('-', StringComparison.Ordinal) ?? -1;
        if (code is null || dash <= 0 || dash == code.Length - 1)
        {
            return null;
        }

        return ComplaintNames.ParseCategory(code[..dash]) is { } category ? (category, code[(dash + 1)..]) : null;
    }

    /// <summary>The service list: every category at every department, department by department. Source: Open311 GeoReport v2 "GET Service List".</summary>
    public static IReadOnlyList<Open311Service> Services(IEnumerable<Department> departments, ComplaintLimits limits)
    {
        ArgumentNullException.ThrowIfNull(departments);
        ArgumentNullException.ThrowIfNull(limits);
        return [.. departments.OrderBy(d => d.Code, StringComparer.Ordinal).SelectMany(d => Enum.GetValues<ComplaintCategory>().Select(c => Service(c, d, limits.For(c))))];
    }

    /// <summary>One service (<c>GET services/{service_code}</c> answers the same fields).</summary>
    public static Open311Service Service(ComplaintCategory category, Department department, AnswerLimit limit)
    {
        ArgumentNullException.ThrowIfNull(department);
        ArgumentNullException.ThrowIfNull(limit);
        var label = ComplaintNames.LabelOf(category);
        var unit = limit.Unit == Calendar.PeriodUnit.Working ? "个工作日" : "日";
        var within = limit.Petition ? $"受理后 {limit.Days} {unit}内答复" : $"{limit.Days} {unit}内答复";
        return new Open311Service(
            ServiceCode(category, department.Code),
            $"{label}（{department.Name}）",
            $"向{department.Name}提出{label}，{within}",
            false,
            ServiceType,
            $"{label}, {ComplaintNames.Of(category)}, {department.Code}",
            department.Name);
    }

    /// <summary>
    /// A <c>POST requests</c> form as a ticket: the service code names the category and the department
    /// (<paramref name="departmentExists"/> decides whether that department is in the catalog), a location is
    /// <c>address_string</c> or <c>lat</c> and <c>long</c> (WGS84), the name is family name first
    /// (<c>last_name</c><c>first_name</c>, 张 + 三 → 张三; with a space for Latin names), and a form that names
    /// nobody and leaves no phone or e-mail is anonymous. The subject is the category and the start of the
    /// description. Source: Open311 GeoReport v2 "POST Service Request".
    /// </summary>
    public static Result<Open311Intake> ToIntake(Open311Request form, Func<string, bool> departmentExists)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(departmentExists);
        if (string.IsNullOrWhiteSpace(form.ServiceCode))
        {
            return Open311Errors.ServiceCodeMissing();
        }

        var code = form.ServiceCode.Trim();
        if (ParseServiceCode(code) is not { } service || !departmentExists(service.Department))
        {
            return Open311Errors.ServiceNotFound(code);
        }

        var errors = new Dictionary<string, string[]>();
        double? lat = Coordinate(form.Lat, "lat", errors);
        double? lon = Coordinate(form.Long, "long", errors);
        var address = string.IsNullOrWhiteSpace(form.AddressString) ? null : form.AddressString.Trim();
        if (address is null && (lat is null || lon is null) && !errors.ContainsKey("lat") && !errors.ContainsKey("long"))
        {
            errors["address_string"] = [string.IsNullOrWhiteSpace(form.AddressId)
                ? "a location is required: address_string, or lat and long"
                : "address_id is not served here: send address_string, or lat and long"];
        }

        if (errors.Count > 0)
        {
            return DomainError.Validation(Open311Errors.LocationMissingCode, "缺少或无效的位置", string.Join("; ", errors.SelectMany(e => e.Value.Select(v => $"{e.Key}: {v}"))), errors);
        }

        var name = Name(form.FirstName, form.LastName);
        var phone = Blank(form.Phone);
        var email = Blank(form.Email);
        var description = Blank(form.Description);
        var label = ComplaintNames.LabelOf(service.Category);
        var intake = new ComplaintIntake
        {
            Channel = ComplaintChannel.Open311,
            Category = ComplaintNames.Of(service.Category),
            Subject = description is null ? label : $"{label}：{Preview(description)}",
            Description = description,
            Department = service.Department,
            ContactName = name,
            ContactPhone = phone,
            ContactEmail = email,
            Anonymous = name is null && phone is null && email is null,
            Location = new ComplaintLocation(address, lat, lon),
        };
        return new Open311Intake(intake, service.Department);
    }

    /// <summary>Where the ticket stands, in Chinese: the state, the answer's start once answered, the explanation while waiting; the state only for a report.</summary>
    public static string StatusNotes(Complaint complaint)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        var label = ComplaintNames.LabelOf(complaint.State);
        if (complaint.Category == ComplaintCategory.Report)
        {
            return label;
        }

        var answer = complaint.Answers.LastOrDefault();
        if (complaint.State is ComplaintState.Answered or ComplaintState.Closed && answer is not null)
        {
            return $"{label}：{TicketStatusMessages.Summary(answer.Answer)}";
        }

        var explained = complaint.Explanations.LastOrDefault(e => e.Round == complaint.Round);
        return explained is null ? label : $"{label}：{explained.Reason}（预计 {explained.ExpectedBy.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} 前答复）";
    }

    /// <summary>The description shown in public views: none for a report (举报). Source: 信访工作条例 (2022).</summary>
    public static string? PublicDescription(Complaint complaint)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        return complaint.Category == ComplaintCategory.Report ? null : complaint.Description;
    }

    /// <summary>
    /// The end (23:59:59 China) of the date the filer can expect the answer: the current round's latest
    /// explanation date, else its open answer due date; null once answered or closed, or before an answer
    /// clock runs.
    /// </summary>
    public static DateTimeOffset? ExpectedDatetime(Complaint complaint, IReadOnlyList<ComplaintDeadline> deadlines)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        ArgumentNullException.ThrowIfNull(deadlines);
        if (complaint.State is ComplaintState.Answered or ComplaintState.Closed)
        {
            return null;
        }

        DateOnly? date = complaint.Explanations.LastOrDefault(e => e.Round == complaint.Round)?.ExpectedBy
            ?? deadlines.LastOrDefault(d => d.Kind == ComplaintDeadlineKind.Answer && d.Round == complaint.Round && d.IsOpen)?.Due;
        return date is { } d ? ChinaTime.EndOf(d).AddSeconds(-1) : null;
    }

    /// <summary>A w3 date-time (ISO 8601, seconds, with offset) in China time: 2026-09-18T09:30:00+08:00. Source: Open311 GeoReport v2 "Date/time format".</summary>
    public static string W3(DateTimeOffset instant) =>
        ChinaTime.InChina(instant).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static double? Coordinate(string? text, string field, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            && (field == "lat" ? value is >= -90 and <= 90 : value is >= -180 and <= 180))
        {
            return value;
        }

        errors[field] = [$"{field} must be a WGS84 {(field == "lat" ? "latitude (-90..90)" : "longitude (-180..180)")}"];
        return null;
    }

    private static string? Name(string? first, string? last)
    {
        var given = Blank(first);
        var family = Blank(last);
        if (given is null || family is null)
        {
            return family ?? given;
        }

        return IsCjk(family) || IsCjk(given) ? family + given : $"{given} {family}";
    }

    private static bool IsCjk(string text) => text.Any(ch => ch is >= '\u3400' and <= '\u9FFF');

    private static string Preview(string description)
    {
        var line = description.Split('\n', 2)[0].Trim();
        return line.Length <= SubjectPreviewLength ? line : line[..SubjectPreviewLength] + "…";
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
