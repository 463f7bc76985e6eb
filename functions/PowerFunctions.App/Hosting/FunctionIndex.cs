using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Azure.Functions.Worker;
using NCrontab;

namespace PowerFunctions.App.Hosting;

/// <summary>
/// Every <c>[Function]</c> method of the app, found once at start-up from its attributes: the standalone
/// host maps HTTP functions to Kestrel routes, timers to the scheduler and queue functions to the poller
/// from this table; under the Functions host it supplies each HTTP function's access rule to the pipeline.
/// A function the table cannot serve exactly as the Functions host would stops the start
/// (<see cref="InvalidOperationException"/> naming it): no access attribute on an HTTP function, a route
/// the host refuses, a bad schedule or queue name, a parameter neither host can bind, a name used twice.
/// </summary>
public sealed partial class FunctionIndex
{
    private readonly Dictionary<string, FunctionDescriptor> _byName = new(StringComparer.OrdinalIgnoreCase);

    public FunctionIndex(IEnumerable<FunctionClasses> classes)
    {
        var all = new List<FunctionDescriptor>();
        foreach (var type in classes.SelectMany(c => c.Types).Distinct())
        {
            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            {
                if (method.GetCustomAttribute<FunctionAttribute>() is not { } function)
                {
                    continue;
                }

                var descriptor = Describe(function.Name, type, method);
                if (!_byName.TryAdd(descriptor.Name, descriptor))
                {
                    throw Invalid(descriptor.Name, $"the name is used twice ({_byName[descriptor.Name].ClassType.Name} and {type.Name})");
                }

                all.Add(descriptor);
            }
        }

        var routes = all.OfType<HttpFunction>()
            .SelectMany(f => f.Methods.Select(m => (Key: $"{m} {NormalizedRoute(f.Route)}", f.Name)))
            .GroupBy(r => r.Key, StringComparer.OrdinalIgnoreCase)
            .FirstOrDefault(g => g.Count() > 1);
        if (routes is not null)
        {
            throw Invalid(routes.First().Name, $"'{routes.Key}' is also answered by {string.Join(", ", routes.Skip(1).Select(r => r.Name))}");
        }

        All = all.OrderBy(f => f.Name, StringComparer.Ordinal).ToList();
    }

    public IReadOnlyList<FunctionDescriptor> All { get; }

    public IEnumerable<HttpFunction> Http => All.OfType<HttpFunction>();

    public IEnumerable<TimerFunction> Timers => All.OfType<TimerFunction>();

    public IEnumerable<QueueFunction> Queues => All.OfType<QueueFunction>();

    public FunctionDescriptor? Find(string name) => _byName.GetValueOrDefault(name);

    /// <summary>The same table from classes directly (tests, tools).</summary>
    public static FunctionIndex Of(params FunctionClasses[] classes) => new(classes);

    private static FunctionDescriptor Describe(string name, Type type, MethodInfo method)
    {
        if (!FunctionName().IsMatch(name))
        {
            throw Invalid(name, "the name must start with a letter and hold only letters, digits, '_' and '-' (at most 128)");
        }

        var parameters = method.GetParameters();
        var triggers = parameters.Where(p => p.GetCustomAttributes().Any(a => a is HttpTriggerAttribute or TimerTriggerAttribute or QueueTriggerAttribute)).ToList();
        if (triggers.Count != 1)
        {
            throw Invalid(name, $"it needs exactly one trigger parameter (HttpTrigger, TimerTrigger or QueueTrigger), not {triggers.Count}");
        }

        var trigger = triggers[0];
        var access = method.GetCustomAttribute<AccessAttribute>();
        if (trigger.GetCustomAttribute<HttpTriggerAttribute>() is { } http)
        {
            return DescribeHttp(name, type, method, parameters, trigger, http, access);
        }

        if (access is not null)
        {
            throw Invalid(name, $"{access.GetType().Name} means nothing on a function that is not HTTP-triggered");
        }

        if (trigger.GetCustomAttribute<TimerTriggerAttribute>() is { } timer)
        {
            return DescribeTimer(name, type, method, parameters, trigger, timer);
        }

        return DescribeQueue(name, type, method, parameters, trigger, trigger.GetCustomAttribute<QueueTriggerAttribute>()!);
    }

    private static HttpFunction DescribeHttp(string name, Type type, MethodInfo method, ParameterInfo[] parameters, ParameterInfo trigger, HttpTriggerAttribute http, AccessAttribute? access)
    {
        if (access is null)
        {
            throw Invalid(name, "an HTTP function must declare who may call it: [Public], [SignedIn] or [AnyRole(...)]");
        }

        if (trigger.ParameterType != typeof(HttpRequest))
        {
            throw Invalid(name, "the HttpTrigger parameter must be an ASP.NET Core HttpRequest");
        }

        if (method.ReturnType != typeof(Task<IResult>) && method.ReturnType != typeof(IResult))
        {
            throw Invalid(name, "an HTTP function returns Task<IResult> or IResult");
        }

        if (http.Methods is not { Length: > 0 } methods)
        {
            throw Invalid(name, "name the HTTP methods it answers in HttpTrigger");
        }

        var route = http.Route;
        if (string.IsNullOrWhiteSpace(route) || route.StartsWith('/') || route.StartsWith("api/", StringComparison.OrdinalIgnoreCase))
        {
            throw Invalid(name, "give HttpTrigger a Route without a leading '/' or 'api/' (the route prefix is added by both hosts)");
        }

        // The Functions host refuses any route starting with "admin" ("conflicts with one or more built in
        // routes": its own admin API lives there); such public paths use a first segment {area:regex(^admin$)}.
        if (route.StartsWith("admin", StringComparison.OrdinalIgnoreCase))
        {
            throw Invalid(name, $"the Functions host refuses routes starting with 'admin' ('{route}'); write the first segment as {{area:regex(^admin$)}}");
        }

        RoutePattern pattern;
        try
        {
            pattern = RoutePatternFactory.Parse(route);
        }
        catch (RoutePatternException e)
        {
            throw Invalid(name, $"route '{route}' is not a route template: {e.Message}");
        }

        var routeValues = pattern.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var bound = parameters.Select(p =>
            p == trigger ? new FunctionParameter(p.Name!, FunctionParameterKind.Request)
            : p.ParameterType == typeof(CancellationToken) ? new FunctionParameter(p.Name!, FunctionParameterKind.CancellationToken)
            : p.ParameterType == typeof(string) && routeValues.Contains(p.Name!) ? new FunctionParameter(p.Name!, FunctionParameterKind.RouteValue)
            : throw Invalid(name, $"parameter '{p.Name}' is neither the request, a CancellationToken nor a string named after a route value of '{route}'")).ToList();
        return new HttpFunction(name, type, method, bound, route, methods.Select(m => m.ToUpperInvariant()).Distinct().ToList(), access.Access);
    }

    private static TimerFunction DescribeTimer(string name, Type type, MethodInfo method, ParameterInfo[] parameters, ParameterInfo trigger, TimerTriggerAttribute timer)
    {
        if (trigger.ParameterType != typeof(TimerInfo))
        {
            throw Invalid(name, "the TimerTrigger parameter must be a TimerInfo");
        }

        RequireTaskOrVoid(name, method);
        var schedule = CrontabSchedule.TryParse(timer.Schedule, new CrontabSchedule.ParseOptions { IncludingSeconds = true });
        if (schedule is null)
        {
            throw Invalid(name, $"'{timer.Schedule}' is not a 6-field NCRONTAB schedule (second minute hour day month weekday)");
        }

        var bound = parameters.Select(p =>
            p == trigger ? new FunctionParameter(p.Name!, FunctionParameterKind.TimerInfo)
            : p.ParameterType == typeof(CancellationToken) ? new FunctionParameter(p.Name!, FunctionParameterKind.CancellationToken)
            : throw Invalid(name, $"parameter '{p.Name}' is neither the TimerInfo nor a CancellationToken")).ToList();
        return new TimerFunction(name, type, method, bound, timer.Schedule, schedule);
    }

    private static QueueFunction DescribeQueue(string name, Type type, MethodInfo method, ParameterInfo[] parameters, ParameterInfo trigger, QueueTriggerAttribute queue)
    {
        if (trigger.ParameterType != typeof(string))
        {
            throw Invalid(name, "the QueueTrigger parameter must be the message text (string)");
        }

        RequireTaskOrVoid(name, method);
        if (!QueueName().IsMatch(queue.QueueName))
        {
            throw Invalid(name, $"'{queue.QueueName}' is not a queue name (3-57 lower-case letters, digits and single dashes; '-poison' is added)");
        }

        var bound = parameters.Select(p =>
            p == trigger ? new FunctionParameter(p.Name!, FunctionParameterKind.QueueMessage)
            : p.ParameterType == typeof(CancellationToken) ? new FunctionParameter(p.Name!, FunctionParameterKind.CancellationToken)
            : throw Invalid(name, $"parameter '{p.Name}' is neither the message nor a CancellationToken")).ToList();
        return new QueueFunction(name, type, method, bound, queue.QueueName);
    }

    private static void RequireTaskOrVoid(string name, MethodInfo method)
    {
        if (method.ReturnType != typeof(Task) && method.ReturnType != typeof(void))
        {
            throw Invalid(name, "a timer or queue function returns Task or void");
        }
    }

    /// <summary>The route with parameter names and constraints blanked, so two templates of one shape compare equal.</summary>
    private static string NormalizedRoute(string route) => RouteParameter().Replace(route.Trim('/'), "{}");

    private static InvalidOperationException Invalid(string function, string reason) => new($"function '{function}': {reason}");

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_-]{0,127}$")]
    private static partial Regex FunctionName();

    [GeneratedRegex("^[a-z0-9](?!.*--)[a-z0-9-]{1,55}[a-z0-9]$")]
    private static partial Regex QueueName();

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex RouteParameter();
}
