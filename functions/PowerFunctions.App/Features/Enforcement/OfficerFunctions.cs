using System.Globalization;
using Microsoft.Azure.Functions.Worker;
using PowerFunctions.App.Auth;
using PowerFunctions.App.Features.Catalog;
using PowerFunctions.App.Hosting;
using PowerFunctions.App.Http;
using PowerFunctions.Domain.Common;
using PowerFunctions.Domain.Enforcement;

namespace PowerFunctions.App.Features.Enforcement;

/// <summary>
/// The register of certified officers (执法人员 持证上岗): <c>PUT /api/enforcement/officers/{sub}</c> (admin),
/// <c>GET /api/enforcement/officers?department=</c> (admin, supervisor), and the public certificate lookup
/// <c>GET /api/enforcement/certificates/{certificateNo}</c> (执法主体和人员公示: what the certificate shows, nothing else).
/// </summary>
public sealed class OfficerFunctions(OfficerStore officers, CatalogStore catalog, TimeProvider clock)
{
    [Function("EnforcementOfficerPut")]
    [AnyRole(Roles.Admin)]
    public async Task<IResult> PutAsync([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "enforcement/officers/{sub}")] HttpRequest request, string sub, CancellationToken cancellationToken)
    {
        var body = request.ReadJson<OfficerBody>();
        if (!OfficerStore.IsKey(sub))
        {
            throw Problems.BadParameter("sub", "the officer's sign-in subject holds a character that cannot be stored (/ \\ # ? or a control character)");
        }

        var officer = Officer.Register(sub, body.Name, body.Department, body.CertificateNo, body.ValidFrom, body.ValidTo, body.Fields).OrThrow();
        var published = await catalog.PublishedAsync(cancellationToken).ConfigureAwait(false);
        var department = published.Items.Select(i => i.Department).FirstOrDefault(d => d.Code == officer.DepartmentCode)
            ?? throw new ProblemException(422, "enforcement.unknown_department", "执法部门不在权力清单之中", $"no published power item belongs to department '{officer.DepartmentCode}'",
                new Dictionary<string, string[]> { ["department"] = ["须为权力清单所列的实施部门编码"] });
        var now = clock.GetUtcNow();
        var created = await officers.PutAsync(officer, department.Name, now, cancellationToken).ConfigureAwait(false);
        var view = EnforcementViews.Officer(new StoredOfficer(officer, department.Name), ChinaTime.DateOf(now));
        return created ? HttpResult.Created(view, $"/api/enforcement/officers/{Uri.EscapeDataString(officer.Subject)}") : HttpResult.Ok(view);
    }

    [Function("EnforcementOfficerList")]
    [AnyRole(Roles.Admin, Roles.Supervisor)]
    public async Task<IResult> ListAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "enforcement/officers")] HttpRequest request, CancellationToken cancellationToken)
    {
        var department = request.QueryValue("department");
        var today = ChinaTime.Today(clock);
        var list = await officers.ListAsync(string.IsNullOrWhiteSpace(department) ? null : department.Trim(), cancellationToken).ConfigureAwait(false);
        return HttpResult.Ok(new { items = list.Select(o => EnforcementViews.Officer(o, today)) });
    }

    [Function("EnforcementCertificateLookup")]
    [Public]
    public async Task<IResult> CertificateAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "enforcement/certificates/{certificateNo}")] HttpRequest request, string certificateNo, CancellationToken cancellationToken)
    {
        var found = await officers.FindByCertificateAsync(certificateNo.Trim(), cancellationToken).ConfigureAwait(false)
            ?? throw Problems.NotFound("enforcement.certificate_not_found", "未查询到该执法证件", $"no officer holds certificate '{certificateNo}'");
        var view = OfficerPublicView.Of(found.Officer, ChinaTime.Today(clock));
        return HttpResult.Ok(new
        {
            name = view.Name,
            certificateNo = view.CertificateNo,
            department = new { code = view.Department, name = found.DepartmentName },
            fields = view.Fields,
            validFrom = view.ValidFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            validTo = view.ValidTo.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            status = view.Status,
        });
    }

    private sealed record OfficerBody(string? Name, string? Department, string? CertificateNo, DateOnly? ValidFrom, DateOnly? ValidTo, IReadOnlyList<string?>? Fields);
}
