using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using PowerFunctions.App.Tests.Support;

namespace PowerFunctions.App.Tests.Catalog;

/// <summary>The public catalog over the sample data: list shape, filters, the full guide, flowcharts.</summary>
public sealed class CatalogPublicTests : IAsyncLifetime
{
    private static readonly string[] ListKeys =
        ["code", "name", "kind", "department", "handlingType", "legalLimit", "promisedLimit", "reviewMode", "publicised", "expertReview", "collectiveDecision"];

    private static readonly string[] Kinds =
        ["licensing", "penalty", "levy", "benefit", "reward", "coercion", "confirmation", "adjudication", "inspection", "public-service", "other"];

    private TestApp _app = null!;

    public async Task InitializeAsync() => _app = await TestApp.StartAsync(new Dictionary<string, string?> { ["Seed:Catalog"] = "true" });

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task List_SeededCatalog_AnswersExactlyTheApiShape()
    {
        using var response = await _app.Client.GetAsync("/api/catalog/items");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var items = (await response.JsonAsync()).EnumerateArray().ToList();
        Assert.True(items.Count >= 12);
        foreach (var item in items)
        {
            Assert.Equal(ListKeys.Order(), item.EnumerateObject().Select(p => p.Name).Order());
            Assert.Equal(["code", "name"], item.GetProperty("department").EnumerateObject().Select(p => p.Name));
            Assert.Contains(item.GetProperty("kind").GetString(), Kinds);
            Assert.Contains(item.GetProperty("handlingType").GetString(), new[] { "immediate", "promised" });
            Assert.Contains(item.GetProperty("reviewMode").GetString(), new[] { "formal", "substantive" });
            foreach (var limit in new[] { item.GetProperty("legalLimit"), item.GetProperty("promisedLimit") })
            {
                Assert.Equal(["days", "unit"], limit.EnumerateObject().Select(p => p.Name));
                Assert.Equal(JsonValueKind.Number, limit.GetProperty("days").ValueKind);
                Assert.Contains(limit.GetProperty("unit").GetString(), new[] { "working", "calendar" });
            }

            Assert.True(item.GetProperty("promisedLimit").GetProperty("days").GetInt32() <= item.GetProperty("legalLimit").GetProperty("days").GetInt32());
            foreach (var flag in new[] { "publicised", "expertReview", "collectiveDecision" })
            {
                Assert.True(item.GetProperty(flag).ValueKind is JsonValueKind.True or JsonValueKind.False);
            }
        }
    }

    [Fact]
    public async Task List_SeededCatalog_CoversKindsAndSpecialItems()
    {
        var items = (await _app.Client.GetJsonAsync("/api/catalog/items")).EnumerateArray().ToList();

        Assert.True(items.Select(i => i.GetProperty("kind").GetString()).Distinct().Count() >= 6);
        Assert.Contains(items, i => i.GetProperty("handlingType").GetString() == "immediate");
        Assert.Contains(items, i => i.GetProperty("expertReview").GetBoolean() && i.GetProperty("reviewMode").GetString() == "substantive");
        Assert.Contains(items, i => i.GetProperty("collectiveDecision").GetBoolean());
        Assert.Contains(items, i => !i.GetProperty("publicised").GetBoolean());
        Assert.Contains(items, i => i.GetProperty("name").GetString() == "城镇污水排入排水管网许可");
        Assert.Contains(items, i => i.GetProperty("name").GetString() == "食品经营许可");
    }

    [Theory]
    [InlineData("kind=licensing", "kind", "licensing")]
    [InlineData("kind=public-service", "kind", "public-service")]
    [InlineData("department=D02", "department", "D02")]
    public async Task List_Filter_OnlyMatchingItems(string query, string field, string expected)
    {
        var items = (await _app.Client.GetJsonAsync($"/api/catalog/items?{query}")).EnumerateArray().ToList();

        Assert.NotEmpty(items);
        Assert.All(items, i => Assert.Equal(expected, field == "department" ? i.GetProperty("department").GetProperty("code").GetString() : i.GetProperty(field).GetString()));
    }

    [Fact]
    public async Task List_TextQuery_MatchesNameAndLaw()
    {
        var byName = (await _app.Client.GetJsonAsync("/api/catalog/items?q=" + Uri.EscapeDataString("排污"))).EnumerateArray().ToList();
        var byLaw = (await _app.Client.GetJsonAsync("/api/catalog/items?q=" + Uri.EscapeDataString("特种设备安全法"))).EnumerateArray().ToList();
        var none = (await _app.Client.GetJsonAsync("/api/catalog/items?q=" + Uri.EscapeDataString("不存在的事项"))).EnumerateArray().ToList();

        Assert.Contains(byName, i => i.GetProperty("code").GetString() == "XK-D02-0001");
        Assert.Contains(byLaw, i => i.GetProperty("code").GetString() == "XK-D01-0003");
        Assert.Empty(none);
    }

    [Fact]
    public async Task List_CombinedFilters_Intersect()
    {
        var items = (await _app.Client.GetJsonAsync("/api/catalog/items?kind=licensing&department=D01&q=" + Uri.EscapeDataString("食品"))).EnumerateArray().ToList();

        Assert.Equal(["XK-D01-0002"], items.Select(i => i.GetProperty("code").GetString()));
    }

    [Fact]
    public async Task List_UnknownKind_Answers400()
    {
        using var response = await _app.Client.GetAsync("/api/catalog/items?kind=permit");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("request.invalid_parameter", (await response.JsonAsync()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Get_SeededItem_AnswersTheFullGuide()
    {
        var guide = await _app.Client.GetJsonAsync("/api/catalog/items/XK-D03-0001");

        Assert.Equal("城镇污水排入排水管网许可", guide.GetProperty("name").GetString());
        Assert.Equal("published", guide.GetProperty("status").GetString());
        Assert.Equal("行政许可", guide.GetProperty("kindName").GetString());
        var basis = guide.GetProperty("legalBases")[0];
        Assert.Equal("《城镇排水与污水处理条例》", basis.GetProperty("law").GetString());
        Assert.Equal("第二十一条", basis.GetProperty("article").GetString());
        Assert.Contains("污水排入排水管网许可证", basis.GetProperty("text").GetString());
        Assert.NotEmpty(guide.GetProperty("conditions").EnumerateArray());
        Assert.NotEmpty(guide.GetProperty("reviewStandards").EnumerateArray());
        var material = guide.GetProperty("materials")[0];
        foreach (var key in new[] { "code", "name", "required", "form", "copies" })
        {
            Assert.True(material.TryGetProperty(key, out _), key);
        }

        Assert.True(guide.GetProperty("free").GetBoolean());
        Assert.Equal(10, guide.GetProperty("stageLimits").EnumerateObject().Sum(p => p.Value.GetInt32()));
        Assert.Equal("accept", guide.GetProperty("flowchart").GetProperty("start").GetString());
        Assert.NotEmpty(guide.GetProperty("responsiblePosts").EnumerateArray());
        Assert.NotEmpty(guide.GetProperty("supervisionChannels").EnumerateArray());
        Assert.NotEmpty(guide.GetProperty("complaintChannels").EnumerateArray());
        Assert.NotEmpty(guide.GetProperty("counterpartRights").EnumerateArray());
        Assert.Equal("B", guide.GetProperty("riskLevel").GetString());
        Assert.Equal(1, guide.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task Get_ItemWithFees_ListsFeesWithBasis()
    {
        var guide = await _app.Client.GetJsonAsync("/api/catalog/items/QR-D06-0001");

        Assert.False(guide.GetProperty("free").GetBoolean());
        Assert.All(guide.GetProperty("fees").EnumerateArray(), f => Assert.False(string.IsNullOrEmpty(f.GetProperty("basis").GetString())));
    }

    [Fact]
    public async Task Get_ConfidentialItem_StatesItsBasis()
    {
        var guide = await _app.Client.GetJsonAsync("/api/catalog/items/XK-D07-0001");

        Assert.False(guide.GetProperty("publicised").GetBoolean());
        Assert.Contains("政府信息公开条例", guide.GetProperty("confidentialityBasis").GetString());
    }

    [Theory]
    [InlineData("/api/catalog/items/NOPE-1")]
    [InlineData("/api/catalog/items/NOPE-1/versions")]
    [InlineData("/api/catalog/items/NOPE-1/versions/1")]
    [InlineData("/api/catalog/items/NOPE-1/flowchart")]
    [InlineData("/api/catalog/items/NOPE-1/flowchart.svg")]
    [InlineData("/api/catalog/items/%E6%97%A0")]
    public async Task Get_UnknownItem_Answers404Problem(string url)
    {
        using var response = await _app.Client.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.JsonAsync();
        Assert.Equal("catalog.item_not_found", problem.GetProperty("code").GetString());
        Assert.Equal("权力事项不存在", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Flowchart_Json_HasStagesWithPostLimitAndNext()
    {
        var chart = await _app.Client.GetJsonAsync("/api/catalog/items/XK-D01-0003/flowchart");

        Assert.Equal("accept", chart.GetProperty("start").GetString());
        Assert.Equal(["deliver"], chart.GetProperty("ends").EnumerateArray().Select(e => e.GetString()));
        var stage = chart.GetProperty("stages").EnumerateArray().First(s => s.GetProperty("id").GetString() == "meeting");
        Assert.Equal("处务会", stage.GetProperty("post").GetString());
        Assert.Equal(3, stage.GetProperty("limit").GetProperty("days").GetInt32());
        Assert.Equal("working", stage.GetProperty("limit").GetProperty("unit").GetString());
        Assert.Equal(["decide"], stage.GetProperty("next").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task Flowchart_Svg_IsReadableSvgWithBoxesArrowsAndChinese()
    {
        using var response = await _app.Client.GetAsync("/api/catalog/items/XK-D01-0003/flowchart.svg");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
        var svg = XDocument.Parse(await response.Content.ReadAsStringAsync());
        XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.Equal(ns + "svg", svg.Root!.Name);
        var texts = svg.Descendants(ns + "text").Select(t => t.Value).ToList();
        Assert.Contains(texts, t => t.Contains("特种设备安装改造修理许可", StringComparison.Ordinal));
        Assert.Contains(texts, t => t == "处务会集体讨论");
        Assert.Contains(texts, t => t == "承办岗位：处务会");
        Assert.Contains(texts, t => t == "时限：3个工作日");
        Assert.Equal(7, svg.Descendants(ns + "g").Count(g => ((string?)g.Attribute("id"))?.StartsWith("stage-", StringComparison.Ordinal) == true));
        Assert.Equal(6, svg.Descendants(ns + "line").Count(l => (string?)l.Attribute("marker-end") == "url(#arrow)"));
    }

    [Fact]
    public async Task Flowchart_SvgOfEverySeededItem_TextFitsTheCanvas()
    {
        var codes = (await _app.Client.GetJsonAsync("/api/catalog/items")).EnumerateArray().Select(i => i.GetProperty("code").GetString()!).ToList();
        XNamespace ns = "http://www.w3.org/2000/svg";

        foreach (var code in codes)
        {
            var svg = XDocument.Parse(await _app.Client.GetStringAsync($"/api/catalog/items/{code}/flowchart.svg"));
            var width = double.Parse((string)svg.Root!.Attribute("width")!, System.Globalization.CultureInfo.InvariantCulture);
            foreach (var text in svg.Descendants(ns + "text"))
            {
                var size = double.Parse((string)text.Attribute("font-size")!, System.Globalization.CultureInfo.InvariantCulture);
                Assert.True(text.Value.Length * size <= width, $"{code}: '{text.Value}' is wider than {width}");
            }
        }
    }
}
