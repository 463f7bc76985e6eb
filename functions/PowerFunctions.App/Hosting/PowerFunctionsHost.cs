using System.Globalization;
using Microsoft.Extensions.Options;
using PowerFunctions.App.Auth;
using PowerFunctions.App.Clock;
using PowerFunctions.App.Config;
using PowerFunctions.App.Features.Admin;
using PowerFunctions.App.Features.Calendar;
using PowerFunctions.App.Features.Cases;
using PowerFunctions.App.Features.Catalog;
using PowerFunctions.App.Features.Documents;
using PowerFunctions.App.Features.Complaints;
using PowerFunctions.App.Features.Evaluations;
using PowerFunctions.App.Features.Health;
using PowerFunctions.App.Features.Supervision;
using PowerFunctions.App.Features.Timers;
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
/// The composition root: settings, services, feature modules and the HTTP surface of both hosts.
/// Tests build the same app with their own settings (an args array) and a free loopback port.
/// </summary>
public static class PowerFunctionsHost
{
    /// <summary>Where standalone mode listens when neither ASPNETCORE_URLS nor --urls says.</summary>
    public const string DefaultUrl = "http://127.0.0.1:7071";

    /// <summary>
    /// Builds the app; throws <see cref="ConfigurationException"/> naming a bad setting.
    /// <paramref name="overrideServices"/> runs after every registration (tests swap a part here).
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

        var mode = ConfigureUrls(builder);
        var configuration = builder.Configuration;
        var environment = builder.Environment;

        var storage = AppSettings.Storage(configuration);
        var clock = AppSettings.Clock(configuration, environment);
        var auth = AppSettings.Auth(configuration);
        var http = AppSettings.Http(configuration);
        var runners = AppSettings.Runners(configuration);
        var queues = AppSettings.Queues(configuration);
        var telemetry = AppSettings.Telemetry(configuration);
        var services = builder.Services;
        services.AddSingleton(mode);
        services.AddSingleton(storage);
        services.AddSingleton(clock);
        services.AddSingleton(runners);
        services.AddSingleton(queues);
        services.AddSingleton(telemetry);
        services.AddSingleton(Options.Create(auth));
        services.AddSingleton(Options.Create(http));
        services.AddSingleton(new SeedOptions { Catalog = AppSettings.SeedCatalog(configuration, environment) });
        services.AddSingleton(CreateClock(clock));
        services.AddSingleton(CreateStorage(storage));
        services.AddSingleton<TokenService>();
        services.AddSingleton<Telemetry>();
        services.AddSingleton<HttpPipeline>();
        services.AddSingleton<FunctionInvoker>();
        services.AddSingleton<FunctionCatalog>();
        services.AddSingleton<InvocationLogCollector>();
        services.AddSingleton<ILoggerProvider>(sp => sp.GetRequiredService<InvocationLogCollector>());
        if (!mode.IsCustomHandler && runners.Enabled)
        {
            services.AddSingleton<TimerRunner>();
            services.AddHostedService(sp => sp.GetRequiredService<TimerRunner>());
            services.AddSingleton<QueueRunner>();
            services.AddHostedService(sp => sp.GetRequiredService<QueueRunner>());
        }

        AddTelemetry(builder, telemetry);
        AddFeatures(services);
        overrideServices?.Invoke(services);

        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = http.MaxBodyBytes + 1);
        var app = builder.Build();
        app.MapFunctionRoutes();
        if (mode.IsCustomHandler)
        {
            // Under the Functions host the /api routes stay mapped too: harmless (the port is loopback and
            // only the host calls it), and they serve enableForwardingHttpRequest=true should it be switched on.
            app.MapCustomHandlerEndpoints();
        }

        return app;
    }

    /// <summary>
    /// The declared functions without serving: for <c>emit-functions</c>. Storage is replaced by one that
    /// refuses use, so emitting touches no data folder.
    /// </summary>
    public static FunctionCatalog CreateCatalog(string[] args)
    {
        var app = Build(args, services => services.AddSingleton<IStorageAccount>(new UnavailableStorageAccount()));
        return app.Services.GetRequiredService<FunctionCatalog>();
    }

    /// <summary>OpenTelemetry traces, metrics and logs over OTLP, only when an endpoint is configured.</summary>
    private static void AddTelemetry(WebApplicationBuilder builder, TelemetryOptions options)
    {
        if (options.OtlpEndpoint is null)
        {
            return;
        }

        var resource = ResourceBuilder.CreateDefault().AddService(options.ServiceName);
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(options.ServiceName))
            .WithTracing(t => t.AddSource(Telemetry.Name).AddOtlpExporter())
            .WithMetrics(m => m.AddMeter(Telemetry.Name).AddOtlpExporter());
        builder.Logging.AddOpenTelemetry(o =>
        {
            o.SetResourceBuilder(resource);
            o.IncludeScopes = true;
            o.AddOtlpExporter();
        });
    }

    /// <summary>Every feature's module, in one list a newcomer can read.</summary>
    private static void AddFeatures(IServiceCollection services)
    {
        services.AddFunctionModule<HealthFunctions>();
        services.AddFunctionModule<ClockFunctions>();
        services.AddDurableTimers();
        services.AddSupervision();
        services.AddSingleton<StoredCalendarProvider>();
        services.AddSingleton<ICalendarProvider>(sp => sp.GetRequiredService<StoredCalendarProvider>());
        services.AddSingleton<IStartupTask, CalendarTableStartup>();
        services.AddFunctionModule<CalendarFunctions>();

        services.AddSingleton<CatalogStore>();
        services.AddSingleton<ITimerHandler, CatalogRevisionTimerHandler>();
        services.AddSingleton<ICalendarObserver, CatalogCalendarObserver>();
        services.AddSingleton<ICatalogLookup, CatalogLookupService>();
        services.AddSingleton<IStartupTask, CatalogTablesStartupTask>();
        services.AddSingleton<IStartupTask, CatalogSeedStartupTask>();
        services.AddFunctionModule<CatalogFunctions>();
        services.AddFunctionModule<DocumentFunctions>();
        services.AddDocuments();

        services.AddFunctionModule<ComplaintFunctions>();
        services.AddSingleton<ICalendarObserver, ComplaintCalendarObserver>();
        services.AddSingleton<IStartupTask, ComplaintTablesStartup>();
        services.AddCases();
        services.AddEvaluations();
    }

    /// <summary>Runs the start-up tasks in order (create tables, seed), then listens.</summary>
    public static async Task StartAsync(WebApplication app, CancellationToken cancellationToken = default)
    {
        foreach (var task in app.Services.GetServices<IStartupTask>().OrderBy(t => t.Order))
        {
            await task.RunAsync(cancellationToken).ConfigureAwait(false);
        }

        await app.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The environment when nothing names one: Production under the Functions host (it sets
    /// <c>FUNCTIONS_CUSTOMHANDLER_PORT</c>; App Service sets <c>WEBSITE_SITE_NAME</c>), Development for a
    /// local <c>dotnet run</c>. Null (the framework's choice) whenever <c>--environment</c>,
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

        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("FUNCTIONS_CUSTOMHANDLER_PORT"))
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("WEBSITE_SITE_NAME")))
        {
            return Environment.GetEnvironmentVariable("AZURE_FUNCTIONS_ENVIRONMENT") is { Length: > 0 } functions ? functions : Environments.Production;
        }

        return Environments.Development;
    }

    private static HostingMode ConfigureUrls(WebApplicationBuilder builder)
    {
        var customHandlerPort = builder.Configuration[HostingMode.PortSetting];
        if (!string.IsNullOrWhiteSpace(customHandlerPort))
        {
            // 0 picks a free port (tests); the Functions host always gives a real one.
            if (!int.TryParse(customHandlerPort, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535)
            {
                throw new ConfigurationException($"{HostingMode.PortSetting}='{customHandlerPort}' is not a port number.");
            }

            builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
            return HostingMode.CustomHandler;
        }

        if (string.IsNullOrWhiteSpace(builder.Configuration["urls"]) && string.IsNullOrWhiteSpace(builder.Configuration["ASPNETCORE_URLS"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        return HostingMode.Standalone;
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
                _ = StorageConnectionString.Parse(options.ConnectionString);
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
