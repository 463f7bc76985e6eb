using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using PowerFunctions.App.Auth;
using PowerFunctions.App.Hosting;
using PowerFunctions.App.Tests.Support;

namespace PowerFunctions.App.Tests.Hosting;

/// <summary>
/// Issue 16's fuzzing, in the suite: random and malformed bodies, headers, query strings and path segments to every
/// route of the function index, from a fixed seed and a bounded count (seconds). Never a 5xx; every error
/// problem+json (the Open311 routes may answer their own error list); and the requests whose body the pipeline must
/// refuse, or that only read, leave the stored data byte for byte as it was.
/// </summary>
public sealed class FuzzTests : IAsyncLifetime
{
    private const int Seed = 20_261_202;

    private const int PerRoute = 6;

    private static readonly string[] QueryNames = ["status", "from", "days", "unit", "level", "queryCode", "continuation", "limit", "q", "kind", "department", "period", "format", "api_key", "service_request_id"];

    private static readonly string[] NonJsonTypes = ["text/plain", "application/xml", "multipart/form-data; boundary=x", "text/html; charset=utf-8", "garbage/", ";;;"];

    private TestApp _app = null!;

    public async Task InitializeAsync() => _app = await TestApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task EveryRoute_RefusedBodiesAndReads_NoServerErrorProblemJsonAndNothingStored()
    {
        var random = new Random(Seed);
        var client = _app.ClientFor(string.Join(",", Roles.All));
        var before = Snapshot();
        var sent = 0;
        foreach (var function in _app.Get<FunctionIndex>().Http)
        {
            for (var i = 0; i < PerRoute; i++)
            {
                var method = function.Methods[random.Next(function.Methods.Count)];
                using var request = Request(random, function, method);
                if (request is null)
                {
                    continue;
                }

                if (method != "GET")
                {
                    // A body the pipeline refuses before the function runs: broken JSON, over a limit, or not JSON.
                    request.Content = RefusedBody(random);
                }

                await AssertSaneAsync(client, request);
                sent++;
            }
        }

        Assert.True(sent > _app.Get<FunctionIndex>().Http.Count() * PerRoute / 2, $"only {sent} requests were sent");
        Assert.Equal(before, Snapshot());
    }

    [Fact]
    public async Task EveryRoute_RandomJsonShapes_NoServerErrorAndProblemJson()
    {
        var random = new Random(Seed + 1);
        var clients = new[] { _app.ClientFor(string.Join(",", Roles.All)), _app.ClientFor("citizen", subject: "c-fuzz"), _app.Client };
        foreach (var function in _app.Get<FunctionIndex>().Http)
        {
            for (var i = 0; i < PerRoute; i++)
            {
                var method = function.Methods[random.Next(function.Methods.Count)];
                using var request = Request(random, function, method);
                if (request is null)
                {
                    continue;
                }

                if (method != "GET")
                {
                    request.Content = new StringContent(RandomJson(random, 0), Encoding.UTF8, "application/json");
                }

                await AssertSaneAsync(clients[random.Next(clients.Length)], request);
            }
        }
    }

    /// <summary>A request to <paramref name="function"/> with junk route values, query and headers; null when no valid URI came out.</summary>
    private static HttpRequestMessage? Request(Random random, HttpFunction function, string method)
    {
        var route = Regex.Replace(Regex.Replace(function.Route, @"\{area:[^}]+\}", "admin"), @"\{[^}]+\}", _ => PathJunk(random));
        var query = string.Join("&", Enumerable.Range(0, random.Next(4)).Select(_ => $"{QueryNames[random.Next(QueryNames.Length)]}={Uri.EscapeDataString(Junk(random))}"));
        Uri uri;
        try
        {
            uri = new Uri("/api/" + route + (query.Length > 0 ? "?" + query : string.Empty), UriKind.Relative);
        }
        catch (UriFormatException)
        {
            return null;
        }

        var request = new HttpRequestMessage(new HttpMethod(method), uri);
        if (random.Next(3) == 0)
        {
            request.Headers.TryAddWithoutValidation("If-Match", HeaderJunk(random));
        }

        if (random.Next(3) == 0)
        {
            request.Headers.TryAddWithoutValidation("Idempotency-Key", random.Next(2) == 0 ? HeaderJunk(random) : "a,b");
        }

        if (random.Next(4) == 0)
        {
            request.Headers.TryAddWithoutValidation("X-Correlation-Id", HeaderJunk(random));
        }

        if (random.Next(4) == 0)
        {
            request.Headers.TryAddWithoutValidation("Accept", HeaderJunk(random));
        }

        return request;
    }

    /// <summary>A body the pipeline must refuse whatever the route: broken JSON, JSON over a limit, or a body that is not JSON.</summary>
    private static HttpContent RefusedBody(Random random)
    {
        var (body, isJson) = random.Next(5) switch
        {
            0 => ("{\u0001" + Encoding.Latin1.GetString(RandomBytes(random, random.Next(1, 2_000))), true),
            1 => ("[" + RandomJson(random, 0), true),
            2 => ("{\"a\":" + new string('[', 50) + new string(']', 50) + "}", true),
            3 => ("{\"reason\":\"" + new string('长', 6_000) + "\"}", true),
            _ => ("{}", false),
        };
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = null;
        content.Headers.TryAddWithoutValidation("Content-Type", isJson && random.Next(4) != 0 ? "application/json" : NonJsonTypes[random.Next(NonJsonTypes.Length)]);
        return content;
    }

    /// <summary>Random JSON: any value, objects with API-like names, strings of any length, numbers of any size.</summary>
    private static string RandomJson(Random random, int depth)
    {
        string[] names = ["reason", "opinion", "role", "recommendation", "outcome", "method", "recipient", "advance", "set", "holidays", "form", "materials", "code", "name", "kind", "department", "itemCode", "applicant", "content", "contact", "count", "workingDays", "expectedUntil", "votes", "attendees", "level", "caseNo"];
        return (depth > 3 ? random.Next(4) : random.Next(7)) switch
        {
            0 => "null",
            1 => random.Next(2) == 0 ? "true" : "false",
            2 => random.Next(3) switch { 0 => "-1", 1 => "1e400", _ => random.Next().ToString(System.Globalization.CultureInfo.InvariantCulture) },
            3 => JsonSerializer.Serialize(Junk(random)),
            4 => "[" + string.Join(",", Enumerable.Range(0, random.Next(4)).Select(_ => RandomJson(random, depth + 1))) + "]",
            _ => "{" + string.Join(",", Enumerable.Range(0, random.Next(5)).Select(_ => $"\"{names[random.Next(names.Length)]}\":{RandomJson(random, depth + 1)}")) + "}",
        };
    }

    private static string Junk(Random random) => random.Next(8) switch
    {
        0 => string.Empty,
        1 => new string('a', random.Next(1, 3_000)),
        2 => "' OR 1=1 --",
        3 => "../../etc/passwd",
        4 => "2026-02-30",
        5 => "P-1D",
        6 => new string(Enumerable.Range(0, random.Next(1, 20)).Select(_ => (char)random.Next(1, 0xD7FF)).ToArray()),
        _ => random.Next(int.MinValue, int.MaxValue).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>Junk a client can put in a header (printable ASCII: HttpClient refuses the rest).</summary>
    private static string HeaderJunk(Random random) => new(Junk(random).Select(c => c is >= ' ' and < (char)127 ? c : '?').ToArray());

    private static string PathJunk(Random random) => random.Next(6) switch
    {
        0 => Uri.EscapeDataString(Junk(random)),
        1 => "%00",
        2 => "%E4",
        3 => "..",
        4 => "XK-D01-0002",
        _ => Uri.EscapeDataString(new string('z', random.Next(1, 400))),
    };

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private static async Task AssertSaneAsync(HttpClient client, HttpRequestMessage request)
    {
        var what = $"{request.Method} {request.RequestUri} ({request.Content?.Headers.ContentType})";
        var open311 = request.RequestUri!.OriginalString.StartsWith("/api/open311/", StringComparison.Ordinal);
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode < 500, $"{what} answered {(int)response.StatusCode}: {text}");
        if ((int)response.StatusCode < 400)
        {
            return;
        }

        if (open311 && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            Assert.True((int)response.StatusCode is 400 or 403 or 404, $"{what} answered {(int)response.StatusCode}: {text}");
            return;
        }

        Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json", $"{what} answered {(int)response.StatusCode} without problem+json: {text}");
        using var problem = JsonDocument.Parse(text);
        Assert.False(string.IsNullOrEmpty(problem.RootElement.GetProperty("code").GetString()), what);
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
    }

    /// <summary>A digest of every row of every table of the embedded store (its blobs and queues are tables too).</summary>
    private string Snapshot()
    {
        var file = Path.Combine(_app.DataPath, PowerFunctions.Storage.Embedded.EmbeddedStorageAccount.DatabaseFileName);
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        var tables = new List<string>();
        using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name";
            using var reader = list.ExecuteReader();
            while (reader.Read())
            {
                tables.Add(reader.GetString(0));
            }
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var table in tables)
        {
            using var rows = connection.CreateCommand();
            rows.CommandText = $"SELECT * FROM \"{table.Replace("\"", "\"\"", StringComparison.Ordinal)}\" ORDER BY 1";
            using var reader = rows.ExecuteReader();
            hash.AppendData(Encoding.UTF8.GetBytes(table));
            while (reader.Read())
            {
                for (var c = 0; c < reader.FieldCount; c++)
                {
                    hash.AppendData(Encoding.UTF8.GetBytes(Convert.ToString(reader.GetValue(c), System.Globalization.CultureInfo.InvariantCulture) ?? "∅"));
                    hash.AppendData("\u001f"u8);
                }
            }
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }
}
