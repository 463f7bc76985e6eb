using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace PowerFunctions.App.Tests.Support;

/// <summary>Applications for the real sample catalog (食品经营许可, XK-D01-0002, department D01) and JSON helpers.</summary>
public static class SampleApplications
{
    public const string Item = "XK-D01-0002";

    /// <summary>Submits a complete application as <paramref name="citizen"/>; answers the case number.</summary>
    public static async Task<string> SubmitAsync(HttpClient citizen)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/applications")
        {
            Content = JsonContent.Create(new
            {
                itemCode = Item,
                applicant = new { name = "张小三", idType = "身份证", idNumber = "410102199001011234", phone = "13800000000" },
                materials = new[] { "M01", "M02", "M03", "M04" }.Select(c => new { code = c, name = "材料" + c }),
                form = new { address = "郑州市金水区" },
            }),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        var response = await citizen.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        return JsonDocument.Parse(text).RootElement.GetProperty("caseNo").GetString()!;
    }

    public static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    public static async Task<string?> CodeOf(HttpResponseMessage response) =>
        (await Json(response)).GetProperty("code").GetString();
}
