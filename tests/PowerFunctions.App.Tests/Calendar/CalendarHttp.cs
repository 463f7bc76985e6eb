using System.Net;
using System.Text;
using System.Text.Json;
using PowerFunctions.App.Features.Calendar;
using PowerFunctions.App.Tests.Support;

namespace PowerFunctions.App.Tests.Calendar;

/// <summary>Helpers shared by the calendar HTTP tests.</summary>
internal static class CalendarHttp
{
    public static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    public static async Task<bool> LoadedAsync(TestApp app, int year) =>
        JsonDocument.Parse(await app.Client.GetStringAsync($"/api/calendar/{year}")).RootElement.GetProperty("loaded").GetBoolean();

    public static async Task AssertNotStoredAsync(TestApp app, int year)
    {
        Assert.False(await LoadedAsync(app, year));
        var page = await app.Get<PowerFunctions.Storage.IStorageAccount>().GetTableClient(StoredCalendarProvider.TableName)
            .QueryAsync(PowerFunctions.Storage.TableQuery.Partition("schedules"));
        Assert.Empty(page.Entities);
    }

    public static async Task<IReadOnlyCollection<string>> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code, params string[] fields)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {status}, got {response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(text);
        Assert.Equal(code, json.RootElement.GetProperty("code").GetString());
        Assert.Contains(json.RootElement.GetProperty("title").GetString()!, t => t > '\u4e00');
        var keys = json.RootElement.TryGetProperty("errors", out var errors)
            ? errors.EnumerateObject().Select(p => p.Name).ToList()
            : [];
        foreach (var field in fields)
        {
            Assert.True(keys.Contains(field), $"no error for {field} in {text}");
        }

        return keys;
    }
}
