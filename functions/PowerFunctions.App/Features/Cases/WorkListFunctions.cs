using System.Globalization;
using Microsoft.Azure.Functions.Worker;
using PowerFunctions.App.Auth;
using PowerFunctions.App.Hosting;
using PowerFunctions.App.Http;
using PowerFunctions.Domain.Cases;

namespace PowerFunctions.App.Features.Cases;

/// <summary>
/// <c>GET /api/cases?state=&amp;item=&amp;dueBefore=DATE&amp;pageSize=&amp;continuation=</c> (API.md): the work list of
/// the window and the reviewers, newest first, from the <see cref="WorkListStore"/> index (never the cases).
/// Staff (acceptor, reviewer, decider, deliverer) see their department's cases, including the jointly
/// handled cases on which their department gives an opinion; supervisors and admins see every
/// department, or one with <c>department=</c>. <c>dueBefore</c> keeps the cases whose next deadline falls
/// before that date (strictly). Answers <c>{items:[{caseNo, itemCode, itemName, state, receivedAt,
/// nextDeadline:{kind, due, status}}], continuation}</c>; <c>continuation</c> is null on the last page.
/// </summary>
public sealed class WorkListFunctions(WorkListStore workList, CaseService cases)
{
    public const int DefaultPageSize = 50;

    public const int MaxPageSize = 200;

    /// <summary>The most index rows one request reads; a page that filters out more ends early with a continuation.</summary>
    public const int ScanLimit = 1000;

    [Function("CaseWorkList")]
    [AnyRole(Roles.Acceptor, Roles.Reviewer, Roles.Decider, Roles.Deliverer, Roles.Supervisor, Roles.Admin)]
    public async Task<IResult> ListAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "cases")] HttpRequest request, CancellationToken cancellationToken)
    {
        var caller = request.RequireCaller();
        var partition = Partition(caller, Blank(request.QueryValue("department")));
        var state = Blank(request.QueryValue("state"));
        if (state is not null && !Enum.GetValues<CaseState>().Select(CaseNames.Of).Contains(state, StringComparer.Ordinal))
        {
            throw Problems.BadParameter("state", $"state is one of: {string.Join(", ", Enum.GetValues<CaseState>().Select(CaseNames.Of))}");
        }

        var item = Blank(request.QueryValue("item"));
        if (item is { Length: > 64 })
        {
            throw Problems.BadParameter("item", "item is an item code of at most 64 characters");
        }

        DateOnly? dueBefore = null;
        if (Blank(request.QueryValue("dueBefore")) is { } text)
        {
            dueBefore = DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                ? date
                : throw Problems.BadParameter("dueBefore", "dueBefore is a date YYYY-MM-DD");
        }

        var pageSize = Paging.PageSize(request, DefaultPageSize, MaxPageSize);
        var after = Paging.Position(request, WorkListStore.IsRowKey);
        var (items, last) = await workList.ReadAsync(
            partition,
            after,
            e => (state is null || e.State == state)
                && (item is null || e.ItemCode == item)
                && (dueBefore is null || (e.Next is { } next && next.Due < dueBefore.Value)),
            pageSize,
            ScanLimit,
            cancellationToken).ConfigureAwait(false);
        var calendar = await cases.CalendarAsync(cancellationToken).ConfigureAwait(false);
        var now = cases.Clock.GetUtcNow();
        return HttpResult.Ok(new WorkListPage(items.Select(e => CaseViews.WorkListLine(e, calendar, now)).ToList(), last is null ? null : Paging.Token(last)));
    }

    /// <summary>The caller's own department's list; supervisors and admins every department's, or the one they name.</summary>
    private static string Partition(Caller caller, string? department)
    {
        if (department is not null && !CaseStore.IsCaseNo(department))
        {
            throw Problems.BadParameter("department", "department is a department code: letters, digits and dashes");
        }

        if (caller.IsInRole(Roles.Supervisor) || caller.IsInRole(Roles.Admin))
        {
            return department is null ? WorkListStore.AllPartition : WorkListStore.DepartmentPartition(department);
        }

        if (string.IsNullOrEmpty(caller.Department))
        {
            throw Problems.Forbidden("the work list needs a department in the token");
        }

        if (department is not null && !string.Equals(department, caller.Department, StringComparison.Ordinal))
        {
            throw Problems.Forbidden($"staff of '{caller.Department}' see their own department's work list, not '{department}'");
        }

        return WorkListStore.DepartmentPartition(caller.Department);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
