using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using PowerFunctions.App.Tests.Support;

namespace PowerFunctions.App.Tests.Hosting;

/// <summary>The app under the Functions host: the documented envelopes posted to <c>POST /{FunctionName}</c> over loopback.</summary>
public sealed class CustomHandlerTests : IAsyncLifetime
{
    private TestApp _app = null!;

    public async Task InitializeAsync() => _app = await TestApp.StartCustomHandlerAsync(new Dictionary<string, string?> { ["Http:MaxBodyBytes"] = "4096" });

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task HttpEnvelope_Health_AnswersResWithAllFourFields()
    {
        var (response, body) = await Envelopes.PostAsync(_app.Client, "Health", Envelopes.Http("GET", "/api/health"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var res = body.GetProperty("Outputs").GetProperty("res");
        Assert.Equal(200, res.GetProperty("statusCode").GetInt32());
        Assert.Equal(200, res.GetProperty("status").GetInt32());
        Assert.StartsWith("application/json", res.GetProperty("headers").GetProperty("Content-Type").GetString());
        Assert.True(res.GetProperty("headers").TryGetProperty("X-Correlation-Id", out _));
        using var health = JsonDocument.Parse(res.GetProperty("body").GetString()!);
        Assert.Equal("ok", health.RootElement.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Array, body.GetProperty("Logs").ValueKind);
        Assert.True(body.TryGetProperty("ReturnValue", out _));
    }

    [Theory]
    [InlineData(null, 401, "auth.unauthorized")]
    [InlineData("citizen", 403, "auth.forbidden")]
    [InlineData("admin", 200, null)]
    public async Task HttpEnvelope_ProtectedFunction_SamePipelineAuthAsStandalone(string? roles, int status, string? code)
    {
        var token = roles is null ? null : _app.Token(roles);

        var (response, body) = await Envelopes.PostAsync(_app.Client, "AdminTimersSweep", Envelopes.Http("POST", "/api/admin/timers/sweep", token, body: "{}"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var res = body.GetProperty("Outputs").GetProperty("res");
        Assert.Equal(status, res.GetProperty("statusCode").GetInt32());
        if (code is not null)
        {
            Assert.Equal("application/problem+json", res.GetProperty("headers").GetProperty("Content-Type").GetString());
            using var problem = JsonDocument.Parse(res.GetProperty("body").GetString()!);
            Assert.Equal(code, problem.RootElement.GetProperty("code").GetString());
        }
    }

    [Fact]
    public async Task HttpEnvelope_BodyOverLimit_ResIs413Problem()
    {
        var (_, body) = await Envelopes.PostAsync(_app.Client, "AdminClock", Envelopes.Http("POST", "/api/admin/clock", _app.Token("admin"), body: new string('x', 5000)));

        var res = body.GetProperty("Outputs").GetProperty("res");
        Assert.Equal(413, res.GetProperty("statusCode").GetInt32());
    }

    [Fact]
    public async Task HttpEnvelope_MalformedJsonBody_ResIs400Problem()
    {
        var (_, body) = await Envelopes.PostAsync(_app.Client, "AdminClock", Envelopes.Http("POST", "/api/admin/clock", _app.Token("admin"), body: "{\"advance\":"));

        var res = body.GetProperty("Outputs").GetProperty("res");
        Assert.Equal(400, res.GetProperty("statusCode").GetInt32());
        using var problem = JsonDocument.Parse(res.GetProperty("body").GetString()!);
        Assert.Equal("request.malformed_json", problem.RootElement.GetProperty("code").GetString());
    }

    [Fact]
    public async Task HttpEnvelope_QueryAsJsonTextAndHeadersAsStrings_Accepted()
    {
        // Older hosts sent Query as JSON text; hand-written envelopes often give headers as plain strings.
        var envelope = Envelopes.Http("GET", "/api/complaints");
        var req = envelope["Data"]!["req"]!;
        req["Query"] = "{\"status\":\"open\"}";
        req["Headers"] = new JsonObject { ["Authorization"] = $"Bearer {_app.Token("supervisor")}" };

        var (_, body) = await Envelopes.PostAsync(_app.Client, "ComplaintsList", envelope);

        Assert.Equal(200, body.GetProperty("Outputs").GetProperty("res").GetProperty("statusCode").GetInt32());
    }

    [Fact]
    public async Task TimerEnvelope_DeadlineSweep_Answers200WithOutputsLogsReturnValue()
    {
        var (response, body) = await Envelopes.PostAsync(_app.Client, "DeadlineSweep", Envelopes.Timer(TestApp.DefaultStart));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(JsonValueKind.Object, body.GetProperty("Outputs").ValueKind);
        Assert.Contains(body.GetProperty("Logs").EnumerateArray(), l => l.GetString()!.Contains("DeadlineSweep succeeded", StringComparison.Ordinal));
        Assert.Equal(JsonValueKind.Null, body.GetProperty("ReturnValue").ValueKind);
    }

    [Fact]
    public async Task TimerEnvelope_TimerInfoAsJsonText_Accepted()
    {
        var envelope = Envelopes.Timer(TestApp.DefaultStart, isPastDue: true);
        envelope["Data"]!["timer"] = envelope["Data"]!["timer"]!.ToJsonString();

        var (response, _) = await Envelopes.PostAsync(_app.Client, "DeadlineSweep", envelope);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task ServiceBusEnvelope_ComplaintRedelivered_RecordedOnce()
    {
        var text = Envelopes.Complaint("T-SB-1");

        var (first, _) = await Envelopes.PostAsync(_app.Client, "ComplaintIntake", Envelopes.ServiceBus(text, "m-1"));
        var (again, _) = await Envelopes.PostAsync(_app.Client, "ComplaintIntake", Envelopes.ServiceBus(text, "m-1", deliveryCount: 2));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var list = await _app.ClientFor("supervisor").GetFromJsonAsync<JsonElement>("/api/complaints");
        Assert.Single(list.EnumerateArray(), c => c.GetProperty("ticketId").GetString() == "T-SB-1");
    }

    [Fact]
    public async Task StorageQueueEnvelope_Complaint_Recorded()
    {
        var (response, body) = await Envelopes.PostAsync(_app.Client, "ComplaintIntake", Envelopes.StorageQueue(Envelopes.Complaint("T-Q-1"), "q-1"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(JsonValueKind.Array, body.GetProperty("Logs").ValueKind);
        var list = await _app.ClientFor("supervisor").GetFromJsonAsync<JsonElement>("/api/complaints");
        Assert.Contains(list.EnumerateArray(), c => c.GetProperty("ticketId").GetString() == "T-Q-1");
    }

    [Fact]
    public async Task ServiceBusEnvelope_InvalidTicket_Answers500WithLogsSoTheHostRetries()
    {
        var (response, body) = await Envelopes.PostAsync(_app.Client, "ComplaintIntake", Envelopes.ServiceBus("{\"ticketId\":\"T-bad\"}", "m-bad"));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains(body.GetProperty("Logs").EnumerateArray(), l => l.GetString()!.Contains("caller.phone", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ServiceBusEnvelope_ApplicationIntakeNotBuiltYet_Answers501()
    {
        var (response, body) = await Envelopes.PostAsync(_app.Client, "ApplicationIntake", Envelopes.ServiceBus("{}", "m-app"));

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
        Assert.Contains(body.GetProperty("Logs").EnumerateArray(), l => l.GetString()!.Contains("not implemented", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Health", "not json")]
    [InlineData("Health", "[]")]
    [InlineData("Health", "{\"Metadata\":{}}")]
    [InlineData("Health", "{\"Data\":[]}")]
    [InlineData("Health", "{\"Data\":{}}")]
    [InlineData("Health", "{\"Data\":{\"req\":{\"Url\":\"/api/health\"}}}")]
    [InlineData("Health", "{\"Data\":{\"req\":{\"Url\":\"/api/health\",\"Method\":\"GET\",\"Headers\":{\"A\":[{}]}}}}")]
    [InlineData("ComplaintIntake", "{\"Data\":{}}")]
    [InlineData("ComplaintIntake", "{\"Data\":{\"message\":\"x\"},\"Metadata\":{\"DeliveryCount\":\"many\"}}")]
    [InlineData("ComplaintIntake", "{\"Data\":{\"message\":\"x\"},\"Metadata\":{\"DeliveryCount\":0}}")]
    [InlineData("DeadlineSweep", "{\"Data\":{\"timer\":{\"IsPastDue\":\"yes\"}}}")]
    [InlineData("DeadlineSweep", "{\"Data\":{\"timer\":{\"ScheduleStatus\":{\"Next\":\"soon\"}}}}")]
    [InlineData("DeadlineSweep", "")]
    public async Task BadEnvelope_Anything_Answers400Problem(string function, string envelope)
    {
        var response = await _app.Client.PostAsync("/" + function, new StringContent(envelope, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("invocation.bad_envelope", problem.RootElement.GetProperty("code").GetString());
    }

    [Fact]
    public async Task InvocationEndpoint_WrongMethod_Answers405Problem()
    {
        var response = await _app.Client.GetAsync("/DeadlineSweep");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("POST", response.Content.Headers.Allow);
    }

    [Fact]
    public async Task InvocationEndpoint_UnknownFunction_Answers404Problem()
    {
        var response = await _app.Client.PostAsync("/NoSuchFunction", new StringContent("{\"Data\":{}}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task EveryDeclaredFunction_HasAnInvocationEndpoint()
    {
        foreach (var function in _app.Get<PowerFunctions.App.Hosting.FunctionCatalog>().All)
        {
            var response = await _app.Client.PostAsync("/" + function.Name, new StringContent("{}", Encoding.UTF8, "application/json"));

            // Reached the function's endpoint: the envelope is refused as malformed, not the route as unknown.
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }
    }

    [Fact]
    public async Task StandaloneRoutes_UnderCustomHandler_StillServed()
    {
        var response = await _app.Client.GetAsync("/api/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
