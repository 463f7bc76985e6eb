using System.Globalization;
using System.Text;
using System.Text.Json;
using PowerFunctions.App.Auth;
using PowerFunctions.App.Features.Calendar;
using Microsoft.Azure.Functions.Worker;
using PowerFunctions.App.Hosting;
using PowerFunctions.App.Http;
using PowerFunctions.Domain.Calendar;
using PowerFunctions.Domain.Catalog;
using PowerFunctions.Domain.Common;

namespace PowerFunctions.App.Features.Catalog;

/// <summary>
/// The power catalog (权力清单) over HTTP. Public: the list of published items, each item's full
/// service guide, its versions and its flowchart (JSON and SVG). Catalog admins of the item's
/// department: create, update (a draft, or a new revision of a published item), publish, abolish,
/// record a change of the legal basis; supervisors and admins see pending revisions.
/// A 涉密 item (seed 001 §四(一)3, <see cref="CatalogVisibility"/>) answers 404 to the public on every public
/// route (guide, versions, flowchart), exactly like an unknown code, and is served to the staff of its
/// department and to supervisors and admins; the list filtered by a department shows that department's
/// staff (and supervisors) its 涉密 items too, the unfiltered public list never.
/// Writes accept <c>If-Match</c> with the item's latest version (412 when stale) and answer its
/// <c>ETag</c>.
/// </summary>
public sealed class CatalogFunctions(CatalogStore store, TimeProvider clock, ICalendarProvider calendars)
{
    public static ProblemException NotFound(string code) =>
        Problems.NotFound("catalog.item_not_found", "权力事项不存在", $"no item with code '{code}'");

    private DateOnly Today => ChinaTime.Today(clock);

    private DateTimeOffset Now => ChinaTime.InChina(clock.GetUtcNow());

    // ---- public ----

    [Function("CatalogList")]
    [Public]
    public async Task<IResult> ListAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "catalog/items")] HttpRequest request, CancellationToken ct)
    {
        var kind = Blank(request.QueryValue("kind"));
        var department = Blank(request.QueryValue("department"));
        var text = Blank(request.QueryValue("q"));
        if (kind is not null && !PowerKinds.IsKnown(kind))
        {
            throw Problems.BadParameter("kind", $"kind must be one of: {string.Join(", ", PowerKinds.All.Select(k => k.Key))}");
        }

        if (text is { Length: > 100 })
        {
            throw Problems.BadParameter("q", "the search text is longer than 100 characters");
        }

        var catalog = await store.PublishedAsync(ct).ConfigureAwait(false);
        if (kind is null && department is null && text is null)
        {
            return HttpResult.Bytes(catalog.AllJson, "application/json; charset=utf-8");
        }

        var caller = request.Caller();
        var body = catalog.Filter(
            i => (kind is null || string.Equals(i.Kind, kind, StringComparison.Ordinal))
                && (department is null || string.Equals(i.Department.Code, department, StringComparison.OrdinalIgnoreCase) || string.Equals(i.Department.Name, department, StringComparison.Ordinal))
                && (text is null || Matches(i, text)),
            department is null ? null : i => CanSee(caller, i));
        return HttpResult.Bytes(body, "application/json; charset=utf-8");
    }

    [Function("CatalogItemGet")]
    [Public]
    public async Task<IResult> GetAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "catalog/items/{code}")] HttpRequest request, string code, CancellationToken ct)
    {
        var record = await store.GetAsync(code, ct).ConfigureAwait(false);
        if (record is null)
        {
            throw NotFound(code);
        }

        var ownDraft = record.Draft is not null && IsOwnAdmin(request.Caller(), record.DepartmentCode);
        var shown = record.Public ?? (ownDraft ? record.Draft : null) ?? throw NotFound(code);
        RequireVisible(request, record.Public ?? record.Latest, code);
        return WithETag(HttpResult.Ok(CatalogViews.Guide(shown, Today, ownDraft && shown != record.Draft ? record.Draft!.Version : null)), shown.Version);
    }

    [Function("CatalogItemVersions")]
    [Public]
    public async Task<IResult> VersionsAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "catalog/items/{code}/versions")] HttpRequest request, string code, CancellationToken ct)
    {
        var (record, versions) = await VisibleVersionsAsync(request, code, ct).ConfigureAwait(false);
        return WithETag(HttpResult.Ok(versions.Select(CatalogViews.VersionLine).ToList()), record.Latest.Version);
    }

    [Function("CatalogItemVersionGet")]
    [Public]
    public async Task<IResult> VersionAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "catalog/items/{code}/versions/{version}")] HttpRequest request, string code, string version, CancellationToken ct)
    {
        if (!int.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < 1)
        {
            throw Problems.BadParameter("version", "the version is a whole number from 1");
        }

        var (_, versions) = await VisibleVersionsAsync(request, code, ct).ConfigureAwait(false);
        var found = versions.FirstOrDefault(v => v.Version == number)
            ?? throw Problems.NotFound("catalog.version_not_found", "该版本不存在", $"item '{code}' has no version {number}");
        return WithETag(HttpResult.Ok(CatalogViews.Guide(found, Today)), found.Version);
    }

    [Function("CatalogItemFlowchart")]
    [Public]
    public async Task<IResult> FlowchartAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "catalog/items/{code}/flowchart")] HttpRequest request, string code, CancellationToken ct)
    {
        var item = await PublicVersionAsync(request, code, ct).ConfigureAwait(false);
        return HttpResult.Ok(CatalogViews.Flowchart(item));
    }

    [Function("CatalogItemFlowchartSvg")]
    [Public]
    public async Task<IResult> FlowchartSvgAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "catalog/items/{code}/flowchart.svg")] HttpRequest request, string code, CancellationToken ct)
    {
        var item = await PublicVersionAsync(request, code, ct).ConfigureAwait(false);
        return HttpResult.Bytes(Encoding.UTF8.GetBytes(FlowchartSvg.Render(item)), "image/svg+xml; charset=utf-8")
            .WithHeader("Cache-Control", CatalogVisibility.IsPublic(item) ? "public, max-age=60" : "private, no-store");
    }

    // ---- catalog admins ----

    [Function("CatalogItemCreate")]
    [AnyRole(Roles.CatalogAdmin)]
    public async Task<IResult> CreateAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "catalog/items")] HttpRequest request, CancellationToken ct)
    {
        var caller = request.RequireCaller();
        var content = Content(request.ReadJson<PowerItemRequest>(), null);
        caller.RequireDepartment(content.Department.Code);
        var draft = PowerItem.CreateDraft(content, Now).OrThrow();
        CatalogStore.EnsureStorable(draft);
        var record = await store.AddAsync(draft, ct).ConfigureAwait(false);
        return WithETag(HttpResult.Created(CatalogViews.Guide(record.Latest, Today), $"/api/catalog/items/{draft.Code}"), draft.Version);
    }

    [Function("CatalogItemUpdate")]
    [AnyRole(Roles.CatalogAdmin)]
    public async Task<IResult> UpdateAsync([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "catalog/items/{code}")] HttpRequest request, string code, CancellationToken ct)
    {
        var record = await AdminRecordAsync(request, code, ct).ConfigureAwait(false);
        var body = request.ReadJson<PowerItemRequest>();
        if (!string.IsNullOrWhiteSpace(body.Code) && !string.Equals(body.Code.Trim(), record.Code, StringComparison.Ordinal))
        {
            throw Problems.From(PowerItemRules.Invalid(new Dictionary<string, List<string>> { ["code"] = ["事项编码不能修改"] }));
        }

        var content = Content(body, record.Code);
        var draft = record.Latest.Edit(content, Now).OrThrow();
        CatalogStore.EnsureStorable(draft);
        var saved = await store.ReplaceAsync(record, record.Public, draft, [draft], ct).ConfigureAwait(false);
        return WithETag(HttpResult.Ok(CatalogViews.Guide(draft, Today)), saved.Latest.Version);
    }

    [Function("CatalogItemPublish")]
    [AnyRole(Roles.CatalogAdmin)]
    public async Task<IResult> PublishAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "catalog/items/{code}/publish")] HttpRequest request, string code, CancellationToken ct)
    {
        var record = await AdminRecordAsync(request, code, ct).ConfigureAwait(false);
        if (record.Draft is null)
        {
            throw Problems.From(DomainError.Conflict("catalog.not_a_draft", "没有待发布的草稿", $"item '{record.Code}' has no draft; PUT a revision first"));
        }

        var now = Now;
        var published = record.Draft.Publish(now).OrThrow();
        var snapshots = record.Public is { Status: ItemStatus.Published } old ? new[] { old.Supersede(now), published } : [published];
        await store.ReplaceAsync(record, published, null, snapshots, ct).ConfigureAwait(false);
        return WithETag(HttpResult.Ok(CatalogViews.Guide(published, Today)), published.Version);
    }

    [Function("CatalogItemAbolish")]
    [AnyRole(Roles.CatalogAdmin)]
    public async Task<IResult> AbolishAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "catalog/items/{code}/abolish")] HttpRequest request, string code, CancellationToken ct)
    {
        var record = await AdminRecordAsync(request, code, ct).ConfigureAwait(false);
        var body = request.ReadJson<AbolishRequest>();
        var current = record.Public ?? record.Latest;
        var abolished = current.Abolish(body.Reason, Now).OrThrow();
        await store.ReplaceAsync(record, abolished, null, [abolished], ct).ConfigureAwait(false);
        return WithETag(HttpResult.Ok(CatalogViews.Guide(abolished, Today)), abolished.Version);
    }

    [Function("CatalogItemBasisChange")]
    [AnyRole(Roles.CatalogAdmin)]
    public async Task<IResult> BasisChangeAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "catalog/items/{code}/basis-changes")] HttpRequest request, string code, CancellationToken ct)
    {
        var record = await AdminRecordAsync(request, code, ct).ConfigureAwait(false);
        var body = request.ReadJson<BasisChangeRequest>();
        if (!DateOnly.TryParseExact(body.ChangedOn ?? string.Empty, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var changedOn))
        {
            throw Problems.From(PowerItemRules.Invalid(new Dictionary<string, List<string>> { ["changedOn"] = ["须为 YYYY-MM-DD 格式的日期"] }));
        }

        if (record.Published is not { } published)
        {
            throw Problems.From(DomainError.Conflict("catalog.not_published", "只有已发布的事项需要随法律依据变化而调整", $"item '{record.Code}' is not published"));
        }

        var calendar = await calendars.GetCurrentAsync(ct).ConfigureAwait(false);
        var now = Now;
        var changed = published.RecordBasisChange(changedOn, body.Description, calendar, now).OrThrow();
        var draft = record.Draft is null ? null : record.Draft.RecordBasisChange(changedOn, body.Description, calendar, now).OrThrow();
        await store.ReplaceAsync(record, changed, draft, draft is null ? [changed] : [changed, draft], ct).ConfigureAwait(false);
        return WithETag(HttpResult.Ok(CatalogViews.Revision(changed, Today)), (draft ?? changed).Version);
    }

    [Function("CatalogRevisions")]
    [AnyRole(Roles.CatalogAdmin, Roles.Supervisor, Roles.Admin)]
    public async Task<IResult> RevisionsAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "catalog/revisions")] HttpRequest request, CancellationToken ct)
    {
        var caller = request.RequireCaller();
        var overdueOnly = request.QueryValue("overdue") is { } o && (o == "true" || o == "1");
        var today = Today;
        var records = await store.ScanAsync(ct).ConfigureAwait(false);
        var oversight = caller.IsInRole(Roles.Supervisor) || caller.IsInRole(Roles.Admin);
        var pending = records
            .Where(r => r.Published?.PendingBasisChange is not null)
            .Where(r => oversight || string.Equals(r.DepartmentCode, caller.Department, StringComparison.Ordinal))
            .Select(r => r.Published!)
            .Where(i => !overdueOnly || i.IsRevisionOverdue(today))
            .OrderBy(i => i.RevisionDue)
            .ThenBy(i => i.Code, StringComparer.Ordinal)
            .Select(i => CatalogViews.Revision(i, today))
            .ToList();
        return HttpResult.Ok(pending);
    }

    // ---- helpers ----

    private async Task<CatalogRecord> AdminRecordAsync(HttpRequest request, string code, CancellationToken ct)
    {
        var caller = request.RequireCaller();
        var record = await store.GetAsync(code, ct).ConfigureAwait(false) ?? throw NotFound(code);
        caller.RequireDepartment(record.DepartmentCode);
        CheckIfMatch(request, record.Latest.Version);
        return record;
    }

    private async Task<PowerItem> PublicVersionAsync(HttpRequest request, string code, CancellationToken ct)
    {
        var catalog = await store.PublishedAsync(ct).ConfigureAwait(false);
        if (catalog.Find(code) is { } cached)
        {
            RequireVisible(request, cached, code);
            return cached;
        }

        var record = await store.GetAsync(code, ct).ConfigureAwait(false);
        if (record is null)
        {
            throw NotFound(code);
        }

        RequireVisible(request, record.Public ?? record.Latest, code);
        return record.Public ?? (IsOwnAdmin(request.Caller(), record.DepartmentCode) ? record.Draft : null) ?? throw NotFound(code);
    }

    private async Task<(CatalogRecord Record, IReadOnlyList<PowerItem> Versions)> VisibleVersionsAsync(HttpRequest request, string code, CancellationToken ct)
    {
        var record = await store.GetAsync(code, ct).ConfigureAwait(false) ?? throw NotFound(code);
        RequireVisible(request, record.Public ?? record.Latest, code);
        var all = await store.VersionsAsync(record, ct).ConfigureAwait(false);
        var visible = IsOwnAdmin(request.Caller(), record.DepartmentCode) ? all : all.Where(v => v.Status != ItemStatus.Draft).ToList();
        if (visible.Count == 0)
        {
            throw NotFound(code);
        }

        return (record, visible);
    }

    private static PowerItem Content(PowerItemRequest request, string? code)
    {
        var (item, errors) = request.ToContent(code);
        if (item is null)
        {
            throw Problems.From(PowerItemRules.Invalid(errors.ToDictionary(e => e.Key, e => e.Value.ToList())));
        }

        return item;
    }

    /// <summary>412 unless <c>If-Match</c> (when sent) names the item's latest version: <c>3</c>, <c>"3"</c>, <c>W/"3"</c> or <c>*</c>.</summary>
    private static void CheckIfMatch(HttpRequest request, int latestVersion)
    {
        var header = request.Header("If-Match");
        if (string.IsNullOrWhiteSpace(header) || header.Trim() == "*")
        {
            return;
        }

        var tags = header.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(t => t.StartsWith("W/", StringComparison.Ordinal) ? t[2..] : t)
            .Select(t => t.Trim('"'));
        var expected = latestVersion.ToString(CultureInfo.InvariantCulture);
        if (!tags.Contains(expected, StringComparer.Ordinal))
        {
            throw Problems.PreconditionFailed($"If-Match '{header}' does not match the item's latest version {expected}");
        }
    }

    private static HttpResult WithETag(HttpResult result, int version) =>
        result.WithHeader("ETag", $"\"{version.ToString(CultureInfo.InvariantCulture)}\"");

    /// <summary>
    /// 404, as for an unknown code, unless the caller may see <paramref name="item"/>: every caller for a
    /// public item; for a 涉密 one the staff of its department, supervisors and admins. Source: seed 001 §四(一)3
    /// </summary>
    private static void RequireVisible(HttpRequest request, PowerItem item, string code)
    {
        if (!CanSee(request.Caller(), item))
        {
            throw NotFound(code);
        }
    }

    private static bool CanSee(Caller? caller, PowerItem item) =>
        CatalogVisibility.CanSee(item, caller?.Department is { Length: > 0 } d && !caller.IsInRole(Roles.Citizen) ? d : null, caller is not null && (caller.IsInRole(Roles.Supervisor) || caller.IsInRole(Roles.Admin)));

    private static bool IsOwnAdmin(Caller? caller, string departmentCode) =>
        caller is not null && caller.IsInRole(Roles.CatalogAdmin) && string.Equals(caller.Department, departmentCode, StringComparison.Ordinal);

    private static bool Matches(PowerItem item, string text) =>
        item.Name.Contains(text, StringComparison.OrdinalIgnoreCase)
        || item.Code.Contains(text, StringComparison.OrdinalIgnoreCase)
        || item.Department.Name.Contains(text, StringComparison.OrdinalIgnoreCase)
        || item.LegalBases.Any(b => b.Law.Contains(text, StringComparison.OrdinalIgnoreCase));

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>The body of <c>POST …/abolish</c>.</summary>
    public sealed record AbolishRequest(string? Reason);

    /// <summary>The body of <c>POST …/basis-changes</c>: the date the law changed and what changed.</summary>
    public sealed record BasisChangeRequest(string? ChangedOn, string? Description);
}
