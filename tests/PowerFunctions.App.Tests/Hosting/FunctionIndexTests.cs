using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using PowerFunctions.App.Auth;
using PowerFunctions.App.Hosting;
using PowerFunctions.App.Http;

namespace PowerFunctions.App.Tests.Hosting;

/// <summary>
/// The function table both hosts rely on: found from attributes, and a function it cannot serve exactly as
/// the Functions host would stops the start (secure by default: no access attribute, no start).
/// </summary>
public sealed class FunctionIndexTests
{
    [Fact]
    public void AppIndex_EveryHttpFunction_HasAccessMethodsAndARouteTheHostAccepts()
    {
        var index = FunctionIndex.Of(FunctionClasses.InAssembly(typeof(PowerFunctionsHost).Assembly));

        Assert.True(index.All.Count >= 40, $"{index.All.Count} functions");
        Assert.All(index.Http, f =>
        {
            Assert.NotEmpty(f.Methods);
            Assert.False(f.Route.StartsWith("admin", StringComparison.OrdinalIgnoreCase), f.Name);
        });
        Assert.Equal(Access.Public, ((HttpFunction)index.Find("Health")!).Access);
        Assert.Equal([Roles.Admin], ((HttpFunction)index.Find("AdminClock")!).Access.Roles);
        Assert.Equal("{area:regex(^admin$)}/clock", ((HttpFunction)index.Find("AdminClock")!).Route);
        Assert.Equal("0 */1 * * * *", ((TimerFunction)index.Find("DeadlineSweep")!).Schedule);
        Assert.Equal("applications", ((QueueFunction)index.Find("ApplicationIntake")!).QueueName);
    }

    [Theory]
    [InlineData(typeof(NoAccess), "must declare who may call it")]
    [InlineData(typeof(AdminRoute), "refuses routes starting with 'admin'")]
    [InlineData(typeof(BadSchedule), "not a 6-field NCRONTAB schedule")]
    [InlineData(typeof(FiveFieldSchedule), "not a 6-field NCRONTAB schedule")]
    [InlineData(typeof(UnboundParameter), "parameter 'page'")]
    [InlineData(typeof(WrongReturn), "returns Task<IResult> or IResult")]
    [InlineData(typeof(AccessOnTimer), "means nothing")]
    [InlineData(typeof(BadQueueName), "is not a queue name")]
    [InlineData(typeof(TwoNames), "used twice")]
    [InlineData(typeof(SameRoute), "is also answered by")]
    [InlineData(typeof(NoMethods), "name the HTTP methods")]
    [InlineData(typeof(PrefixedRoute), "without a leading")]
    public void Index_UnservableFunction_StartRefusedNamingIt(Type type, string reason)
    {
        var e = Assert.Throws<InvalidOperationException>(() => FunctionIndex.Of(FunctionClasses.Of(type)));

        Assert.Contains("function 'Bad", e.Message, StringComparison.Ordinal);
        Assert.Contains(reason, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_FunctionWithoutAccessAttribute_TheAppDoesNotStart()
    {
        var e = Assert.Throws<InvalidOperationException>(() => PowerFunctionsHost.Build(
            ["--environment=Development", "--urls=http://127.0.0.1:0", "--Storage:DataPath=" + Path.Combine(Path.GetTempPath(), "pf-index-" + Guid.NewGuid().ToString("N"))],
            s => s.AddSingleton(FunctionClasses.Of(typeof(NoAccess)))));

        Assert.Contains("BadNoAccess", e.Message, StringComparison.Ordinal);
    }

    public sealed class NoAccess
    {
        [Function("BadNoAccess")]
        public IResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "bad")] HttpRequest request) => HttpResult.NoContent();
    }

    public sealed class AdminRoute
    {
        [Function("BadAdmin")]
        [AnyRole(Roles.Admin)]
        public IResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "admin/things")] HttpRequest request) => HttpResult.NoContent();
    }

    public sealed class BadSchedule
    {
        [Function("BadSchedule")]
        public Task Run([TimerTrigger("every minute")] TimerInfo timer) => Task.CompletedTask;
    }

    public sealed class FiveFieldSchedule
    {
        [Function("BadFiveFields")]
        public Task Run([TimerTrigger("*/5 * * * *")] TimerInfo timer) => Task.CompletedTask;
    }

    public sealed class UnboundParameter
    {
        [Function("BadParameter")]
        [Public]
        public IResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "bad/{id}")] HttpRequest request, string id, string page) => HttpResult.NoContent();
    }

    public sealed class WrongReturn
    {
        [Function("BadReturn")]
        [Public]
        public Task<HttpResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "bad")] HttpRequest request) => Task.FromResult(HttpResult.NoContent());
    }

    public sealed class AccessOnTimer
    {
        [Function("BadAccessOnTimer")]
        [Public]
        public Task Run([TimerTrigger("0 * * * * *")] TimerInfo timer) => Task.CompletedTask;
    }

    public sealed class BadQueueName
    {
        [Function("BadQueue")]
        public Task Run([QueueTrigger("Bad_Queue")] string message) => Task.CompletedTask;
    }

    public sealed class TwoNames
    {
        [Function("BadTwice")]
        public Task One([QueueTrigger("one-queue")] string message) => Task.CompletedTask;

        [Function("BadTwice")]
        public Task Two([QueueTrigger("two-queue")] string message) => Task.CompletedTask;
    }

    public sealed class SameRoute
    {
        [Function("BadFirst")]
        [Public]
        public IResult One([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "same/{a}")] HttpRequest request) => HttpResult.NoContent();

        [Function("BadSecond")]
        [Public]
        public IResult Two([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "same/{b}")] HttpRequest request) => HttpResult.NoContent();
    }

    public sealed class NoMethods
    {
        [Function("BadNoMethods")]
        [Public]
        public IResult Run([HttpTrigger(AuthorizationLevel.Anonymous, Route = "bad")] HttpRequest request) => HttpResult.NoContent();
    }

    public sealed class PrefixedRoute
    {
        [Function("BadPrefixed")]
        [Public]
        public IResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/bad")] HttpRequest request) => HttpResult.NoContent();
    }
}
