using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using PowerFunctions.App.Config;
using PowerFunctions.App.Http;

namespace PowerFunctions.App.Hosting;

/// <summary>
/// Under the Functions host: <c>POST /{FunctionName}</c> for every declared function, speaking the
/// documented custom-handler envelope. In: <c>{Data, Metadata}</c>. Out: <c>{Outputs, Logs, ReturnValue}</c>.
/// An HTTP function answers 200 with <c>Outputs.res = {statusCode, status, body, headers}</c> whatever its
/// own status (the host relays it); it runs through the same <see cref="HttpPipeline"/> as standalone, so
/// auth, limits and problem+json are identical. A timer or queue function answers 200 when it succeeded
/// and 500 (501 for a handler not built yet) with its <c>Logs</c> when it failed, so the host retries
/// and finally dead-letters the message. A malformed envelope answers 400 problem+json.
/// </summary>
public static class CustomHandlerHttp
{
    /// <summary>The header the host puts the invocation id in.</summary>
    public const string InvocationIdHeader = "X-Azure-Functions-InvocationId";

    private static readonly JsonSerializerOptions EnvelopeJson = new(JsonSerializerDefaults.General)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    public static void MapCustomHandlerEndpoints(this WebApplication app)
    {
        var catalog = app.Services.GetRequiredService<FunctionCatalog>();
        foreach (var function in catalog.All)
        {
            app.MapMethods($"/{function.Name}", ["POST"], (HttpContext context) => InvokeAsync(context, function))
                .WithName("invoke-" + function.Name);
        }
    }

    private static async Task InvokeAsync(HttpContext context, FunctionDeclaration function)
    {
        var services = context.RequestServices;
        var invocationId = context.Request.Headers[InvocationIdHeader].FirstOrDefault() is { Length: > 0 and <= 128 } given && given.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')
            ? given
            : Activity.Current?.TraceId.ToString() ?? Guid.NewGuid().ToString("N");
        var collector = services.GetRequiredService<InvocationLogCollector>();
        using var logs = collector.Begin();

        JsonDocument document;
        try
        {
            document = await ReadEnvelopeAsync(context, services.GetRequiredService<IOptions<HttpOptions>>().Value.MaxBodyBytes).ConfigureAwait(false);
        }
        catch (ProblemException problem)
        {
            await StandaloneHttp.WriteAsync(context, HttpResult.Problem(problem)).ConfigureAwait(false);
            return;
        }

        using (document)
        {
            HttpResult answer;
            try
            {
                var (data, metadata) = InvocationEnvelope.Split(document.RootElement);
                answer = function switch
                {
                    HttpFunction http => await InvokeHttpAsync(services, http, data, invocationId, context.RequestAborted).ConfigureAwait(false),
                    TimerFunction timer => await InvokeTimerAsync(services, timer, data, metadata, invocationId, logs, context.RequestAborted).ConfigureAwait(false),
                    QueueFunction queue => await InvokeQueueAsync(services, queue, data, metadata, invocationId, logs, context.RequestAborted).ConfigureAwait(false),
                    _ => throw new InvalidOperationException($"function kind {function.GetType().Name} has no invocation"),
                };
            }
            catch (ProblemException problem)
            {
                answer = HttpResult.Problem(problem);
            }

            await StandaloneHttp.WriteAsync(context, answer.WithHeader(HttpPipeline.CorrelationHeader, invocationId)).ConfigureAwait(false);
        }
    }

    private static async Task<HttpResult> InvokeHttpAsync(IServiceProvider services, HttpFunction function, JsonElement data, string invocationId, CancellationToken cancellationToken)
    {
        var call = InvocationEnvelope.ReadHttpRequest(function, data, invocationId);
        var result = await services.GetRequiredService<HttpPipeline>().InvokeAsync(function, call, cancellationToken).ConfigureAwait(false);
        var headers = new Dictionary<string, string>(result.Headers, StringComparer.OrdinalIgnoreCase);
        if (result.ContentType is not null)
        {
            headers["Content-Type"] = result.ContentType;
        }

        object body;
        if (result.Body.Length == 0)
        {
            body = string.Empty;
        }
        else if (IsText(result.ContentType))
        {
            body = Encoding.UTF8.GetString(result.Body);
        }
        else
        {
            // Bytes (a sealed PDF, a QR image) cross the JSON envelope as base64, marked so a proxy can decode them.
            body = Convert.ToBase64String(result.Body);
            headers["Content-Transfer-Encoding"] = "base64";
        }

        var res = new Dictionary<string, object?>
        {
            ["statusCode"] = result.StatusCode,
            ["status"] = result.StatusCode,
            ["body"] = body,
            ["headers"] = headers,
        };
        return Envelope(200, new Dictionary<string, object?> { ["res"] = res }, [$"{call.Method} {call.Path} -> {result.StatusCode} (correlation {call.CorrelationId})"]);
    }

    private static async Task<HttpResult> InvokeTimerAsync(IServiceProvider services, TimerFunction function, JsonElement data, JsonElement? metadata, string invocationId, InvocationLogCollector.Collection logs, CancellationToken cancellationToken)
    {
        var info = InvocationEnvelope.ObjectOrJsonText(InvocationEnvelope.Property(data, FunctionJson.TimerBindingName) ?? FirstValue(data), $"Data.{FunctionJson.TimerBindingName}");
        var status = info is { } i ? InvocationEnvelope.ObjectOrJsonText(InvocationEnvelope.Property(i, "ScheduleStatus"), "ScheduleStatus") : null;
        var isPastDue = info is { } t && InvocationEnvelope.Property(t, "IsPastDue") is { } flag
            ? flag.ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                _ => throw InvocationEnvelope.Bad("'IsPastDue' must be true or false"),
            }
            : false;
        var sys = metadata is { } m ? InvocationEnvelope.ObjectOrJsonText(InvocationEnvelope.Property(m, "sys"), "Metadata.sys") : null;
        var scheduledAt = InvocationEnvelope.Instant(status, "Next")
            ?? InvocationEnvelope.Instant(sys, "UtcNow")
            ?? services.GetRequiredService<TimeProvider>().GetUtcNow();

        var call = new TimerCall(scheduledAt, isPastDue, invocationId);
        return await RunAsync(() => services.GetRequiredService<FunctionInvoker>().InvokeTimerAsync(function, call, cancellationToken), function.Name, logs).ConfigureAwait(false);
    }

    private static async Task<HttpResult> InvokeQueueAsync(IServiceProvider services, QueueFunction function, JsonElement data, JsonElement? metadata, string invocationId, InvocationLogCollector.Collection logs, CancellationToken cancellationToken)
    {
        var text = InvocationEnvelope.ReadMessage(data, function.Binding.BindingName);

        // Service Bus: MessageId, DeliveryCount, SequenceNumber, EnqueuedTimeUtc, UserProperties/ApplicationProperties…
        // Storage queues: Id, DequeueCount, InsertionTime, ExpirationTime, NextVisibleTime, PopReceipt.
        var messageId = InvocationEnvelope.Text(metadata, "MessageId") ?? InvocationEnvelope.Text(metadata, "Id") ?? invocationId;
        var deliveries = InvocationEnvelope.Int64(metadata, "DeliveryCount") ?? InvocationEnvelope.Int64(metadata, "DequeueCount") ?? 1;
        if (deliveries < 1)
        {
            throw InvocationEnvelope.Bad("the delivery count must be at least 1");
        }

        var correlationId = InvocationEnvelope.Text(metadata, "CorrelationId") is { Length: > 0 and <= 128 } c && c.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_' or '.') ? c : invocationId;
        var call = new QueueCall(text, messageId, deliveries, InvocationEnvelope.Flatten(metadata), correlationId);
        return await RunAsync(() => services.GetRequiredService<FunctionInvoker>().InvokeQueueAsync(function, call, cancellationToken), function.Name, logs).ConfigureAwait(false);
    }

    private static async Task<HttpResult> RunAsync(Func<Task> invoke, string name, InvocationLogCollector.Collection logs)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await invoke().ConfigureAwait(false);
            logs.Add($"Information: {name} succeeded in {Stopwatch.GetElapsedTime(started).TotalMilliseconds.ToString("0.0", CultureInfo.InvariantCulture)} ms");
            return Envelope(200, new Dictionary<string, object?>(), logs.Lines);
        }
        catch (NotSupportedException e)
        {
            logs.Add($"Error: {name} is not available yet: {e.Message}");
            return Envelope(501, new Dictionary<string, object?>(), logs.Lines);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logs.Add($"Error: {name} failed: {e.GetType().Name}: {e.Message}");
            return Envelope(500, new Dictionary<string, object?>(), logs.Lines);
        }
    }

    private static HttpResult Envelope(int status, Dictionary<string, object?> outputs, IReadOnlyList<string> logs)
    {
        var body = new Dictionary<string, object?>
        {
            ["Outputs"] = outputs,
            ["Logs"] = logs,
            ["ReturnValue"] = null,
        };
        return new HttpResult(status, JsonSerializer.SerializeToUtf8Bytes(body, EnvelopeJson), "application/json; charset=utf-8", new Dictionary<string, string>());
    }

    private static JsonElement? FirstValue(JsonElement data)
    {
        foreach (var property in data.EnumerateObject())
        {
            return property.Value;
        }

        return null;
    }

    private static async Task<JsonDocument> ReadEnvelopeAsync(HttpContext context, long maxBodyBytes)
    {
        // The envelope carries the body once more, base64 for binaries (4/3): allow room above the body limit;
        // the pipeline still answers 413 for a body over Http:MaxBodyBytes.
        var limit = (maxBodyBytes * 2) + (256 * 1024);
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit + 1;
        }

        if (context.Request.ContentLength > limit)
        {
            throw Problems.TooLarge(limit);
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                throw Problems.TooLarge(limit);
            }

            buffer.Write(chunk, 0, read);
        }

        if (buffer.Length == 0)
        {
            throw InvocationEnvelope.Bad("the invocation body is empty; expected {Data, Metadata}");
        }

        try
        {
            return JsonDocument.Parse(buffer.ToArray());
        }
        catch (JsonException e)
        {
            throw InvocationEnvelope.Bad($"the invocation body is not JSON: {e.Message}");
        }
    }

    private static bool IsText(string? contentType)
    {
        if (contentType is null)
        {
            return true;
        }

        var media = contentType.Split(';', 2)[0].Trim().ToLowerInvariant();
        return media.StartsWith("text/", StringComparison.Ordinal)
            || media.EndsWith("/json", StringComparison.Ordinal)
            || media.EndsWith("+json", StringComparison.Ordinal)
            || media.EndsWith("/xml", StringComparison.Ordinal)
            || media.EndsWith("+xml", StringComparison.Ordinal)
            || media is "application/javascript" or "application/x-www-form-urlencoded";
    }
}
