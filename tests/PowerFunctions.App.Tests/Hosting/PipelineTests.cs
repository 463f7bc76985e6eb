using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using PowerFunctions.App.Auth;
using PowerFunctions.App.Hosting;
using PowerFunctions.App.Http;
using PowerFunctions.App.Tests.Support;

namespace PowerFunctions.App.Tests.Hosting;

/// <summary>
/// The one request pipeline (standalone here; the Functions host runs the same class from its middleware):
/// errors never leak internals, JSON only as JSON, 401s say nothing about the key, one idempotency key,
/// route values bound by name, the admin paths served through their regex segment.
/// </summary>
public sealed class PipelineTests : IAsyncLifetime
{
    private TestApp _app = null!;

    public async Task InitializeAsync() => _app = await TestApp.StartAsync(
        new Dictionary<string, string?> { ["environment"] = "Development" },
        overrideServices: s => s.AddSingleton(FunctionClasses.Of(typeof(TestFunctions))));

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("GET")]
    [InlineData("POST")]
    public async Task UnhandledError_InDevelopment_ProblemJson500WithoutInternals(string method)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), "/api/test/throws");
        request.Headers.Accept.ParseAdd("text/html"); // the Development exception page would answer HTML here

        var response = await _app.Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("server.error", JsonDocument.Parse(text).RootElement.GetProperty("code").GetString());
        Assert.DoesNotContain(TestFunctions.Secret, text, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", text, StringComparison.Ordinal);
        Assert.DoesNotContain(".cs:line", text, StringComparison.Ordinal);
        var correlationId = response.Headers.GetValues("X-Correlation-Id").Single();
        Assert.Contains(correlationId, text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("application/json", HttpStatusCode.OK)]
    [InlineData("application/json; charset=utf-8", HttpStatusCode.OK)]
    [InlineData("application/merge-patch+json", HttpStatusCode.OK)]
    [InlineData("text/plain", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("application/x-www-form-urlencoded", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("text/json+html", HttpStatusCode.UnsupportedMediaType)]
    [InlineData(null, HttpStatusCode.UnsupportedMediaType)]
    public async Task ReadJson_ByContentType_OnlyJsonRead(string? contentType, HttpStatusCode expected)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes("{\"text\":\"你好\"}"));
        if (contentType is not null)
        {
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        var response = await _app.Client.PostAsync("/api/test/echo", content);

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.UnsupportedMediaType)
        {
            Assert.Equal("request.unsupported_media_type", await CodeAsync(response));
        }
        else
        {
            Assert.Equal("你好", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("text").GetString());
        }
    }

    [Fact]
    public async Task ReadJson_NoBody_400BodyRequired()
    {
        var response = await _app.Client.PostAsync("/api/test/echo", null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("request.body_required", await CodeAsync(response));
    }

    [Theory]
    [InlineData("wrong-key")]
    [InlineData("expired")]
    [InlineData("garbage")]
    [InlineData("missing")]
    public async Task Unauthorized_AnyReason_SaysOnlyMissingOrInvalid(string kind)
    {
        var client = new HttpClient { BaseAddress = _app.BaseAddress };
        var token = kind switch
        {
            "wrong-key" => Token("another-signing-key-0123456789abcdef01234567", DateTime.UtcNow.AddHours(1)),
            "expired" => Token(TestApp.SigningKey, DateTime.UtcNow.AddHours(-1)),
            "garbage" => "eyJhbGciOiJIUzI1NiJ9.e30.x",
            _ => null,
        };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        var response = await client.GetAsync("/api/test/signed-in");
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var detail = problem.GetProperty("detail").GetString();
        Assert.Equal(kind == "missing" ? "the Authorization header with a Bearer token is missing" : "the token is invalid", detail);
        Assert.DoesNotContain("IDX", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task IdempotencyKey_SentTwice_400AndNotJoined()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/test/idempotency");
        request.Headers.TryAddWithoutValidation("Idempotency-Key", ["a", "b"]);

        var response = await _app.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("request.idempotency_key_invalid", await CodeAsync(response));
    }

    [Theory]
    [InlineData("a,b", HttpStatusCode.BadRequest)]
    [InlineData("k-1", HttpStatusCode.OK)]
    public async Task IdempotencyKey_OneHeader_ListRefusedKeyRead(string value, HttpStatusCode expected)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/test/idempotency");
        request.Headers.TryAddWithoutValidation("Idempotency-Key", value);

        var response = await _app.Client.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task RouteValues_BoundToParametersByName()
    {
        var response = await _app.Client.GetAsync("/api/test/items/%E4%B8%AD/part-2?x=1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("中", body.GetProperty("id").GetString());
        Assert.Equal("part-2", body.GetProperty("part").GetString());
        Assert.Equal("1", body.GetProperty("x").GetString());
    }

    [Theory]
    [InlineData("/api/admin/clock", HttpStatusCode.NotFound, "clock.not_manual")]
    [InlineData("/api/ADMIN/clock", HttpStatusCode.NotFound, "clock.not_manual")]
    [InlineData("/api/adminx/clock", HttpStatusCode.NotFound, "route.not_found")]
    [InlineData("/api/other/clock", HttpStatusCode.NotFound, "route.not_found")]
    [InlineData("/api/admin/timers/sweep", HttpStatusCode.OK, null)]
    [InlineData("/api/root/timers/sweep", HttpStatusCode.NotFound, "route.not_found")]
    public async Task AdminPaths_ServedThroughTheRegexSegmentOnly(string path, HttpStatusCode expected, string? code)
    {
        await using var app = await TestApp.StartAsync(new Dictionary<string, string?> { ["Clock:Mode"] = "System", ["Clock:Start"] = null });

        var response = await app.ClientFor("admin").PostAsync(path, new StringContent("{\"advance\":\"P1D\"}", Encoding.UTF8, "application/json"));

        Assert.Equal(expected, response.StatusCode);
        if (code is not null)
        {
            Assert.Equal(code, await CodeAsync(response));
        }
    }

    private static async Task<string?> CodeAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetString();
    }

    private static string Token(string key, DateTime expires) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = TokenService.Issuer,
        Audience = TokenService.Audience,
        Claims = new Dictionary<string, object> { ["sub"] = "u1", ["name"] = "张三", ["roles"] = new[] { "admin" } },
        IssuedAt = expires.AddHours(-2),
        NotBefore = expires.AddHours(-2),
        Expires = expires,
        SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key)), SecurityAlgorithms.HmacSha256),
    });

    /// <summary>Functions that exercise the pipeline.</summary>
    public sealed class TestFunctions
    {
        public const string Secret = "secret-internals-at-/src/PowerFunctions";

        [Function("TestThrows")]
        [Public]
        public IResult Throws([HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = "test/throws")] HttpRequest request) =>
            throw new InvalidOperationException(Secret);

        [Function("TestEcho")]
        [Public]
        public IResult Echo([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "test/echo")] HttpRequest request)
        {
            using var body = request.ReadJson<JsonDocument>();
            return HttpResult.Ok(body.RootElement.Clone());
        }

        [Function("TestSignedIn")]
        [SignedIn]
        public IResult SignedIn([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "test/signed-in")] HttpRequest request) =>
            HttpResult.Ok(new { request.RequireCaller().Subject });

        [Function("TestIdempotency")]
        [Public]
        public IResult Idempotency([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "test/idempotency")] HttpRequest request) =>
            HttpResult.Ok(new { key = request.IdempotencyKey() });

        [Function("TestRoute")]
        [Public]
        public Task<IResult> Route([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "test/items/{id}/{part}")] HttpRequest request, string part, string id, CancellationToken cancellationToken) =>
            Task.FromResult<IResult>(HttpResult.Ok(new { id, part, x = request.QueryValue("x") }));
    }
}
