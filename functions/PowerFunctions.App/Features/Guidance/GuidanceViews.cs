using System.Globalization;
using PowerFunctions.Domain.Calendar;
using PowerFunctions.Domain.Guidance;

namespace PowerFunctions.App.Features.Guidance;

/// <summary>The JSON shapes of the guidance register: an entry with its follow-up clock, and the quarterly report.</summary>
public static class GuidanceViews
{
    public static object Entry(GuidanceEntry e, IWorkingCalendar calendar, DateTimeOffset now)
    {
        var due = e.FollowUpDue(calendar);
        return new
        {
            id = e.Id,
            department = e.DepartmentCode,
            target = e.Target,
            measure = e.Measure,
            content = e.Content,
            basis = e.Basis,
            givenOn = Date(e.GivenOn),
            givenBy = e.GivenBy,
            followUpWorkingDays = e.FollowUpWorkingDays,
            followUp = new
            {
                kind = GuidanceService.AlertKind,
                due = Date(due.Date),
                status = e.FollowUpStatus(calendar, now),
                provisional = due.Provisional,
                resolvedOn = e.FirstFollowUpOn is { } on ? Date(on) : null,
            },
            followUps = e.FollowUps.Select(f => new { on = Date(f.On), by = f.By, result = f.Response, note = f.Note }),
        };
    }

    public static object Report(GuidanceReport r) => new
    {
        quarter = r.Quarter,
        from = Date(r.From),
        to = Date(r.To),
        asOf = Date(r.AsOf),
        departments = r.Departments.Select(Row),
        total = Row(r.Total),
    };

    private static object Row(GuidanceReportRow row) => new
    {
        department = row.Department,
        given = row.Given,
        byMeasure = new { advice = row.Advice, prompt = row.Prompt, warning = row.Warning },
        followUpsDue = row.FollowUpsDue,
        followedUpOnTime = row.FollowedUpOnTime,
        followedUpLate = row.FollowedUpLate,
        followUpsOverdue = row.FollowUpsOverdue,
        accepted = row.Accepted,
        refused = row.Refused,
        notAnswered = row.NotAnswered,
    };

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
