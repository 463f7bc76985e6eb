using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace PowerFunctions.App.Features.SignIn;

/// <summary>
/// The platform's code-to-session call: <c>GET {BaseUrl}/sns/jscode2session?appid=&amp;secret=&amp;js_code=&amp;grant_type=authorization_code</c>
/// → <c>{openid, session_key, unionid?}</c> or <c>{errcode, errmsg}</c>. Each attempt has a timeout; a transient
/// failure (timeout, connection failure, HTTP 5xx, errcode -1 "system busy") is retried with a doubling pause,
/// nothing else is (a code is good once: an invalid or used code, the platform's rate limit and a refused app
/// secret are final). The URL holds the secret and the code, so it appears in no log and no exception message
/// (the HTTP client is registered without logging handlers); answers are read up to 64 KB.
/// </summary>
public sealed partial class MiniProgramClient(HttpClient http, MiniProgramOptions options, ILogger<MiniProgramClient> logger)
{
    private const int MaxAnswerBytes = 64 * 1024;

    public async Task<CodeExchange> ExchangeAsync(string code, CancellationToken cancellationToken)
    {
        var url = $"{options.BaseUrl.TrimEnd('/')}/sns/jscode2session?appid={Uri.EscapeDataString(options.AppId ?? string.Empty)}"
            + $"&secret={Uri.EscapeDataString(options.AppSecret ?? string.Empty)}&js_code={Uri.EscapeDataString(code)}&grant_type=authorization_code";
        var attempts = 1 + options.Retries;
        var delay = TimeSpan.FromMilliseconds(options.RetryDelayMilliseconds);
        CodeExchange? last = null;
        for (var attempt = 1; attempt <= attempts; attempt++)
        {
            if (attempt > 1)
            {
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
                delay *= 2;
            }

            var (exchange, transient) = await AttemptAsync(url, attempt, cancellationToken).ConfigureAwait(false);
            if (!transient)
            {
                return exchange;
            }

            last = exchange;
        }

        return last! with { Attempts = attempts };
    }

    private async Task<(CodeExchange Exchange, bool Transient)> AttemptAsync(string url, int attempt, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.TimeoutSeconds));
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            if ((int)response.StatusCode >= 500 || response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                logger.LogWarning("code exchange attempt {Attempt}: the platform answered HTTP {Status}", attempt, (int)response.StatusCode);
                return (new CodeExchange(CodeExchangeOutcome.Unavailable, Attempts: attempt), Transient: true);
            }

            if (response.StatusCode != HttpStatusCode.OK)
            {
                logger.LogWarning("code exchange attempt {Attempt}: the platform answered HTTP {Status}", attempt, (int)response.StatusCode);
                return (new CodeExchange(CodeExchangeOutcome.Unavailable, Attempts: attempt), Transient: false);
            }

            var body = await ReadAsync(response, timeout.Token).ConfigureAwait(false);
            return Interpret(body, attempt);
        }
        catch (JsonException)
        {
            logger.LogWarning("code exchange attempt {Attempt}: the answer is over {Limit} bytes", attempt, MaxAnswerBytes);
            return (new CodeExchange(CodeExchangeOutcome.Unavailable, Attempts: attempt), Transient: false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("code exchange attempt {Attempt}: no answer within {Timeout} s", attempt, options.TimeoutSeconds);
        }
        catch (HttpRequestException e)
        {
            // The message of a connection failure names the host at most, never the query.
            logger.LogWarning("code exchange attempt {Attempt}: {Error} after {Elapsed:0} ms", attempt, e.HttpRequestError, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        return (new CodeExchange(CodeExchangeOutcome.Unavailable, Attempts: attempt), Transient: true);
    }

    private (CodeExchange Exchange, bool Transient) Interpret(byte[] body, int attempt)
    {
        string? openId = null;
        string? unionId = null;
        int? errorCode = null;
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new JsonException("not an object");
            }

            if (root.TryGetProperty("errcode", out var errcode) && errcode.ValueKind == JsonValueKind.Number && errcode.TryGetInt32(out var n) && n != 0)
            {
                errorCode = n;
            }
            else
            {
                openId = root.TryGetProperty("openid", out var o) && o.ValueKind == JsonValueKind.String ? o.GetString() : null;
                unionId = root.TryGetProperty("unionid", out var u) && u.ValueKind == JsonValueKind.String ? u.GetString() : null;

                // session_key is there too; it is not read.
            }
        }
        catch (JsonException)
        {
            logger.LogWarning("code exchange attempt {Attempt}: the answer is not JSON", attempt);
            return (new CodeExchange(CodeExchangeOutcome.Unavailable, Attempts: attempt), Transient: false);
        }

        if (errorCode is null)
        {
            if (openId is null || !IdPattern().IsMatch(openId) || (unionId is not null && !IdPattern().IsMatch(unionId)))
            {
                logger.LogWarning("code exchange attempt {Attempt}: the answer has no usable openid", attempt);
                return (new CodeExchange(CodeExchangeOutcome.Unavailable, Attempts: attempt), Transient: false);
            }

            return (new CodeExchange(CodeExchangeOutcome.Succeeded, openId, string.IsNullOrEmpty(unionId) ? null : unionId, Attempts: attempt), Transient: false);
        }

        var outcome = errorCode switch
        {
            40029 => CodeExchangeOutcome.CodeInvalid,
            40163 => CodeExchangeOutcome.CodeUsed,
            45011 => CodeExchangeOutcome.RateLimited,
            40226 => CodeExchangeOutcome.UserBlocked,
            40013 or 40125 or 41002 or 41004 => CodeExchangeOutcome.Misconfigured,
            _ => CodeExchangeOutcome.Unavailable,
        };
        if (outcome == CodeExchangeOutcome.Misconfigured)
        {
            logger.LogError("the platform refused this app's id or secret (errcode {ErrorCode}): check MiniProgram:AppId and MiniProgram:AppSecret", errorCode);
        }
        else if (outcome == CodeExchangeOutcome.Unavailable)
        {
            logger.LogWarning("code exchange attempt {Attempt}: errcode {ErrorCode}", attempt, errorCode);
        }

        return (new CodeExchange(outcome, ErrorCode: errorCode, Attempts: attempt), Transient: errorCode == -1);
    }

    private static async Task<byte[]> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var buffer = new MemoryStream();
            var chunk = new byte[8192];
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > MaxAnswerBytes)
                {
                    throw new JsonException("the answer is too long");
                }

                buffer.Write(chunk, 0, read);
            }

            return buffer.ToArray();
        }
    }

    /// <summary>The platform's user ids: letters, digits, '-' and '_' (28-char openids, 29-char unionids).</summary>
    [GeneratedRegex("^[A-Za-z0-9_-]{1,128}$")]
    public static partial Regex IdPattern();
}
