using System.Text.Json;
using PowerFunctions.App.Auth;
using PowerFunctions.App.Hosting;
using PowerFunctions.App.Http;

namespace PowerFunctions.App.Features.Applications;

/// <summary>
/// <c>POST /api/applications</c> (role citizen, header <c>Idempotency-Key</c>) and the
/// <c>ApplicationIntake</c> queue function (the same body plus <c>idempotencyKey</c>).
/// A first submission answers 201; the same key and body again answers 201 with the same body and
/// <c>Idempotent-Replayed: true</c>; the same key with another body answers 409
/// <c>request.idempotency_conflict</c>.
/// </summary>
public sealed class ApplicationFunctions(ApplicationService applications, ILogger<ApplicationFunctions> logger) : IFunctionModule
{
    /// <summary>Idempotency keys of queue messages live in their own scope, apart from every caller's.</summary>
    public const string QueueScope = "queue:ApplicationIntake";

    public IEnumerable<FunctionDeclaration> Declare()
    {
        yield return Function.Http("ApplicationSubmit", "POST", "applications", Access.AnyRole(Roles.Citizen), SubmitAsync);
        yield return Function.ServiceBusQueue("ApplicationIntake", "applications", IntakeAsync);
    }

    private async Task<HttpResult> SubmitAsync(HttpCall call, CancellationToken cancellationToken)
    {
        var caller = call.RequireCaller();
        var key = call.Header("Idempotency-Key");
        if (string.IsNullOrWhiteSpace(key))
        {
            throw new ProblemException(400, "request.idempotency_key_required", "缺少幂等键", "the Idempotency-Key header is required");
        }

        var request = call.ReadJson<ApplicationRequest>() with { IdempotencyKey = null, ApplicantSubject = null };
        var (body, replayed) = await applications.SubmitAsync("caller:" + caller.Subject, caller.Subject, caller.Name, key, request, cancellationToken).ConfigureAwait(false);
        var result = HttpResult.Created(body);
        return replayed ? result.WithHeader("Idempotent-Replayed", "true") : result;
    }

    /// <summary>
    /// One queued application (received like one over HTTP, missing materials and all). A message that
    /// can never be taken (bad JSON, no key, unknown item, no applicant identity) throws <see cref="PoisonMessageException"/> with its reason (poison queue at
    /// once in standalone mode; dead-lettered by the broker under the Functions host); a storage failure
    /// throws as it is and the message is retried; a retried message with the same key answers the case
    /// it already created.
    /// </summary>
    private async Task IntakeAsync(QueueCall call, CancellationToken cancellationToken)
    {
        ApplicationRequest request;
        try
        {
            request = JsonSerializer.Deserialize<ApplicationRequest>(call.MessageText, JsonDefaults.Options) ?? throw new JsonException("empty message");
        }
        catch (JsonException e)
        {
            throw new PoisonMessageException($"ApplicationIntake message {call.MessageId} is not an application: {e.Message}", e);
        }

        var key = request.IdempotencyKey;
        var subject = string.IsNullOrWhiteSpace(request.ApplicantSubject) ? $"intake:{key}" : request.ApplicantSubject.Trim();
        try
        {
            var (body, replayed) = await applications.SubmitAsync(QueueScope, subject, request.Applicant?.Name ?? subject, key, request with { ApplicantSubject = null }, cancellationToken).ConfigureAwait(false);
            logger.LogInformation("ApplicationIntake {MessageId} → {Body} (replayed {Replayed})", call.MessageId, JsonSerializer.Serialize(body, JsonDefaults.Options), replayed);
        }
        catch (ProblemException e) when (e.Status is >= 400 and < 500)
        {
            // Never acceptable as it is (bad body, unknown item, no applicant identity, key reused with another body).
            throw new PoisonMessageException($"ApplicationIntake message {call.MessageId} refused: {e.Status} {e.Code} {e.Detail}", e);
        }
    }
}
