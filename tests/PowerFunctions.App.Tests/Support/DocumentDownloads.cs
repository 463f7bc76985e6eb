namespace PowerFunctions.App.Tests.Support;

/// <summary>Sealed documents read as a supervisor (they read every department's): <c>GET /api/documents/{id}</c> needs a reader.</summary>
public static class DocumentDownloads
{
    /// <summary>A client for a supervisor; the caller disposes it.</summary>
    public static HttpClient DocumentReader(this TestApp app) => app.ClientFor("supervisor", "", "sup-doc", "周监察");

    /// <summary>The PDF of document <paramref name="id"/> (fails unless 200).</summary>
    public static async Task<byte[]> DocumentAsync(this TestApp app, string id)
    {
        using var reader = app.DocumentReader();
        return await reader.GetByteArrayAsync($"/api/documents/{id}");
    }
}
