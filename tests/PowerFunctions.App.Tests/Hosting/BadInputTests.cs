using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using PowerFunctions.App.Http;
using PowerFunctions.App.Tests.Support;

namespace PowerFunctions.App.Tests.Hosting;

/// <summary>
/// Issue 16, bad input at the edge: Kestrel's own refusals (raw sockets), bodies on routes that take none, media
/// types, and the JSON limits every body meets (<see cref="JsonLimits"/>). Each answer is problem+json with a code.
/// </summary>
public sealed class BadInputTests : IAsyncLifetime
{
    private TestApp _app = null!;

    public async Task InitializeAsync() => _app = await TestApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    public static TheoryData<string, int, string> KestrelRefusals() => new()
    {
        { "GARBAGE\r\n\r\n", 400, "request.bad_request" },
        { "GET /api/health HTTP/1.1 extra\r\nHost: x\r\n\r\n", 400, "request.bad_request" },
        { "GET /api/health?" + new string('a', 10_000) + " HTTP/1.1\r\nHost: x\r\n\r\n", 414, "request.uri_too_long" },
        { "GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: " + new string('b', 40_000) + "\r\n\r\n", 431, "request.headers_too_large" },
        { "GET /api/health HTTP/1.1\r\nHost: x\r\n" + string.Concat(Enumerable.Range(0, 120).Select(i => $"X-H{i}: v\r\n")) + "\r\n", 431, "request.headers_too_large" },
        { "POST /api/admin/timers/sweep HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Type: application/json\r\n\r\nZZ\r\n{}\r\n0\r\n\r\n", 400, "request.bad_request" },
    };

    [Theory]
    [MemberData(nameof(KestrelRefusals))]
    public async Task RawRequest_KestrelRefuses_ProblemJsonWithItsStatus(string raw, int status, string code)
    {
        var (head, body) = await SendRawAsync(raw);

        Assert.StartsWith($"HTTP/1.1 {status} ", head, StringComparison.Ordinal);
        Assert.Contains("Content-Type: application/problem+json", head, StringComparison.Ordinal);
        using var problem = JsonDocument.Parse(body);
        Assert.Equal(code, problem.RootElement.GetProperty("code").GetString());
        Assert.Equal(status, problem.RootElement.GetProperty("status").GetInt32());
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RawRequest_GoodAfterGood_KeepAliveUntouched()
    {
        var (head, body) = await SendRawAsync("GET /api/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

        Assert.StartsWith("HTTP/1.1 200 ", head, StringComparison.Ordinal);
        Assert.Contains("\"status\"", body, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string?, int, string> BodiesOnBodylessRoutes() => new()
    {
        { "/api/admin/timers/sweep", "{", "application/json", 400, "request.malformed_json" },
        { "/api/admin/timers/sweep", "not json", "application/json", 400, "request.malformed_json" },
        { "/api/admin/timers/sweep", "not json", "text/plain", 415, "request.unsupported_media_type" },
        { "/api/admin/timers/sweep", "{}", null, 415, "request.unsupported_media_type" },
        { "/api/admin/timers/sweep", "[" + string.Join(",", Enumerable.Repeat("1", 600_000)) + "]", "application/json", 413, "request.too_large" },
    };

    [Theory]
    [MemberData(nameof(BodiesOnBodylessRoutes))]
    public async Task Sweep_GarbageBody_RefusedNotIgnored(string path, string body, string? contentType, int status, string code)
    {
        var admin = _app.ClientFor("admin");
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        if (contentType is not null)
        {
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        }

        var response = await admin.PostAsync(path, content);

        await AssertProblemAsync(response, status, code);
    }

    [Fact]
    public async Task Sweep_EmptyBody_StillAllowed()
    {
        var response = await _app.ClientFor("admin").PostAsync("/api/admin/timers/sweep", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public static TheoryData<string, string, string> OverLimits() => new()
    {
        { "{\"advance\":\"" + new string('x', JsonLimits.DefaultMaxString + 1) + "\"}", "request.field_too_long", "$.advance" },
        { "{\"a\":" + new string('[', 40) + new string(']', 40) + "}", "request.too_deep", string.Empty },
        { "{\"x\":[" + string.Join(",", Enumerable.Repeat("0", JsonLimits.DefaultMaxItems + 1)) + "]}", "request.too_many_items", "$.x[100]" },
        { "{" + string.Join(",", Enumerable.Range(0, JsonLimits.MaxProperties + 1).Select(i => $"\"p{i}\":0")) + "}", "request.too_many_items", "$" },
        { "{" + string.Join(",", Enumerable.Range(0, 10).Select(i => $"\"note{i}\":\"{new string('<', 450)}\"")) + "}", "request.body_text_too_long", string.Empty },
    };

    [Theory]
    [MemberData(nameof(OverLimits))]
    public async Task AnyJsonBody_OverALimit_422NamingThePath(string body, string code, string field)
    {
        var response = await _app.ClientFor("admin").PostAsync("/api/admin/clock", new StringContent(body, Encoding.UTF8, "application/json"));

        var problem = await AssertProblemAsync(response, 422, code);
        if (field.Length > 0)
        {
            Assert.Equal(field, problem.GetProperty("field").GetString());
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
        }
    }

    [Fact]
    public async Task CalendarPut_3000IdenticalHolidays_422AtTheListLimitAndNothingStored()
    {
        var holiday = "{\"name\":\"国庆节\",\"from\":\"2027-10-01\",\"to\":\"2027-10-07\"}";
        var body = "{\"holidays\":[" + string.Join(",", Enumerable.Repeat(holiday, 3000)) + "],\"makeupWorkdays\":[]}";
        var admin = _app.ClientFor("admin");

        var response = await admin.PutAsync("/api/calendar/2027", new StringContent(body, Encoding.UTF8, "application/json"));

        var problem = await AssertProblemAsync(response, 422, "request.too_many_items");
        Assert.Equal("$.holidays[60]", problem.GetProperty("field").GetString());
        Assert.True(response.Content.Headers.ContentLength < 2_000);
        var year = await (await _app.Client.GetAsync("/api/calendar/2027")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("\"savedBy\":\"", year, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CalendarPut_60IdenticalHolidays_OneMessagePerHolidayCapped()
    {
        var holiday = "{\"name\":\"国庆节\",\"from\":\"2027-10-01\",\"to\":\"2027-10-07\"}";
        var body = "{\"holidays\":[" + string.Join(",", Enumerable.Repeat(holiday, 60)) + "],\"makeupWorkdays\":[]}";

        var response = await _app.ClientFor("admin").PutAsync("/api/calendar/2027", new StringContent(body, Encoding.UTF8, "application/json"));

        var problem = await AssertProblemAsync(response, 422, "calendar.invalid_schedule");
        var messages = problem.GetProperty("errors").EnumerateObject().Sum(e => e.Value.GetArrayLength());
        Assert.Equal(21, messages); // 20 overlaps named, one counting the other 39
    }

    [Fact]
    public async Task Route_IdStorageCannotTake_422NotServerError()
    {
        var response = await _app.ClientFor("admin").GetAsync("/api/experts/" + new string('e', 1_500));

        await AssertProblemAsync(response, 422, "request.value_not_storable");
    }

    [Fact]
    public async Task JsonRoute_JsonSentAsTextPlain_415()
    {
        var response = await _app.ClientFor("admin").PostAsync("/api/admin/clock", new StringContent("{\"advance\":\"P1D\"}", Encoding.UTF8, "text/plain"));

        await AssertProblemAsync(response, 415, "request.unsupported_media_type");
    }

    private static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, int status, string code)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"{(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement.Clone();
        Assert.Equal(code, problem.GetProperty("code").GetString());
        return problem;
    }

    /// <summary>Writes <paramref name="raw"/> on a new connection and reads the answer until the server closes it or its body is complete.</summary>
    private async Task<(string Head, string Body)> SendRawAsync(string raw)
    {
        var app = _app;
        using var client = new TcpClient();
        await client.ConnectAsync(app.BaseAddress.Host, app.BaseAddress.Port);
        using var stream = client.GetStream();
        try
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes(raw));
        }
        catch (IOException)
        {
            // Kestrel may answer and close before it has read everything we send.
        }

        using var received = new MemoryStream();
        var buffer = new byte[16 * 1024];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            int read;
            try
            {
                read = await stream.ReadAsync(buffer, timeout.Token);
            }
            catch (IOException)
            {
                break;
            }

            if (read == 0)
            {
                break;
            }

            received.Write(buffer, 0, read);
            var text = Encoding.UTF8.GetString(received.ToArray());
            var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            if (end >= 0 && System.Text.RegularExpressions.Regex.Match(text[..end], @"Content-Length: (\d+)") is { Success: true } length
                && Encoding.UTF8.GetByteCount(text[(end + 4)..]) >= int.Parse(length.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))
            {
                break;
            }
        }

        var all = Encoding.UTF8.GetString(received.ToArray());
        var split = all.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        return split < 0 ? (all, string.Empty) : (all[..split], all[(split + 4)..]);
    }
}
