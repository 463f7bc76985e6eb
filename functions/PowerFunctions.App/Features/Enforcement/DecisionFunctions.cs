using System.Globalization;
using Microsoft.Azure.Functions.Worker;
using PowerFunctions.App.Auth;
using PowerFunctions.App.Hosting;
using PowerFunctions.App.Http;
using PowerFunctions.Domain.Enforcement;

namespace PowerFunctions.App.Features.Enforcement;

/// <summary>
/// What decided penalties show: <c>GET /api/enforcement/decisions</c> (public, 行政执法决定公示: the party
/// masked, paged newest first) and <c>GET /api/supervision/discretion?department=</c> (supervisor: every
/// penalty at a tier's edge or outside it, per department, with the reasons recorded).
/// </summary>
public sealed class DecisionFunctions(DecisionRegister register)
{
    public const int DefaultPageSize = 20;

    [Function("PenaltyDecisionsPublic")]
    [Public]
    public async Task<IResult> PublishedAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "enforcement/decisions")] HttpRequest request, CancellationToken cancellationToken)
    {
        var department = Department(request);
        var pageSize = DefaultPageSize;
        if (request.QueryValue("pageSize") is { } size && (!int.TryParse(size, NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) || pageSize is < 1 or > DecisionRegister.MaxPageSize))
        {
            throw Problems.BadParameter("pageSize", $"pageSize is a whole number from 1 to {DecisionRegister.MaxPageSize}");
        }

        var continuation = request.QueryValue("continuation");
        if (continuation is not null && !DecisionRegister.IsContinuation(continuation))
        {
            throw Problems.BadParameter("continuation", "continuation is the value a previous page answered");
        }

        var (items, next) = await register.PublishedAsync(department, pageSize, continuation, cancellationToken).ConfigureAwait(false);
        return HttpResult.Ok(new { items = items.Select(EnforcementViews.Publication), continuation = next });
    }

    [Function("SupervisionDiscretion")]
    [AnyRole(Roles.Supervisor)]
    public async Task<IResult> DiscretionAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "supervision/discretion")] HttpRequest request, CancellationToken cancellationToken)
    {
        var decided = await register.DecidedAsync(Department(request), cancellationToken).ConfigureAwait(false);
        var records = decided.ToDictionary(r => r.Penalty.CaseNo, StringComparer.Ordinal);
        var rows = DiscretionSupervision.ByDepartment(decided.Select(r => r.Penalty));
        return HttpResult.Ok(new
        {
            edgeShare = DiscretionRules.EdgeShare,
            departments = rows.Select(row => new
            {
                department = new { code = row.Department, name = decided.First(r => r.Penalty.Department == row.Department).DepartmentName },
                decided = row.Decided,
                atEdge = row.AtEdge,
                outsideTier = row.OutsideTier,
                flagged = row.Flagged.Select(f => EnforcementViews.Decided(records[f.CaseNo])),
            }),
        });
    }

    private static string? Department(HttpRequest request)
    {
        var department = request.QueryValue("department")?.Trim();
        if (string.IsNullOrEmpty(department))
        {
            return null;
        }

        return department.Length <= 32 && department.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')
            ? department
            : throw Problems.BadParameter("department", "department is a department code (letters, digits, - or _)");
    }
}
