using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PowerFunctions.Benchmarks.Cases;

/// <summary>
/// The yardstick of the <c>submit</c> benchmark: the machine's practical ceiling for one durable write
/// per request. A minimal Kestrel app (slim builder, one route, no auth, no logging) whose
/// <c>POST /bare</c> reads the body and inserts it as one row into its own SQLite file, in its own
/// transaction (autocommit), with the journal settings of the embedded store (WAL,
/// <c>synchronous=NORMAL</c>), and answers 201 with the row's id. One connection, its insert prepared
/// once; requests take turns on it, as writers of one SQLite file must.
/// </summary>
public sealed class BareSqliteEndpoint : IAsyncDisposable
{
    public const string Path = "/bare";

    private readonly WebApplication _app;
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _insert;
    private readonly Lock _gate = new();

    private BareSqliteEndpoint(WebApplication app, SqliteConnection connection)
    {
        _app = app;
        _connection = connection;
        _insert = connection.CreateCommand();
        _insert.CommandText = "INSERT INTO rows(received, body) VALUES($received, $body) RETURNING id";
        _insert.Parameters.Add("$received", SqliteType.Integer);
        _insert.Parameters.Add("$body", SqliteType.Blob);
        _insert.Prepare();
    }

    /// <summary>Where to POST, e.g. <c>http://127.0.0.1:41234/bare</c>.</summary>
    public Uri Address { get; private set; } = null!;

    /// <summary>Starts the endpoint on a free loopback port with its database in <paramref name="folder"/>.</summary>
    public static async Task<BareSqliteEndpoint> StartAsync(string folder)
    {
        Directory.CreateDirectory(folder);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = System.IO.Path.Combine(folder, "bare.db"),
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        }.ToString());
        connection.Open();
        using (var setup = connection.CreateCommand())
        {
            setup.CommandText = """
                PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA temp_store=MEMORY;
                CREATE TABLE IF NOT EXISTS rows(id INTEGER PRIMARY KEY, received INTEGER NOT NULL, body BLOB NOT NULL);
                """;
            setup.ExecuteNonQuery();
        }

        var builder = WebApplication.CreateSlimBuilder(["--urls=http://127.0.0.1:0"]);
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var endpoint = new BareSqliteEndpoint(app, connection);
        app.MapPost(Path, endpoint.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        endpoint.Address = new Uri(new Uri(address), Path);
        return endpoint;
    }

    /// <summary>The rows stored so far.</summary>
    public long RowCount()
    {
        lock (_gate)
        {
            using var count = _connection.CreateCommand();
            count.CommandText = "SELECT count(*) FROM rows";
            return (long)count.ExecuteScalar()!;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _insert.Dispose();
        _connection.Dispose();
    }

    private async Task<IResult> HandleAsync(HttpRequest request)
    {
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body);
        long id;
        lock (_gate)
        {
            _insert.Parameters[0].Value = TimeProvider.System.GetUtcNow().UtcTicks;
            _insert.Parameters[1].Value = body.ToArray();
            id = (long)_insert.ExecuteScalar()!;
        }

        return Results.Json(new { id }, statusCode: StatusCodes.Status201Created);
    }
}
