using System.Text.Json;
using PowerFunctions.App.Auth;
using PowerFunctions.App.Features.SignIn;
using Microsoft.Azure.Functions.Worker;
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
public sealed class ApplicationFunctions(ApplicationService applications, RealNameGate realName, ILogger<ApplicationFunctions> logger)
{
    /// <summary>Idempotency keys of queue messages live in their own scope, apart from every caller's.</summary>
    public const string QueueScope = "queue:ApplicationIntake";

    /// <summary>The storage queue of <c>ApplicationIntake</c> (the Functions host's storage; standalone, the configured one).</summary>
    public const string QueueName = "applications";

    [Function("ApplicationSubmit")]
    [AnyRole(Roles.Citizen)]
    public async Task<IResult> SubmitAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "applications")] HttpRequest request, CancellationToken cancellationToken)
    {
        var caller = request.RequireCaller();
        var key = request.IdempotencyKey();
        if (string.IsNullOrWhiteSpace(key))
        {
            throw new ProblemException(400, "request.idempotency_key_required", "缺少幂等键", "the Idempotency-Key header is required");
        }

        var application = request.ReadJson<ApplicationRequest>() with { IdempotencyKey = null, ApplicantSubject = null };

        // Sign-in's real-name rule (Features/SignIn/RealNameGate): where required, only the proven person files, in their own name.
        realName.Check(caller, application.Applicant?.Name, application.Applicant?.IdType, application.Applicant?.IdNumber);
        var (body, replayed) = await applications.SubmitAsync("caller:" + caller.Subject, caller.Subject, caller.Name, key, application, cancellationToken).ConfigureAwait(false);
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
    [Function("ApplicationIntake")]
    public async Task IntakeAsync([QueueTrigger(QueueName)] string message, CancellationToken cancellationToken)
    {
        ApplicationRequest request;
        try
        {
            request = JsonSerializer.Deserialize<ApplicationRequest>(message, JsonDefaults.Options) ?? throw new JsonException("empty message");
        }
        catch (JsonException e)
        {
            throw new PoisonMessageException($"the ApplicationIntake message is not an application: {e.Message}", e);
        }

        var key = request.IdempotencyKey;
        var subject = string.IsNullOrWhiteSpace(request.ApplicantSubject) ? $"intake:{key}" : request.ApplicantSubject.Trim();
        try
        {
            var (body, replayed) = await applications.SubmitAsync(QueueScope, subject, request.Applicant?.Name ?? subject, key, request with { ApplicantSubject = null }, cancellationToken).ConfigureAwait(false);
            logger.LogInformation("ApplicationIntake took the application (replayed {Replayed})", replayed);
        }
        catch (ProblemException e) when (e.Status is >= 400 and < 500)
        {
            // Never acceptable as it is (bad body, unknown item, no applicant identity, key reused with another body).
            throw new PoisonMessageException($"the ApplicationIntake message is refused: {e.Status} {e.Code} {e.Detail}", e);
        }
    }
}
