using System.Net;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using static PowerFunctions.App.Tests.Complaints.Open311SpecExamples;

namespace PowerFunctions.App.Tests.Complaints;

/// <summary>
/// Open311 GeoReport v2 at <c>/api/open311/v2/</c>, held against the published specification's example responses
/// element by element (<see cref="Open311SpecExamples"/>): the same names in the same order and nesting, the spec's
/// value types and status values, its content types and XML declaration, its error list and HTTP statuses (404
/// what does not exist, 403 a wrong or missing api_key, 400 anything else); forms are
/// <c>application/x-www-form-urlencoded</c>.
/// </summary>
public sealed class Open311Tests : IAsyncLifetime
{
    private const string W3 = @"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$";

    private ComplaintApp _app = null!;

    public async Task InitializeAsync() => _app = await ComplaintApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    [Trait("Source", "Open311 GeoReport v2 (GET Service List; JSON Support)")]
    public async Task Services_Json_FieldByFieldAsTheSpecExample()
    {
        var response = await _app.App.Client.GetAsync("/api/open311/v2/services.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        var services = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(5 * 8, services.GetArrayLength()); // five categories at each of D01–D08
        var spec = First(ServiceListJson);
        foreach (var service in services.EnumerateArray())
        {
            Assert.Equal(PropertyNames(spec), PropertyNames(service));
            foreach (var field in spec.EnumerateObject())
            {
                Assert.Equal(field.Value.ValueKind is JsonValueKind.True or JsonValueKind.False ? JsonValueKind.False : field.Value.ValueKind, service.GetProperty(field.Name).ValueKind);
            }

            Assert.Contains(service.GetProperty("type").GetString(), new[] { "realtime", "batch", "blackbox" });
        }

        var complaint = services.EnumerateArray().Single(s => s.GetProperty("service_code").GetString() == "complaint-D01");
        Assert.Equal(("投诉（市市场监督管理局）", "市市场监督管理局", "realtime"), (complaint.GetProperty("service_name").GetString(), complaint.GetProperty("group").GetString(), complaint.GetProperty("type").GetString()));
    }

    [Fact]
    [Trait("Source", "Open311 GeoReport v2 (GET Service List; XML Support; Encoding)")]
    public async Task Services_Xml_ElementByElementAsTheSpecExample()
    {
        var response = await _app.App.Client.GetAsync("/api/open311/v2/services.xml");

        Assert.Equal("text/xml; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        var text = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>", text, StringComparison.Ordinal);
        var root = XDocument.Parse(text).Root!;
        var spec = Root(ServiceListXml);
        Assert.Equal(spec.Name, root.Name);
        Assert.Equal(string.Empty, root.Name.NamespaceName);
        Assert.All(root.Elements(), s => Assert.Equal(ChildNames(spec.Elements().First()), ChildNames(s)));
        Assert.All(root.Elements(), s => Assert.Equal("false", s.Element("metadata")!.Value));
    }

    [Theory]
    [Trait("Source", "Open311 GeoReport v2 (GET Service Definition)")]
    [InlineData("json")]
    [InlineData("xml")]
    public async Task ServiceDefinition_KnownCode_TheCodeAndNoAttributesAsTheSpec(string format)
    {
        var text = await _app.App.Client.GetStringAsync($"/api/open311/v2/services/report-D02.{format}");

        if (format == "json")
        {
            var json = JsonDocument.Parse(text).RootElement;
            Assert.Equal(PropertyNames(JsonDocument.Parse(ServiceDefinitionJson).RootElement), PropertyNames(json));
            Assert.Equal("report-D02", json.GetProperty("service_code").GetString());
            Assert.Equal(0, json.GetProperty("attributes").GetArrayLength());
        }
        else
        {
            var root = XDocument.Parse(text).Root!;
            Assert.Equal(ChildNames(Root(ServiceDefinitionXml)), ChildNames(root));
            Assert.Equal("service_definition", root.Name.LocalName);
            Assert.Empty(root.Element("attributes")!.Elements());
        }
    }

    [Theory]
    [Trait("Source", "Open311 GeoReport v2 (Errors; GET Service Definition: 404 service_code not found)")]
    [InlineData("/api/open311/v2/services/complaint-D99.json", HttpStatusCode.NotFound)]
    [InlineData("/api/open311/v2/services/praise-D01.json", HttpStatusCode.NotFound)]
    [InlineData("/api/open311/v2/services/nothing.json", HttpStatusCode.NotFound)]
    [InlineData("/api/open311/v2/services.html", HttpStatusCode.NotFound)]
    [InlineData("/api/open311/v2/requests/T-20260918-999999.json", HttpStatusCode.NotFound)]
    [InlineData("/api/open311/v2/requests.json?start_date=yesterday", HttpStatusCode.BadRequest)]
    [InlineData("/api/open311/v2/requests.json?start_date=2026-01-01T00:00:00Z&end_date=2026-09-01T00:00:00Z", HttpStatusCode.BadRequest)]
    [InlineData("/api/open311/v2/requests.json?start_date=2026-09-01T00:00:00Z&end_date=2026-08-01T00:00:00Z", HttpStatusCode.BadRequest)]
    [InlineData("/api/open311/v2/requests.json?status=pending", HttpStatusCode.BadRequest)]
    public async Task Get_Refused_TheSpecsErrorListWithItsStatus(string path, HttpStatusCode status)
    {
        var response = await _app.App.Client.GetAsync(path);

        await AssertErrorsAsync(response, status);
    }

    [Fact]
    [Trait("Source", "Open311 GeoReport v2 (POST Service Request)")]
    public async Task Post_Form_TheSpecsAnswerAndATicketOwnedByTheServicesDepartment()
    {
        var response = await PostAsync("json", Form(("api_key", ComplaintApp.ApiKey), ("jurisdiction_id", "city.gov"), ("service_code", "complaint-D03"), ("lat", "34.7466"), ("long", "113.6253"), ("address_string", "金水路 1 号"), ("first_name", "三"), ("last_name", "张"), ("phone", "13800001234"), ("email", "zhang@example.cn"), ("description", "井盖缺失，夜间危险\n已多次反映")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        var answer = First(await response.Content.ReadAsStringAsync());
        Assert.Equal(PropertyNames(First(PostResponseJson)), PropertyNames(answer));
        Assert.Equal(JsonValueKind.Null, answer.GetProperty("account_id").ValueKind);
        var id = answer.GetProperty("service_request_id").GetString()!;
        Assert.Matches(@"^T-20260918-\d{6}$", id);
        var ticket = await _app.TicketAsync(id);
        Assert.Equal(("open311", "complaint", "D03", "张三"), (ticket.GetProperty("channel").GetString(), ticket.GetProperty("category").GetString(), ticket.GetProperty("department").GetString(), ticket.GetProperty("contact").GetProperty("name").GetString()));
        Assert.Equal(34.7466, ticket.GetProperty("location").GetProperty("lat").GetDouble());
    }

    [Fact]
    [Trait("Source", "Open311 GeoReport v2 (POST Service Request; XML Support)")]
    public async Task Post_Xml_ElementByElementAsTheSpecExample()
    {
        var response = await PostAsync("xml", Form(("api_key", ComplaintApp.ApiKey), ("service_code", "help-D05"), ("address_string", "人民路 8 号"), ("description", "失业登记不会办")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var root = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
        var spec = Root(PostResponseXml);
        Assert.Equal(spec.Name, root.Name);
        Assert.Equal(ChildNames(spec.Elements().Single()), ChildNames(root.Elements().Single()));
        Assert.Equal(string.Empty, root.Elements().Single().Element("account_id")!.Value);
    }

    [Theory]
    [Trait("Source", "Open311 GeoReport v2 (Errors: 403 for a wrong or missing api_key; POST Service Request possible errors)")]
    [InlineData("", "complaint-D01", HttpStatusCode.Forbidden)]
    [InlineData("wrong-key-0123456789abcdef", "complaint-D01", HttpStatusCode.Forbidden)]
    [InlineData(ComplaintApp.ApiKey, "", HttpStatusCode.BadRequest)]
    [InlineData(ComplaintApp.ApiKey, "complaint-D99", HttpStatusCode.NotFound)]
    [InlineData(ComplaintApp.ApiKey, "praise-D01", HttpStatusCode.NotFound)]
    public async Task Post_Refused_TheSpecsErrorListAndNothingStored(string apiKey, string serviceCode, HttpStatusCode status)
    {
        var response = await PostAsync("json", Form(("api_key", apiKey), ("service_code", serviceCode), ("address_string", "金水路 1 号"), ("description", "井盖缺失")));

        var errors = await AssertErrorsAsync(response, status);
        if (status == HttpStatusCode.Forbidden)
        {
            Assert.Equal("Invalid api_key received -- can't proceed with create_request.", errors[0].GetProperty("description").GetString());
        }

        await AssertNothingStoredAsync();
    }

    [Fact]
    [Trait("Source", "Open311 GeoReport v2 (POST Service Request: a full location parameter must be submitted)")]
    public async Task Post_EverythingWrongInTheForm_400OneErrorPerProblemNamingTheFormsFields()
    {
        var response = await PostAsync("xml", Form(("api_key", ComplaintApp.ApiKey), ("service_code", "complaint-D01"), ("lat", "91"), ("long", "east")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var root = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
        Assert.Equal("errors", root.Name.LocalName);
        var descriptions = root.Elements("error").Select(e => e.Element("description")!.Value).ToList();
        Assert.Contains(descriptions, d => d.StartsWith("lat:", StringComparison.Ordinal));
        Assert.Contains(descriptions, d => d.StartsWith("long:", StringComparison.Ordinal));
        Assert.All(root.Elements("error"), e => Assert.Equal("400", e.Element("code")!.Value));
        await AssertNothingStoredAsync();
    }

    [Theory]
    [InlineData("application/json", "{\"service_code\":\"complaint-D01\"}")]
    [InlineData("text/plain", "service_code=complaint-D01")]
    [InlineData(null, "service_code=complaint-D01")]
    public async Task Post_NotAForm_400TheSpecsErrorList(string? contentType, string body)
    {
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = contentType is null ? null : new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);

        var response = await _app.App.Client.PostAsync("/api/open311/v2/requests.json", content);

        await AssertErrorsAsync(response, HttpStatusCode.BadRequest);
        await AssertNothingStoredAsync();
    }

    [Fact]
    [Trait("Source", "Open311 GeoReport v2 (GET Service Request; GET Service Requests; Date/time format)")]
    public async Task GetRequest_FieldByFieldAsTheSpecExampleInBothFormats()
    {
        var id = await FileAsync("complaint-D01", "窗口推诿，拒收材料");

        var json = First(await _app.App.Client.GetStringAsync($"/api/open311/v2/requests/{id}.json"));
        var xml = XDocument.Parse(await _app.App.Client.GetStringAsync($"/api/open311/v2/requests/{id}.xml")).Root!;

        Assert.Equal(PropertyNames(First(RequestsJson)), PropertyNames(json));
        Assert.Equal(ChildNames(Root(RequestsXml).Elements().Single()), ChildNames(xml.Elements().Single()));
        Assert.Equal("service_requests", xml.Name.LocalName);
        Assert.Equal((id, "open", "complaint-D01", "投诉（市市场监督管理局）", "市市场监督管理局"), (json.GetProperty("service_request_id").GetString(), json.GetProperty("status").GetString(), json.GetProperty("service_code").GetString(), json.GetProperty("service_name").GetString(), json.GetProperty("agency_responsible").GetString()));
        Assert.Equal("窗口推诿，拒收材料", json.GetProperty("description").GetString());
        Assert.Equal("2026-09-18T09:30:00+08:00", json.GetProperty("requested_datetime").GetString());
        Assert.Matches(W3, json.GetProperty("updated_datetime").GetString());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("expected_datetime").ValueKind); // a complaint's answer clock starts at acceptance
        Assert.Equal(("金水路 1 号", JsonValueKind.Null, JsonValueKind.Null, JsonValueKind.Null), (json.GetProperty("address").GetString(), json.GetProperty("address_id").ValueKind, json.GetProperty("zipcode").ValueKind, json.GetProperty("media_url").ValueKind));
        Assert.Equal(string.Empty, xml.Elements().Single().Element("media_url")!.Value);
        Assert.DoesNotContain("张", json.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("138", json.GetRawText(), StringComparison.Ordinal);

        await _app.OkAsync(_app.HandlerD01, id, "accept");
        var accepted = First(await _app.App.Client.GetStringAsync($"/api/open311/v2/requests/{id}.json"));
        Assert.Equal("2026-11-17T23:59:59+08:00", accepted.GetProperty("expected_datetime").GetString()); // 60 days from acceptance
    }

    [Fact]
    [Trait("Source", "Open311 GeoReport v2 (GET Service Requests: service_request_id, service_code, status, start_date, end_date)")]
    public async Task GetRequests_TheSpecsFilters()
    {
        var first = await FileAsync("complaint-D01", "第一件");
        await _app.SetClockAsync(9, 19);
        var second = await FileAsync("consultation-D02", "第二件");
        await _app.SetClockAsync(9, 19, 11);
        var report = await FileAsync("report-D01", "举报某窗口收受好处");
        await _app.FileOkAsync(); // a mini-program ticket is not an Open311 request

        Assert.Equal([report, second, first], await IdsAsync("/api/open311/v2/requests.json"));
        Assert.Equal([second], await IdsAsync("/api/open311/v2/requests.json?service_code=consultation-D02"));
        Assert.Equal([report, first], await IdsAsync("/api/open311/v2/requests.json?service_code=complaint-D01,report-D01&status=open"));
        Assert.Empty(await IdsAsync("/api/open311/v2/requests.json?status=closed"));
        Assert.Equal([first], await IdsAsync("/api/open311/v2/requests.json?start_date=2026-09-18T00:00:00%2B08:00&end_date=2026-09-18T23:59:59%2B08:00"));
        Assert.Equal([report, second], await IdsAsync("/api/open311/v2/requests.json?start_date=2026-09-18T16:00:00Z"));
        Assert.Equal([first, second], await IdsAsync($"/api/open311/v2/requests.json?service_request_id={first},{second}&status=closed")); // overrides the other arguments
        Assert.Equal([first], await IdsAsync($"/api/open311/v2/requests.json?service_request_id={first}&jurisdiction_id="));

        var reported = First(await _app.App.Client.GetStringAsync($"/api/open311/v2/requests/{report}.json"));
        Assert.Equal((JsonValueKind.Null, JsonValueKind.Null), (reported.GetProperty("description").ValueKind, reported.GetProperty("status_notes").ValueKind));
        var xml = XDocument.Parse(await _app.App.Client.GetStringAsync("/api/open311/v2/requests.xml")).Root!;
        Assert.Equal(3, xml.Elements("request").Count());
    }

    [Fact]
    [Trait("Source", "Open311 GeoReport v2 (status: open — it has been reported; closed — it has been resolved)")]
    public async Task GetRequest_Closed_StatusClosedUpdatedAtClosure()
    {
        var id = await FileAsync("help-D01", "不会网上申报", anonymous: true);
        await _app.OkAsync(_app.HandlerD01, id, "answer", new { answer = "已电话指导。" });
        Assert.Equal("open", First(await _app.App.Client.GetStringAsync($"/api/open311/v2/requests/{id}.json")).GetProperty("status").GetString());
        await _app.SetClockAsync(9, 21);

        await _app.OkAsync(_app.HandlerD01, id, "close");

        var closed = First(await _app.App.Client.GetStringAsync($"/api/open311/v2/requests/{id}.json"));
        Assert.Equal(("closed", "2026-09-21T10:00:00+08:00"), (closed.GetProperty("status").GetString(), closed.GetProperty("updated_datetime").GetString()));
        Assert.StartsWith("已办结", closed.GetProperty("status_notes").GetString(), StringComparison.Ordinal);
        Assert.Equal([id], await IdsAsync("/api/open311/v2/requests.json?status=closed"));
    }

    [Fact]
    public async Task GetRequest_ATicketOfAnotherChannel_404()
    {
        var ticketNo = (await _app.FileOkAsync()).GetProperty("ticketNo").GetString()!;

        await AssertErrorsAsync(await _app.App.Client.GetAsync($"/api/open311/v2/requests/{ticketNo}.json"), HttpStatusCode.NotFound);
    }

    [Theory]
    [Trait("Source", "Open311 Service Discovery")]
    [InlineData("json")]
    [InlineData("xml")]
    public async Task Discovery_FieldByFieldAsTheSpecExample(string format)
    {
        var text = await _app.App.Client.GetStringAsync($"/api/open311/discovery.{format}");

        if (format == "json")
        {
            var json = JsonDocument.Parse(text).RootElement;
            var spec = JsonDocument.Parse(DiscoveryJson).RootElement;
            Assert.Equal(PropertyNames(spec), PropertyNames(json));
            var endpoint = json.GetProperty("endpoints")[0];
            Assert.Equal(PropertyNames(spec.GetProperty("endpoints")[0]), PropertyNames(endpoint));
            Assert.Equal(("http://wiki.open311.org/GeoReport_v2", "test"), (endpoint.GetProperty("specification").GetString(), endpoint.GetProperty("type").GetString()));
            Assert.EndsWith("/api/open311/v2", endpoint.GetProperty("url").GetString(), StringComparison.Ordinal);
            Assert.Equal(["text/xml", "application/json"], endpoint.GetProperty("formats").EnumerateArray().Select(f => f.GetString()));
        }
        else
        {
            var root = XDocument.Parse(text).Root!;
            var spec = Root(DiscoveryXml);
            Assert.Equal(ChildNames(spec), ChildNames(root));
            Assert.Equal(ChildNames(spec.Element("endpoints")!.Elements().First()), ChildNames(root.Element("endpoints")!.Elements().First()));
            Assert.Equal(2, root.Element("endpoints")!.Element("endpoint")!.Element("formats")!.Elements("format").Count());
        }
    }

    private static FormUrlEncodedContent Form(params (string Name, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));

    private Task<HttpResponseMessage> PostAsync(string format, HttpContent form) => _app.App.Client.PostAsync($"/api/open311/v2/requests.{format}", form);

    private async Task<string> FileAsync(string serviceCode, string description, bool anonymous = false)
    {
        var fields = new List<(string, string)> { ("api_key", ComplaintApp.ApiKey), ("service_code", serviceCode), ("address_string", "金水路 1 号"), ("description", description) };
        if (!anonymous)
        {
            fields.AddRange([("first_name", "三"), ("last_name", "张"), ("phone", "13800001234")]);
        }

        var response = await PostAsync("json", Form([.. fields]));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return First(text).GetProperty("service_request_id").GetString()!;
    }

    private async Task<IReadOnlyList<string>> IdsAsync(string path)
    {
        var response = await _app.App.Client.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return [.. JsonDocument.Parse(text).RootElement.EnumerateArray().Select(r => r.GetProperty("service_request_id").GetString()!)];
    }

    /// <summary>The spec's error list, field by field as its example, with the status asked; answers its entries.</summary>
    private static async Task<IReadOnlyList<JsonElement>> AssertErrorsAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode}: {text}");
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        var errors = JsonDocument.Parse(text).RootElement.Clone();
        Assert.True(errors.GetArrayLength() >= 1, text);
        var spec = First(ErrorsJson);
        foreach (var error in errors.EnumerateArray())
        {
            Assert.Equal(PropertyNames(spec), PropertyNames(error));
            Assert.Equal((int)status, error.GetProperty("code").GetInt32());
            Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("description").GetString()));
        }

        return [.. errors.EnumerateArray()];
    }

    private async Task AssertNothingStoredAsync()
    {
        Assert.Empty(await IdsAsync("/api/open311/v2/requests.json"));
        Assert.Empty((await _app.GetJsonAsync(_app.Supervisor, "/api/complaints")).GetProperty("items").EnumerateArray());
    }
}
