using System.Globalization;
using Microsoft.Azure.Functions.Worker;
using PowerFunctions.App.Hosting;
using PowerFunctions.App.Http;
using PowerFunctions.Domain.Common;
using PowerFunctions.Domain.Complaints;

namespace PowerFunctions.App.Features.Complaints;

/// <summary>
/// Open311 GeoReport v2 at <c>/api/open311/v2/</c>, JSON and XML (the format is the resource's extension), so 311
/// clients file and follow tickets unchanged: <c>GET services</c>, <c>GET services/{service_code}</c> (the service
/// definition), <c>POST requests</c> (form-encoded, the partner's <c>api_key</c>), <c>GET requests</c> (the spec's
/// filters) and <c>GET requests/{id}</c>; plus the service discovery file <c>/api/open311/discovery.{format}</c>.
/// Every error is the spec's error list with its HTTP status: 404 for what does not exist, 403 for a wrong or
/// missing api_key, 400 for anything else. <c>jurisdiction_id</c> is optional (one jurisdiction is served).
/// Only tickets filed through Open311 are served here: tickets of the hotline and the mini-program were not
/// filed to be public. Sources: Open311 GeoReport v2; Open311 Service Discovery.
/// </summary>
public sealed class Open311Functions(
    ComplaintIntakeService intake,
    ComplaintService complaints,
    ComplaintStore store,
    ComplaintProjection projection,
    ComplaintDirectory directory,
    ComplaintOptions options,
    IHostEnvironment environment)
{
    /// <summary>The default and longest span of <c>GET requests</c> (the spec's 90 days).</summary>
    public static readonly TimeSpan MaxSpan = TimeSpan.FromDays(90);

    /// <summary>The most requests one <c>GET requests</c> answers (the spec's first 1000).</summary>
    public const int MaxRequests = 1000;

    /// <summary>When the services or their definitions last changed shape (discovery's changeset).</summary>
    public const string Changeset = "2026-09-18 00:00";

    [Function("Open311Discovery")]
    [Public]
    public Task<IResult> DiscoveryAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "open311/discovery.{format}")] HttpRequest request, string format) =>
        Answer(format, () =>
        {
            var url = $"{request.Scheme}://{request.Host}/api/open311/v2";
            return Task.FromResult(Open311Writer.Discovery(
                format,
                Changeset,
                "政务服务便民热线 12345；接口问题请联系平台运维",
                "api_key 由平台管理员为合作系统签发（Open311:ApiKeys）；查询类接口无需 api_key",
                url,
                environment.IsProduction() ? "production" : "test"));
        });

    [Function("Open311Services")]
    [Public]
    public Task<IResult> ServicesAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "open311/v2/services.{format}")] HttpRequest request, string format, CancellationToken cancellationToken) =>
        Answer(format, async () =>
        {
            var departments = await directory.DepartmentsAsync(cancellationToken).ConfigureAwait(false);
            return Open311Writer.Services(format, Open311Mapping.Services(departments.Values, options.Limits));
        });

    [Function("Open311ServiceDefinition")]
    [Public]
    public Task<IResult> ServiceDefinitionAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "open311/v2/services/{serviceCode}.{format}")] HttpRequest request, string serviceCode, string format, CancellationToken cancellationToken) =>
        Answer(format, async () =>
        {
            var departments = await directory.DepartmentsAsync(cancellationToken).ConfigureAwait(false);
            if (Open311Mapping.ParseServiceCode(serviceCode) is not { } service || !departments.ContainsKey(service.Department))
            {
                throw Problems.From(Open311Errors.ServiceNotFound(serviceCode));
            }

            return Open311Writer.ServiceDefinition(format, serviceCode);
        });

    [Function("Open311RequestCreate")]
    [Public]
    [Accepts(HttpRequestExtensions.FormContentType)]
    public Task<IResult> CreateAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "open311/v2/requests.{format}")] HttpRequest request, string format, CancellationToken cancellationToken) =>
        Answer(format, async () =>
        {
            var form = request.ReadForm();
            var apiKey = form.GetValueOrDefault("api_key") ?? request.QueryValue("api_key");
            var filed = (await intake.FileOpen311Async(form, apiKey, cancellationToken).ConfigureAwait(false)).OrThrow();
            return Open311Writer.Created(format, filed.TicketNo, Open311Views.ServiceNotice(filed.Service));
        });

    [Function("Open311RequestList")]
    [Public]
    public Task<IResult> ListAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "open311/v2/requests.{format}")] HttpRequest request, string format, CancellationToken cancellationToken) =>
        Answer(format, async () =>
        {
            if (List(request, "service_request_id") is { } ids)
            {
                var found = new List<Open311RequestView>();
                foreach (var id in ids.Take(MaxRequests))
                {
                    if (await FindAsync(id, cancellationToken).ConfigureAwait(false) is { } view)
                    {
                        found.Add(view);
                    }
                }

                return Open311Writer.Requests(format, found);
            }

            var (from, to) = Range(request, complaints.Clock.GetUtcNow());
            var statuses = List(request, "status");
            if (statuses?.FirstOrDefault(s => s is not (Open311Mapping.Open or Open311Mapping.Closed)) is { } badStatus)
            {
                throw Problems.BadParameter("status", $"status '{badStatus}' is not open or closed");
            }

            var codes = List(request, "service_code");
            var views = new List<Open311RequestView>();
            await foreach (var row in projection.ReceivedBetweenAsync(ComplaintProjection.Open311Partition, from, to, cancellationToken).ConfigureAwait(false))
            {
                if (ComplaintProjection.Open311Of(row) is { } view
                    && (statuses is null || statuses.Contains(view.Status))
                    && (codes is null || (view.ServiceCode is { } code && codes.Contains(code))))
                {
                    views.Add(view);
                    if (views.Count == MaxRequests)
                    {
                        break;
                    }
                }
            }

            return Open311Writer.Requests(format, views);
        });

    [Function("Open311RequestGet")]
    [Public]
    public Task<IResult> GetAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "open311/v2/requests/{id}.{format}")] HttpRequest request, string id, string format, CancellationToken cancellationToken) =>
        Answer(format, async () =>
        {
            var view = await FindAsync(id, cancellationToken).ConfigureAwait(false) ?? throw Problems.From(Open311Errors.RequestNotFound(id));
            return Open311Writer.Requests(format, [view]);
        });

    /// <summary>A ticket filed through Open311, as it is now; null for any other ticket or none.</summary>
    private async Task<Open311RequestView?> FindAsync(string id, CancellationToken cancellationToken)
    {
        var loaded = await store.LoadAsync(id, cancellationToken).ConfigureAwait(false);
        if (loaded is null || loaded.Complaint.Channel != ComplaintChannel.Open311)
        {
            return null;
        }

        var calendar = await complaints.CalendarAsync(cancellationToken).ConfigureAwait(false);
        var departments = await directory.DepartmentsAsync(cancellationToken).ConfigureAwait(false);
        return Open311Views.Request(loaded.Complaint, ComplaintDeadlines.Compute(loaded.Complaint, calendar), departments);
    }

    /// <summary>
    /// Runs <paramref name="answer"/> in the format asked (404 for another extension) and turns every refusal into
    /// the spec's error list: 404 stays 404, 403 stays 403, any other client error is 400; the error's field
    /// problems become one entry each. Server errors stay the pipeline's (500, problem+json, correlation id).
    /// </summary>
    private static async Task<IResult> Answer(string format, Func<Task<HttpResult>> answer)
    {
        try
        {
            if (!Open311Writer.IsFormat(format))
            {
                throw Problems.NotFound("open311.format_not_found", "不支持的格式", $"format '{format}' is not served: use json or xml");
            }

            return await answer().ConfigureAwait(false);
        }
        catch (ProblemException problem) when (problem.Status is >= 400 and < 500)
        {
            var status = problem.Status is 404 or 403 ? problem.Status : 400;
            var error = new DomainError(
                status switch { 404 => ErrorKind.NotFound, 403 => ErrorKind.Forbidden, _ => ErrorKind.Validation },
                problem.Code,
                problem.Title,
                problem.Detail,
                problem.Errors);
            return Open311Writer.Errors(format, Open311Errors.StatusOf(error), Open311Errors.From(error));
        }
    }

    /// <summary>A comma-delimited parameter (the spec's lists), in order without repeats, or null when absent or empty (an empty optional argument is no argument).</summary>
    private static List<string>? List(HttpRequest request, string name)
    {
        var text = request.QueryValue(name);
        var values = (text ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return values.Length == 0 ? null : [.. values.Distinct(StringComparer.Ordinal)];
    }

    /// <summary>
    /// <c>start_date</c> and <c>end_date</c> (w3 date-times): at most 90 days apart; one alone spans 90 days from (or
    /// to) it; neither: the last 90 days. Source: Open311 GeoReport v2 "GET Service Requests".
    /// </summary>
    private static (DateTimeOffset From, DateTimeOffset To) Range(HttpRequest request, DateTimeOffset now)
    {
        var start = W3(request, "start_date");
        var end = W3(request, "end_date");
        var (from, to) = (start, end) switch
        {
            ({ } s, { } e) => (s, e),
            ({ } s, null) => (s, s + MaxSpan),
            (null, { } e) => (e - MaxSpan, e),
            _ => (now - MaxSpan, now),
        };
        if (to < from)
        {
            throw Problems.BadParameter("end_date", "end_date is before start_date");
        }

        if (to - from > MaxSpan)
        {
            throw Problems.BadParameter("end_date", "start_date and end_date may not span more than 90 days");
        }

        // end_date is the latest instant included.
        return (from, to.AddTicks(1));
    }

    private static DateTimeOffset? W3(HttpRequest request, string name)
    {
        var text = request.QueryValue(name);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return Open311Views.ParseW3(text) ?? throw Problems.BadParameter(name, string.Create(CultureInfo.InvariantCulture, $"{name} '{text}' is not a w3 date-time such as 2026-09-18T00:00:00+08:00"));
    }
}
