using System.Globalization;
using Microsoft.Azure.Functions.Worker;
using PowerFunctions.App.Auth;
using PowerFunctions.App.Features.Supervision.Alerts;
using PowerFunctions.App.Features.Supervision.Rectifications;
using PowerFunctions.App.Hosting;
using PowerFunctions.App.Http;
using PowerFunctions.Domain.Common;
using PowerFunctions.Domain.Supervision.Accountability;

namespace PowerFunctions.App.Features.Supervision.Accountability;

/// <summary>
/// 责任追究 (seed 002, seed 004): <c>POST /api/supervision/accountability</c> (supervisor) <c>{department, subject?:{name,
/// post?}, measure, reason, basis?, rectificationId?, alertId?}</c> → 201 the record; with <c>corrects</c> and
/// <c>correctionReason</c> it records a correction of an earlier record (fields left out are the earlier record's).
/// <c>GET /api/supervision/accountability?department=&amp;year=</c> (supervisors; a department's staff, their own)
/// lists the records of a department decided in a year, each chain in order. Nothing is ever changed or deleted.
/// </summary>
public sealed class AccountabilityFunctions(
    AccountabilityStore store,
    RectificationService rectifications,
    AlertStore alerts,
    SupervisionRegistry registry,
    TimeProvider clock)
{
    [Function("SupervisionAccountabilityRecord")]
    [AnyRole(Roles.Supervisor)]
    public async Task<IResult> RecordAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "supervision/accountability")] HttpRequest request, CancellationToken cancellationToken)
    {
        var actor = SupervisionActors.Supervisor(request.RequireCaller());
        var body = request.ReadJson<RecordBody>();
        var now = clock.GetUtcNow();
        var asked = new AccountabilityRequest
        {
            Department = body.Department,
            Subject = body.Subject,
            Measure = body.Measure,
            Reason = body.Reason,
            Basis = body.Basis,
            RectificationId = body.RectificationId,
            AlertId = body.AlertId,
        };

        AccountabilityRecord? corrected = null;
        IReadOnlyList<AccountabilityRecord> existing = [];
        if (body.Corrects is { } correctsId)
        {
            corrected = await store.FindAsync(correctsId, cancellationToken).ConfigureAwait(false)
                ?? throw Problems.BadParameter("corrects", $"no accountability record '{correctsId}'");
            existing = await store.ListAsync(corrected.Department, cancellationToken).ConfigureAwait(false);
        }

        // Every problem before a number is taken.
        var probe = corrected is null
            ? AccountabilityRules.Decide("ZJ-PROBE", asked, actor, now)
            : AccountabilityRules.Correct("ZJ-PROBE", corrected, asked, body.CorrectionReason, existing, actor, now);
        var checkedRecord = probe.OrThrow();
        await CheckLinksAsync(checkedRecord, cancellationToken).ConfigureAwait(false);

        var today = ChinaTime.DateOf(now);
        var sequence = await registry.NextAsync(SupervisionRegistry.Sequence("ZJ", checkedRecord.Department, today), cancellationToken).ConfigureAwait(false);
        var id = string.Create(CultureInfo.InvariantCulture, $"ZJ-{checkedRecord.Department}-{today:yyyyMMdd}-{sequence:000}");
        var record = checkedRecord with { Id = id };
        await registry.NoteDepartmentAsync(record.Department, cancellationToken).ConfigureAwait(false);
        await store.AddAsync(record, cancellationToken).ConfigureAwait(false);
        return HttpResult.Created(AccountabilityView.Of(record), $"/api/supervision/accountability?department={record.Department}&year={record.Year}");
    }

    [Function("SupervisionAccountabilityList")]
    [SignedIn]
    public async Task<IResult> ListAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "supervision/accountability")] HttpRequest request, CancellationToken cancellationToken)
    {
        var caller = request.RequireCaller();
        var department = SupervisionActors.Department(request.QueryValue("department"));
        if (!caller.IsInRole(Roles.Supervisor))
        {
            var own = SupervisionActors.Staff(caller).Department!;
            if (department is not null && department != own)
            {
                throw Problems.Forbidden($"staff of '{own}' may not list another department's accountability records");
            }

            department = own;
        }

        if (department is null)
        {
            throw Problems.BadParameter("department", "department is required");
        }

        var yearText = request.QueryValue("year");
        var year = ChinaTime.DateOf(clock.GetUtcNow()).Year;
        if (yearText is not null && (!int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out year) || year is < 2000 or > 2099))
        {
            throw Problems.BadParameter("year", $"year '{yearText}' is not a year (2000–2099)");
        }

        var records = await store.ListAsync(department, cancellationToken).ConfigureAwait(false);
        var views = new List<AccountabilityView>();
        foreach (var chain in AccountabilityLedger.For(records, department, year))
        {
            for (var i = 0; i < chain.Records.Count; i++)
            {
                views.Add(AccountabilityView.Of(chain.Records[i], i + 1 < chain.Records.Count ? chain.Records[i + 1].Id : null));
            }
        }

        return HttpResult.Ok(views);
    }

    /// <summary>The rectification or alert named must exist and concern the same department (400 otherwise).</summary>
    private async Task CheckLinksAsync(AccountabilityRecord record, CancellationToken cancellationToken)
    {
        if (record.RectificationId is { } rectificationId)
        {
            var r = await rectifications.LoadAsync(rectificationId, cancellationToken).ConfigureAwait(false)
                ?? throw Problems.BadParameter("rectificationId", $"no rectification '{rectificationId}'");
            if (r.Department != record.Department)
            {
                throw Problems.BadParameter("rectificationId", $"rectification {rectificationId} concerns {r.Department}, not {record.Department}");
            }
        }

        if (record.AlertId is { } alertId)
        {
            var a = await alerts.FindAsync(alertId, cancellationToken).ConfigureAwait(false)
                ?? throw Problems.BadParameter("alertId", $"no alert '{alertId}'");
            if (a.Alert.Department != record.Department)
            {
                throw Problems.BadParameter("alertId", $"alert {alertId} concerns {a.Alert.Department}, not {record.Department}");
            }
        }
    }

    private sealed record RecordBody(
        string? Department,
        AccountabilityPerson? Subject,
        string? Measure,
        string? Reason,
        string? Basis,
        string? RectificationId,
        string? AlertId,
        string? Corrects,
        string? CorrectionReason);
}
