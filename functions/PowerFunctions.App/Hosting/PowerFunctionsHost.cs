using System.Globalization;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Options;
using PowerFunctions.App.Auth;
using PowerFunctions.App.Clock;
using PowerFunctions.App.Config;
using PowerFunctions.App.Features.Audit;
using PowerFunctions.App.Features.Calendar;
using PowerFunctions.App.Features.Cases;
using PowerFunctions.App.Features.Catalog;
using PowerFunctions.App.Features.Documents;
using PowerFunctions.App.Features.Complaints;
using PowerFunctions.App.Features.Enforcement;
using PowerFunctions.App.Features.Evaluations;
using PowerFunctions.App.Features.Experts;
using PowerFunctions.App.Features.Guidance;
using PowerFunctions.App.Features.Messaging;
using PowerFunctions.App.Features.Outbox;
using PowerFunctions.App.Features.SignIn;
using PowerFunctions.App.Features.Supervision;
using PowerFunctions.App.Features.Timers;
using PowerFunctions.App.Pages;
using PowerFunctions.App.PersonalData;
using PowerFunctions.Storage;
using PowerFunctions.Storage.AzureStorage;
using PowerFunctions.Storage.Embedded;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace PowerFunctions.App.Hosting;

/// <summary>
/// The composition root of both hosts. <see cref="AddApp"/> registers settings, storage, auth, the request
/// pipeline, the function index and every feature, once, for both; <see cref="Build"/> makes the standalone
/// host (Kestrel, runners) and <see cref="BuildFunctionsHost"/> the Azure Functions isolated worker.
/// Tests build the standalone app with their own settings (an args array) and a free loopback port.
/// </summary>
public static class PowerFunctionsHost
{
    /// <summary>Where standalone mode listens when neither ASPNETCORE_URLS nor --urls says.</summary>
    public const string DefaultUrl = "http://127.0.0.1:7071";

    /// <summary>
    /// Whether the Functions host started this process: it passes <c>--functions-uri</c> (the worker's
    /// <c>Functions:Worker:HostEndpoint</c>), which nothing else does.
    /// </summary>
    public static bool IsFunctionsHost(string[] args) =>
        args.Any(a => a.StartsWith("--functions-uri", StringComparison.OrdinalIgnoreCase))
        || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("Functions__Worker__HostEndpoint"));

    /// <summary>
    /// The standalone host; throws <see cref="ConfigurationException"/> naming a bad setting.
    /// <paramref name="overrideServices"/> runs after every registration (tests swap a part or add
    /// <see cref="FunctionClasses"/> here).
    /// </summary>
    public static WebApplication Build(string[] args, Action<IServiceCollection>? overrideServices = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = DefaultEnvironment(args),
        });
        builder.Configuration.AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.local.json"), optional: true);
        builder.Logging.AddSimpleConsole(o =>
        {
            o.IncludeScopes = true;
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss.fff ";
        });
        if (string.IsNullOrWhiteSpace(builder.Configuration["urls"]) && string.IsNullOrWhiteSpace(builder.Configuration["ASPNETCORE_URLS"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        var services = builder.Services;
        AddApp(services, builder.Configuration, builder.Environment, builder.Logging);

        // The slim builder leaves out the regex route constraint; the admin routes need it ({area:regex(^admin$)}).
        services.Configure<RouteOptions>(o => o.SetParameterPolicy<Microsoft.AspNetCore.Routing.Constraints.RegexInlineRouteConstraint>("regex"));
        if (AppSettings.Runners(builder.Configuration).Enabled)
        {
            services.AddSingleton<TimerRunner>();
            services.AddHostedService(sp => sp.GetRequiredService<TimerRunner>());
            services.AddSingleton<QueueRunner>();
            services.AddHostedService(sp => sp.GetRequiredService<QueueRunner>());
        }

        services.AddStaticPages();   // standalone only: under the Functions host the pages are the storage account's static website
        overrideServices?.Invoke(services);
        var app = builder.Build();
        app.UseStaticPages(); // GET /, /supervision and /assets/… (Pages/); everything else falls through
        app.MapFunctions();
        return app;
    }

    /// <summary>Runs the start-up tasks (create tables, seed), then listens.</summary>
    public static async Task StartAsync(WebApplication app, CancellationToken cancellationToken = default)
    {
        await app.Services.GetRequiredService<StartupTasks>().StartAsync(cancellationToken).ConfigureAwait(false);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The Azure Functions isolated worker: the host owns the triggers and calls the same function classes
    /// through <see cref="FunctionsHostMiddleware"/>; start-up tasks run as the first hosted service. The
    /// environment is the host's (<c>AZURE_FUNCTIONS_ENVIRONMENT</c>), Production when it names none.
    /// </summary>
    public static IHost BuildFunctionsHost(string[] args)
    {
        var builder = FunctionsApplication.CreateBuilder(args);
        builder.ConfigureFunctionsWebApplication();
        builder.UseMiddleware<FunctionsHostMiddleware>();
        AddApp(builder.Services, builder.Configuration, builder.Environment, builder.Logging);
        builder.Services.Insert(0, ServiceDescriptor.Singleton<IHostedService>(sp => sp.GetRequiredService<StartupTasks>()));
        var host = builder.Build();
        _ = host.Services.GetRequiredService<FunctionIndex>(); // a function the index refuses stops the start here too
        return host;
    }

    /// <summary>Everything both hosts share: settings (checked now), storage, clock, auth, pipeline, function index, features.</summary>
    public static void AddApp(IServiceCollection services, IConfiguration configuration, IHostEnvironment environment, ILoggingBuilder logging)
    {
        var storage = AppSettings.Storage(configuration);
        var clock = AppSettings.Clock(configuration, environment);
        var auth = AppSettings.Auth(configuration, environment.IsProduction());
        var http = AppSettings.Http(configuration);
        var queues = AppSettings.Queues(configuration);
        var telemetry = AppSettings.Telemetry(configuration);
        services.AddSingleton(storage);
        services.AddSingleton(clock);
        services.AddSingleton(queues);
        services.AddSingleton(telemetry);
        services.AddSingleton(Options.Create(auth));
        services.AddSingleton(Options.Create(http));
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(k =>
        {
            // Kestrel refuses what it cannot parse or what is over these limits itself (400/414/431/408); the
            // connection middleware gives those answers a problem+json body.
            k.Limits.MaxRequestBodySize = http.MaxBodyBytes + 1;
            k.Limits.MaxRequestLineSize = http.MaxRequestLineBytes;
            k.Limits.MaxRequestHeadersTotalSize = http.MaxRequestHeadersBytes;
            k.Limits.MaxRequestHeaderCount = http.MaxRequestHeaderCount;
            k.Limits.RequestHeadersTimeout = TimeSpan.FromSeconds(http.RequestHeadersTimeoutSeconds);
            k.AddServerHeader = false;
            k.ConfigureEndpointDefaults(listen => listen.UseProblemBodies());
        });
        services.AddTransient<IStartupFilter, ProblemErrorsStartupFilter>();
        services.AddSingleton(new SeedOptions { Catalog = AppSettings.SeedCatalog(configuration, environment) });
        services.AddSingleton(CreateClock(clock));
        services.AddSingleton(CreateStorage(storage));
        services.AddTokenAuthentication(auth, environment.IsProduction());
        services.AddPersonalData(configuration, environment.IsProduction());
        services.AddSingleton<Telemetry>();
        services.AddSingleton<RequestLimiter>();
        services.AddSingleton<HttpPipeline>();
        services.AddSingleton<FunctionInvoker>();
        services.AddSingleton<PoisonSeal>();
        services.AddSingleton<PoisonQueue>();
        services.AddSingleton(FunctionClasses.InAssembly(typeof(PowerFunctionsHost).Assembly));
        services.AddSingleton<FunctionIndex>();
        services.AddSingleton<StartupTasks>();
        AddIdleTrim(services, AppSettings.IdleTrim(configuration));
        AddTelemetry(services, logging, telemetry);
        AddFeatures(services, configuration);
    }

    /// <summary>The request tracker (always) and, unless <c>IdleTrim:Enabled</c> is false, the idle trimmer (both on the real clock) and glibc's arenas capped (<see cref="NativeHeap"/>).</summary>
    private static void AddIdleTrim(IServiceCollection services, IdleTrimOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton(new RequestTracker(TimeProvider.System));
        if (options.Enabled)
        {
            NativeHeap.LimitArenas(); // at start, before the threads that allocate: fewer arenas keep less freed memory
            services.AddSingleton(sp => new IdleTrimmer(sp.GetRequiredService<RequestTracker>(), sp.GetRequiredService<IStorageAccount>(), options, sp.GetRequiredService<ILogger<IdleTrimmer>>(), TimeProvider.System));
            services.AddHostedService(sp => sp.GetRequiredService<IdleTrimmer>());
        }
    }

    /// <summary>OpenTelemetry traces, metrics and logs over OTLP, only when an endpoint is configured.</summary>
    private static void AddTelemetry(IServiceCollection services, ILoggingBuilder logging, TelemetryOptions options)
    {
        if (options.OtlpEndpoint is null)
        {
            return;
        }

        var resource = ResourceBuilder.CreateDefault().AddService(options.ServiceName);
        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(options.ServiceName))
            .WithTracing(t => t.AddSource(Telemetry.Name).AddOtlpExporter())
            .WithMetrics(m => m.AddMeter(Telemetry.Name).AddOtlpExporter());
        logging.AddOpenTelemetry(o =>
        {
            o.SetResourceBuilder(resource);
            o.IncludeScopes = true;
            o.AddOtlpExporter();
        });
    }

    /// <summary>Every feature's module, in one list a newcomer can read; settings a module reads are checked here, at start.</summary>
    private static void AddFeatures(IServiceCollection services, IConfiguration configuration)
    {
        _ = ServiceBusSettings.Read(configuration); // checked now; the messaging port reads them when first used
        services.AddOutbox();
        services.AddDurableTimers();
        services.AddSupervision(configuration);
        services.AddSingleton<StoredCalendarProvider>();
        services.AddSingleton<ICalendarProvider>(sp => sp.GetRequiredService<StoredCalendarProvider>());
        services.AddSingleton<IStartupTask, CalendarTableStartup>();

        services.AddSingleton<CatalogStore>();
        services.AddSingleton<ITimerHandler, CatalogRevisionTimerHandler>();
        services.AddSingleton<ICalendarObserver, CatalogCalendarObserver>();
        services.AddSingleton<ICatalogLookup, CatalogLookupService>();
        services.AddSingleton<IStartupTask, CatalogTablesStartupTask>();
        services.AddSingleton<IStartupTask, CatalogSeedStartupTask>();
        services.AddDocuments();

        services.AddComplaints(configuration);
        services.AddExperts();
        services.AddCases();
        services.AddEvaluations();
        services.AddEnforcement();
        services.AddGuidance();
        services.AddSignIn();
        services.AddAudit();
    }

    /// <summary>
    /// The standalone environment when nothing names one: Production on App Service (it sets
    /// <c>WEBSITE_SITE_NAME</c>), Development for a local <c>dotnet run</c>. Null (the framework's choice) whenever <c>--environment</c>,
    /// <c>ASPNETCORE_ENVIRONMENT</c> or <c>DOTNET_ENVIRONMENT</c> says. No launch profile is used, so
    /// <c>dotnet run … -- token</c> prints the token alone.
    /// </summary>
    private static string? DefaultEnvironment(string[] args)
    {
        if (args.Any(a => a.StartsWith("--environment", StringComparison.OrdinalIgnoreCase))
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT"))
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT")))
        {
            return null;
        }

        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("WEBSITE_SITE_NAME")))
        {
            return Environment.GetEnvironmentVariable("AZURE_FUNCTIONS_ENVIRONMENT") is { Length: > 0 } functions ? functions : Environments.Production;
        }

        return Environments.Development;
    }

    private static TimeProvider CreateClock(ClockOptions options)
    {
        if (options.Mode != ClockOptions.Manual)
        {
            return TimeProvider.System;
        }

        var start = string.IsNullOrWhiteSpace(options.Start)
            ? TimeProvider.System.GetUtcNow()
            : DateTimeOffset.Parse(options.Start, CultureInfo.InvariantCulture);
        return new ManualClock(start);
    }

    /// <summary>
    /// The storage factory, its settings checked now (a bad connection string stops the start, named).
    /// AzureStorage: the connection string (keys, or Azurite) if set; else the account by Microsoft
    /// Entra ID through DefaultAzureCredential (a managed identity in Azure: no keys in settings).
    /// </summary>
    private static Func<IServiceProvider, IStorageAccount> CreateStorage(StorageOptions options)
    {
        if (options.Provider == StorageOptions.Embedded)
        {
            return _ => new EmbeddedStorageAccount(options.DataPath);
        }

        try
        {
            if (!string.IsNullOrWhiteSpace(options.ConnectionString))
            {
                _ = AzureStorageAccount.FromConnectionString(options.ConnectionString);
                return sp => AzureStorageAccount.FromConnectionString(options.ConnectionString, AzureOptions(sp));
            }

            _ = AzureStorageAccount.FromAccountName(options.AccountName!, new Azure.Identity.DefaultAzureCredential());
            return sp => AzureStorageAccount.FromAccountName(options.AccountName!, new Azure.Identity.DefaultAzureCredential(), AzureOptions(sp));
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            throw new ConfigurationException($"Storage:ConnectionString or Storage:AccountName is not usable: {e.Message}");
        }

        static AzureStorageOptions AzureOptions(IServiceProvider sp) =>
            new() { Logger = sp.GetRequiredService<ILoggerFactory>().CreateLogger("PowerFunctions.Storage.Azure") };
    }
}
