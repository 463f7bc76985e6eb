using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace PowerFunctions.Benchmarks.Startup;

/// <summary>
/// The yardstick of the start-up benchmark: a bare Kestrel app (the same slim builder, one
/// <c>GET /api/health</c> answering a small JSON), started the same way as the function app
/// (<c>dotnet PowerFunctions.Benchmarks.dll bare-kestrel --urls=…</c>).
/// </summary>
public static class BareKestrel
{
    public const string Command = "bare-kestrel";

    public static async Task<int> RunAsync(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        var app = builder.Build();
        app.MapGet("/api/health", () => Results.Json(new { status = "ok" }));
        await app.RunAsync();
        return 0;
    }
}
