using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using PowerFunctions.App.Auth;
using PowerFunctions.App.Hosting;
using PowerFunctions.App.Tests.Support;

namespace PowerFunctions.App.Tests.Hosting;

/// <summary>
/// Garbage to every declared HTTP route (route values filled with junk): malformed JSON, wrong types,
/// bodies over the limit, wrong methods, odd paths, bad tokens. Never a 500; every error is problem+json.
/// </summary>
public sealed class GarbageTests : IAsyncLifetime
{
    private const long MaxBody = 8 * 1024;

    private static readonly string[] JunkValues = ["x", "0", "-1", "%27%20OR%201%3D1", "..%2F..%2Fetc", "%E4%B8%AD%E6%96%87", new string('z', 300), "%20", "%E4"];

    private static readonly string[] JunkBodies =
    [
        "{",
        "not json",
        "[]",
        "null",
        "42",
        "\"text\"",
        "{\"a\":}",
        "{\"itemCode\":123,\"applicant\":\"x\",\"materials\":{},\"advance\":5,\"set\":[],\"holidays\":\"none\",\"status\":{}}",
        "{\"advance\":\"P-1D\"}",
        "{\"set\":\"yesterday\"}",
        "{}",
        "\uFEFF{}",
        "{\"a\":1,}",
        "{\"a\":1} trailing",
    ];

    private TestApp _app = null!;

    public async Task InitializeAsync() => _app = await TestApp.StartAsync(new Dictionary<string, string?> { ["Http:MaxBodyBytes"] = MaxBody.ToString(System.Globalization.CultureInfo.InvariantCulture) });

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task EveryRoute_GarbageBodiesWithEveryRole_NoServerErrorAndProblemJson()
    {
        var all = _app.ClientFor(string.Join(",", Roles.All));

        // Bodies against two fillings of each route (the route values get their own test below).
        foreach (var (function, path) in Paths(2))
        {
            foreach (var method in function.Methods)
            {
                foreach (var body in JunkBodies)
                {
                    await AssertSaneAsync(all, method, path, new StringContent(body, Encoding.UTF8, "application/json"));
                }

                await AssertSaneAsync(all, method, path, new ByteArrayContent([0xff, 0xfe, 0x00, 0x01]));
                await AssertSaneAsync(all, method, path, null);
            }
        }
    }

    [Fact]
    public async Task EveryRoute_BodyOverLimit_Answers413Problem()
    {
        var all = _app.ClientFor(string.Join(",", Roles.All));
        foreach (var (function, path) in Paths().DistinctBy(p => p.Function.Name))
        {
            foreach (var method in function.Methods.Where(m => m is not "GET" and not "HEAD"))
            {
                var big = new string('a', (int)MaxBody + 1);
                var response = await AssertSaneAsync(all, method, path, new StringContent(big, Encoding.UTF8, "application/json"));
                Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);

                // Chunked (no Content-Length): cut off while reading.
                var chunked = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(big)));
                chunked.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = chunked };
                request.Headers.TransferEncodingChunked = true;
                var chunkedResponse = await all.SendAsync(request);
                Assert.Equal(HttpStatusCode.RequestEntityTooLarge, chunkedResponse.StatusCode);
            }
        }
    }

    [Fact]
    public async Task EveryRoute_WrongMethod_Answers405ProblemWithAllow()
    {
        var all = _app.ClientFor(string.Join(",", Roles.All));
        var index = _app.Get<FunctionIndex>();
        foreach (var (function, path) in Paths().DistinctBy(p => p.Function.Name))
        {
            // Methods no function whose template matches this path answers.
            var taken = index.Http
                .Where(f => new TemplateMatcher(TemplateParser.Parse("api/" + f.Route), new RouteValueDictionary()).TryMatch(path, new RouteValueDictionary()))
                .SelectMany(f => f.Methods)
                .ToHashSet(StringComparer.OrdinalIgnoreCase);
            foreach (var method in new[] { "GET", "POST", "PUT", "DELETE", "PATCH" }.Where(m => !taken.Contains(m)))
            {
                var response = await AssertSaneAsync(all, method, path, method is "GET" or "DELETE" ? null : new StringContent("{}", Encoding.UTF8, "application/json"));
                Assert.True(response.StatusCode == HttpStatusCode.MethodNotAllowed, $"{method} {path}: {(int)response.StatusCode}");
                Assert.NotEmpty(response.Content.Headers.Allow);
            }
        }
    }

    [Fact]
    public async Task EveryProtectedRoute_MissingInvalidOrExpiredToken_Answers401()
    {
        var tokens = new[] { null, "garbage", "a.b.c", ExpiredToken(), WrongKeyToken(), _app.Token("admin") + "x" };
        foreach (var (function, path) in Paths().Where(p => !p.Function.Access.IsPublic).DistinctBy(p => p.Function.Name))
        {
            foreach (var token in tokens)
            {
                var client = new HttpClient { BaseAddress = _app.BaseAddress };
                if (token is not null)
                {
                    client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
                }

                var response = await AssertSaneAsync(client, function.Methods[0], path, new StringContent("{}", Encoding.UTF8, "application/json"));
                Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            }

            var basic = new HttpClient { BaseAddress = _app.BaseAddress };
            basic.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", "dXNlcjpwYXNz");
            Assert.Equal(HttpStatusCode.Unauthorized, (await AssertSaneAsync(basic, function.Methods[0], path, null)).StatusCode);
        }
    }

    [Fact]
    public async Task EveryRoleRestrictedRoute_WrongRole_Answers403()
    {
        foreach (var (function, path) in Paths().Where(p => p.Function.Access.Roles.Count > 0).DistinctBy(p => p.Function.Name))
        {
            var wrong = Roles.All.Where(r => !function.Access.Roles.Contains(r)).ToList();
            var client = _app.ClientFor(string.Join(",", wrong));

            var response = await AssertSaneAsync(client, function.Methods[0], path, new StringContent("{}", Encoding.UTF8, "application/json"));

            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }
    }

    [Fact]
    public async Task EveryRoute_JunkRouteValuesAndQuery_NoServerErrorAndProblemJson()
    {
        var all = _app.ClientFor(string.Join(",", Roles.All));
        foreach (var (function, path) in Paths())
        {
            foreach (var method in function.Methods)
            {
                await AssertSaneAsync(all, method, path + "?status=%00&from=x&days=-1&unit=none&level=purple&queryCode=%27", method is "GET" ? null : new StringContent("{}", Encoding.UTF8, "application/json"));
            }
        }
    }

    [Theory]
    [InlineData("/api")]
    [InlineData("/api/")]
    [InlineData("/api//health")]
    [InlineData("/api/health/extra")]
    [InlineData("/api/%2e%2e/%2e%2e/etc/passwd")]
    [InlineData("/api/" + "a/b/c/d/e/f/g/h/i/j/k/l/m/n/o/p")]
    [InlineData("/")]
    [InlineData("/favicon.ico")]
    [InlineData("/api/health?x=%ZZ")]
    [InlineData("/Health")]
    public async Task OddPath_Anything_ProblemNotServerError(string path)
    {
        foreach (var method in new[] { "GET", "POST", "PUT", "DELETE" })
        {
            await AssertSaneAsync(_app.Client, method, path, null);
        }
    }

    /// <summary>Every HTTP route with its parameters filled by each junk value.</summary>
    private IEnumerable<(HttpFunction Function, string Path)> Paths(int fillings = int.MaxValue)
    {
        foreach (var function in _app.Get<FunctionIndex>().Http)
        {
            foreach (var junk in JunkValues.Take(fillings))
            {
                // {area:regex(^admin$)} only takes "admin" (API.md's /api/admin/... paths); every other value gets the junk.
                var route = Regex.Replace(Regex.Replace(function.Route, @"\{area:[^}]+\}", "admin"), @"\{[^}]+\}", junk);
                yield return (function, "/api/" + route);
            }
        }
    }

    private static async Task<HttpResponseMessage> AssertSaneAsync(HttpClient client, string method, string path, HttpContent? content)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = content };
        var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode < 500, $"{method} {path} answered {(int)response.StatusCode}: {text}");
        Assert.True(response.Headers.Contains("X-Correlation-Id"), $"{method} {path} answered without X-Correlation-Id");
        if ((int)response.StatusCode >= 400)
        {
            Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json", $"{method} {path} answered {(int)response.StatusCode} without problem+json: {text}");
            using var problem = System.Text.Json.JsonDocument.Parse(text);
            Assert.False(string.IsNullOrEmpty(problem.RootElement.GetProperty("code").GetString()));
            Assert.False(string.IsNullOrEmpty(problem.RootElement.GetProperty("title").GetString()));
        }

        return response;
    }

    private static string ExpiredToken() => SignedToken(TestApp.SigningKey, DateTime.UtcNow.AddHours(-3), DateTime.UtcNow.AddHours(-2));

    private static string WrongKeyToken() => SignedToken("another-signing-key-0123456789abcdef01234567", DateTime.UtcNow, DateTime.UtcNow.AddHours(1));

    private static string SignedToken(string key, DateTime notBefore, DateTime expires) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = TokenService.Issuer,
        Audience = TokenService.Audience,
        Claims = new Dictionary<string, object> { ["sub"] = "u1", ["name"] = "张三", ["roles"] = Roles.All.ToArray() },
        IssuedAt = notBefore,
        NotBefore = notBefore,
        Expires = expires,
        SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key)), SecurityAlgorithms.HmacSha256),
    });
}
