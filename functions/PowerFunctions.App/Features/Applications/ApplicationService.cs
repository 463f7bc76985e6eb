using System.Text.Json;
using Azure;
using PowerFunctions.App.Features.Cases;
using PowerFunctions.App.Features.Catalog;
using PowerFunctions.App.Http;
using PowerFunctions.Domain.Cases;
using PowerFunctions.Domain.Common;
using PowerFunctions.Storage;

namespace PowerFunctions.App.Features.Applications;

/// <summary>
/// Takes an application, once per idempotency key: validate against the published catalog item (an
/// application lacking required materials is received all the same, 行政许可法 第三十二条: the answer
/// lists them in <c>missingMaterials</c> and the correction-notice clock runs),
/// reserve the key create-only with a new case number (a key already held answers its case again for
/// the same body, 409 for another), then create the case create-only. Concurrent retries of one key
/// all answer the one case; a crash between reservation and case is completed by the retry.
/// </summary>
public sealed class ApplicationService(
    IdempotencyStore keys,
    ICatalogLookup catalog,
    CaseNumbers numbers,
    CaseService cases,
    CaseStore store)
{
    public const int MaxFormChars = 16_000;

    /// <summary>The answer (<c>{caseNo, queryCode, state, receivedAt, deadlines, missingMaterials}</c>) and whether this call created the case.</summary>
    public async Task<(object Body, bool Replayed)> SubmitAsync(string scope, string applicantSubject, string applicantName, string? key, ApplicationRequest request, CancellationToken cancellationToken)
    {
        key = IdempotencyKeys.Require(key);

        var canonical = Canonical(request);
        var hash = IdempotencyStore.Hash(canonical);
        var now = TruncateToMilliseconds(cases.Clock.GetUtcNow());
        var queryCode = QueryCodes.New();
        Domain.Catalog.ItemTerms terms;
        CaseEventDraft draft;
        try
        {
            (terms, draft) = await ValidateAsync(request, applicantSubject, now, queryCode, cancellationToken).ConfigureAwait(false);
        }
        catch (ProblemException)
        {
            // A retry of a key that was taken before answers that case even if the item has changed since.
            var previous = await keys.FindAsync(scope, key, cancellationToken).ConfigureAwait(false);
            if (previous is null)
            {
                throw;
            }

            return (await ReplayAsync(previous, hash, request, applicantSubject, cancellationToken).ConfigureAwait(false), true);
        }

        // The common path reserves straight away (create-only); a key already taken answers 409 here
        // and is then read: a replay costs one case number (a gap), a first submission no extra read.
        var caseNo = await numbers.NextAsync(terms.DepartmentCode, ChinaTime.DateOf(now), cancellationToken).ConfigureAwait(false);
        var (reservation, created) = await keys.ReserveAsync(scope, key, new Reservation(hash, caseNo, queryCode, now), cancellationToken).ConfigureAwait(false);
        if (!created)
        {
            return (await ReplayAsync(reservation, hash, request, applicantSubject, cancellationToken).ConfigureAwait(false), true);
        }

        return (await CreateAsync(reservation, request, applicantSubject, applicantName, draft, cancellationToken).ConfigureAwait(false), false);
    }

    private async Task<object> ReplayAsync(Reservation reservation, string hash, ApplicationRequest request, string applicantSubject, CancellationToken cancellationToken)
    {
        if (!string.Equals(reservation.BodyHash, hash, StringComparison.Ordinal))
        {
            throw Problems.IdempotencyConflict($"this Idempotency-Key was used for case {reservation.CaseNo} with another body");
        }

        return await CreateAsync(reservation, request, applicantSubject, null, null, cancellationToken).ConfigureAwait(false);
    }

    private static DateTimeOffset TruncateToMilliseconds(DateTimeOffset instant) =>
        new(instant.Ticks - (instant.Ticks % TimeSpan.TicksPerMillisecond), instant.Offset);

    /// <summary>Creates the reserved case unless it exists; answers it as of its receipt.</summary>
    private async Task<object> CreateAsync(Reservation reservation, ApplicationRequest request, string applicantSubject, string? applicantName, CaseEventDraft? validated, CancellationToken cancellationToken)
    {
        var calendar = await cases.CalendarAsync(cancellationToken).ConfigureAwait(false);
        var loaded = validated is null ? await store.LoadAsync(reservation.CaseNo, cancellationToken).ConfigureAwait(false) : null;
        if (loaded is null)
        {
            var draft = validated ?? (await ValidateAsync(request, applicantSubject, reservation.ReceivedAt, reservation.QueryCode, cancellationToken).ConfigureAwait(false)).Draft;
            var actor = new CaseActor(applicantSubject, applicantName ?? request.Applicant?.Name ?? applicantSubject, Auth.Roles.Citizen);
            var created = Case.Start(reservation.CaseNo, draft, actor, reservation.ReceivedAt);
            try
            {
                await cases.CreateAsync(created, cancellationToken).ConfigureAwait(false);
                return CaseViews.Submitted(created, calendar);
            }
            catch (RequestFailedException e) when (StorageErrors.IsConflict(e))
            {
                loaded = await store.LoadAsync(reservation.CaseNo, cancellationToken).ConfigureAwait(false)
                    ?? throw new InvalidOperationException($"case {reservation.CaseNo} conflicted but cannot be read");
            }
        }

        return CaseViews.Submitted(Case.FromEvents(loaded.Case.CaseNo, loaded.Case.Events.Take(1)), calendar);
    }

    /// <summary>
    /// Unknown item 404, unpublished 409, a malformed body or a missing applicant identity 422 (all named
    /// at once). Missing required materials are no reason to refuse (行政许可法 第三十二条).
    /// </summary>
    private async Task<(Domain.Catalog.ItemTerms Terms, CaseEventDraft Draft)> ValidateAsync(ApplicationRequest request, string applicantSubject, DateTimeOffset now, string queryCode, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.ItemCode))
        {
            throw Problems.Validation(new Dictionary<string, string[]> { ["itemCode"] = ["须填写申请事项编码"] });
        }

        var form = request.Form is { ValueKind: not JsonValueKind.Undefined and not JsonValueKind.Null } f ? f.GetRawText() : null;
        if (request.Form is { ValueKind: not JsonValueKind.Undefined and not JsonValueKind.Null and not JsonValueKind.Object })
        {
            throw Problems.Validation(new Dictionary<string, string[]> { ["form"] = ["表单须为 JSON 对象 {…}"] });
        }

        if (form is not null && form.Length > MaxFormChars)
        {
            throw Problems.Validation(new Dictionary<string, string[]> { ["form"] = [$"表单内容不超过 {MaxFormChars} 字符"] });
        }

        var lookup = await catalog.LookupAsync(request.ItemCode, cancellationToken).ConfigureAwait(false);
        if (!lookup.Exists)
        {
            throw Problems.NotFound("catalog.item_not_found", "权力事项不存在", $"no catalog item '{request.ItemCode}'");
        }

        var terms = lookup.Terms ?? throw new ProblemException(409, "catalog.item_not_published", "权力事项未发布，不能受理申请", $"item '{request.ItemCode}' is not published");
        var applicant = new Applicant(request.Applicant?.Name?.Trim() ?? string.Empty, request.Applicant?.IdType?.Trim() ?? string.Empty, request.Applicant?.IdNumber?.Trim() ?? string.Empty, request.Applicant?.Phone?.Trim() ?? string.Empty);
        var materials = (request.Materials ?? []).Select(m => new MaterialRef(m?.Code?.Trim() ?? string.Empty, m?.Name?.Trim() ?? string.Empty)).ToArray();
        var draft = Case.Submit(terms, applicant, applicantSubject, materials, form, queryCode, now);
        if (!draft.IsSuccess)
        {
            throw Problems.From(draft.Error);
        }

        return (terms, draft.Value);
    }

    /// <summary>The body as compared for idempotency: re-serialised from what was parsed (whitespace and key order of the client do not matter), without the key itself.</summary>
    private static string Canonical(ApplicationRequest request) =>
        JsonSerializer.Serialize(request with { IdempotencyKey = null }, JsonDefaults.Options);
}
