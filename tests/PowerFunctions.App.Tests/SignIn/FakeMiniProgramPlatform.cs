using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PowerFunctions.App.Tests.SignIn;

/// <summary>
/// The mini-program platform's code-to-session endpoint on loopback, answering as the platform documents:
/// <c>GET /sns/jscode2session?appid=&amp;secret=&amp;js_code=&amp;grant_type=authorization_code</c> →
/// <c>{openid, session_key, unionid?}</c> (content type <c>text/plain</c>, as the platform sends it) or
/// <c>{errcode, errmsg}</c>: 40029 for a code it never issued, 40163 for a code already used, 40125 for a wrong
/// secret, 40013 for a wrong app id. A test issues codes for users (<see cref="IssueCode"/>, as <c>wx.login</c>
/// would) and may script a code's answers (errors, slowness, HTTP failures) one call at a time.
/// </summary>
public sealed class FakeMiniProgramPlatform : IAsyncDisposable
{
    public const string AppId = "wx0123456789abcdef";
    public const string AppSecret = "s3cr3t-0f-the-app-0123456789abcdef";

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, (string OpenId, string? UnionId)> _codes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _used = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentQueue<PlatformAnswer>> _scripts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _calls = new(StringComparer.Ordinal);
    private readonly ConcurrentBag<string> _sessionKeys = [];

    private FakeMiniProgramPlatform(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>Every session key the platform handed out (none may ever be stored or logged by the app).</summary>
    public IReadOnlyCollection<string> SessionKeys => _sessionKeys;

    public int TotalCalls => _calls.Values.Sum();

    public static async Task<FakeMiniProgramPlatform> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        FakeMiniProgramPlatform? platform = null;
        app.MapGet("/sns/jscode2session", (HttpContext context) => platform!.AnswerAsync(context));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        platform = new FakeMiniProgramPlatform(app, new Uri(address));
        return platform;
    }

    /// <summary>A fresh login code for a user, as <c>wx.login</c> gives the mini-program.</summary>
    public string IssueCode(string openId, string? unionId = null)
    {
        var code = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        _codes[code] = (openId, unionId);
        return code;
    }

    /// <summary>The answers to the next calls with <paramref name="code"/>, in order; after them the platform answers as usual.</summary>
    public void Script(string code, params PlatformAnswer[] answers) => _scripts[code] = new ConcurrentQueue<PlatformAnswer>(answers);

    public int Calls(string code) => _calls.GetValueOrDefault(code);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task AnswerAsync(HttpContext context)
    {
        var query = context.Request.Query;
        var code = query["js_code"].ToString();
        _calls.AddOrUpdate(code, 1, (_, n) => n + 1);
        if (_scripts.TryGetValue(code, out var script) && script.TryDequeue(out var scripted))
        {
            if (scripted.Delay > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(scripted.Delay, context.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }

            if (scripted.HttpStatus is { } status)
            {
                context.Response.StatusCode = status;
                await context.Response.WriteAsync("<html>server error</html>");
                return;
            }

            if (scripted.ErrorCode is { } errcode)
            {
                await WriteAsync(context, $$"""{"errcode":{{errcode}},"errmsg":"{{scripted.ErrorMessage}}, rid: 6500d0b1-1a2b3c4d-5e6f7a8b"}""");
                return;
            }

            if (scripted.Raw is { } raw)
            {
                await WriteAsync(context, raw);
                return;
            }
        }

        if (query["appid"] != AppId)
        {
            await WriteAsync(context, """{"errcode":40013,"errmsg":"invalid appid"}""");
            return;
        }

        if (query["secret"] != AppSecret)
        {
            await WriteAsync(context, """{"errcode":40125,"errmsg":"invalid appsecret"}""");
            return;
        }

        if (query["grant_type"] != "authorization_code" || !_codes.TryGetValue(code, out var user))
        {
            await WriteAsync(context, """{"errcode":40029,"errmsg":"invalid code"}""");
            return;
        }

        if (!_used.TryAdd(code, 0))
        {
            await WriteAsync(context, """{"errcode":40163,"errmsg":"code been used"}""");
            return;
        }

        var sessionKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        _sessionKeys.Add(sessionKey);
        var union = user.UnionId is null ? string.Empty : $",\"unionid\":\"{user.UnionId}\"";
        await WriteAsync(context, $"{{\"session_key\":\"{sessionKey}\",\"openid\":\"{user.OpenId}\"{union}}}");
    }

    private static Task WriteAsync(HttpContext context, string body)
    {
        context.Response.ContentType = "text/plain";
        return context.Response.WriteAsync(body);
    }
}
