using Microsoft.Azure.Functions.Worker;
using PowerFunctions.App.Auth;
using PowerFunctions.App.Features.Cases;
using PowerFunctions.App.Hosting;
using PowerFunctions.App.Http;
using PowerFunctions.App.PersonalData;
using PowerFunctions.Domain.Supervision.CaseFiles;
using PowerFunctions.Domain.Supervision.Reports;

namespace PowerFunctions.App.Features.Supervision.CaseFiles;

/// <summary>
/// The case file routes (行权案卷, API.md "Supervision centre"): <c>GET /api/cases/{caseNo}/file</c> → the case's zip,
/// for the department's staff and supervisors (as the case view), its reading recorded as a disclosure of personal data;
/// <c>GET /api/supervision/case-files?quarter=&amp;department=</c> (supervisor) → the quarterly archives' listings;
/// <c>GET /api/supervision/case-files/{department}/{quarter}</c> (supervisor) → one archive's zip, opened (it is stored
/// sealed), its reading recorded as a disclosure; and
/// the timer <c>SupervisionCaseFileArchive</c> (daily, 00:30 China time) writing the last closed quarter's archives once.
/// </summary>
public sealed class CaseFileFunctions(CaseService cases, CaseFileService files, CaseFileArchiveService archives, PersonalDataAudit audit, ILogger<CaseFileFunctions> logger)
{
    /// <summary>00:30 China time (16:30 UTC), after the period reports and the monthly spot check.</summary>
    public const string DailyAfterMidnightInChina = "0 30 16 * * *";

    [Function("CaseFile")]
    [AnyRole(Roles.Acceptor, Roles.Reviewer, Roles.Decider, Roles.Deliverer, Roles.Supervisor)]
    public async Task<IResult> GetAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "cases/{caseNo}/file")] HttpRequest request, string caseNo, CancellationToken cancellationToken)
    {
        var caller = request.RequireCaller();
        var loaded = await cases.LoadRequiredAsync(caseNo, cancellationToken).ConfigureAwait(false);
        caller.RequireDepartment(loaded.Case.Terms.DepartmentCode, allowOversight: true);
        var file = await files.BuildAsync(loaded.Case, cancellationToken).ConfigureAwait(false);
        await audit.RecordAsync(caller, "case", loaded.Case.CaseNo, [.. CaseFunctions.PersonalFieldsShown(loaded.Case), "events.data"], $"{request.Method} {request.Path}", cancellationToken).ConfigureAwait(false);
        return HttpResult.Bytes(file.Content, "application/zip")
            .WithHeader("Content-Disposition", $"attachment; filename=\"{loaded.Case.CaseNo}.zip\"");
    }

    [Function("SupervisionCaseFiles")]
    [AnyRole(Roles.Supervisor)]
    public async Task<IResult> ListAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "supervision/case-files")] HttpRequest request, CancellationToken cancellationToken)
    {
        var text = request.QueryValue("quarter");
        var quarter = text is null ? CaseFileArchiveService.PreviousQuarter(cases.Clock.GetUtcNow()) : ParseQuarter(text);

        var department = SupervisionActors.Department(request.QueryValue("department"));

        var listings = await archives.ListAsync(quarter, department, cancellationToken).ConfigureAwait(false);
        return HttpResult.Ok(listings.Select(l => new
        {
            department = l.Department,
            quarter = l.Quarter,
            blobName = l.BlobName,
            createdAt = l.CreatedAt,
            totalBytes = l.TotalBytes,
            cases = l.Cases.Select(c => new { caseNo = c.CaseNo, closedOn = c.ClosedOn, fileName = c.FileName, sha256 = c.Sha256, size = c.Size }),
        }));
    }

    /// <summary>One quarterly archive, for inspectors: the zip as written (stored sealed, served opened), 404 before it exists.</summary>
    [Function("SupervisionCaseFileArchiveGet")]
    [AnyRole(Roles.Supervisor)]
    public async Task<IResult> GetArchiveAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "supervision/case-files/{department}/{quarter}")] HttpRequest request, string department, string quarter, CancellationToken cancellationToken)
    {
        var caller = request.RequireCaller();
        var code = SupervisionActors.Department(department)!;
        var period = ParseQuarter(quarter);
        var blobName = CaseFileArchives.BlobName(code, period);
        byte[]? zip;
        try
        {
            zip = await archives.ReadArchiveAsync(blobName, cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidDataException)
        {
            throw new ProblemException(500, "casefiles.unreadable", "案卷归档无法读取", $"the stored archive {blobName} does not open");
        }

        if (zip is null)
        {
            throw Problems.NotFound("casefiles.not_found", "该季度案卷归档不存在", $"no archive of department {code} for {period.Code} (written after the quarter ends)");
        }

        await audit.RecordAsync(caller, "casefile-archive", $"{code}/{period.Code}", ["cases.events.data", "cases.documents"], $"{request.Method} {request.Path}", cancellationToken).ConfigureAwait(false);
        return HttpResult.Bytes(zip, "application/zip")
            .WithHeader("Content-Disposition", $"attachment; filename=\"{code}-{period.Code}.zip\"")
            .WithHeader("Cache-Control", "private, no-store");
    }

    /// <summary>A quarter (<c>2026-Q3</c>) or 400 <c>request.invalid_parameter</c>.</summary>
    private static ReportPeriod ParseQuarter(string text)
    {
        var parsed = ReportPeriod.Parse(text);
        return parsed.IsSuccess && parsed.Value.Kind == ReportPeriodKind.Quarter
            ? parsed.Value
            : throw Problems.BadParameter("quarter", $"'{text}' is not a quarter (2026-Q3)");
    }

    [Function("SupervisionCaseFileArchive")]
    public async Task ArchiveOnTimerAsync([TimerTrigger(DailyAfterMidnightInChina)] TimerInfo timer, CancellationToken cancellationToken)
    {
        var written = await archives.ArchiveLastQuarterAsync(cancellationToken).ConfigureAwait(false);
        logger.LogInformation("SupervisionCaseFileArchive wrote {Count} quarterly case file archives ({Source})", written.Count, CaseFileArchives.Source);
    }
}
