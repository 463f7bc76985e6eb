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
using PowerFunctions.App.Features.Health;
using PowerFunctions.App.Features.Supervision;
using PowerFunctions.App.Features.Timers;
using PowerFunctions.Storage;
using PowerFunctions.Storage.AzureStorage;
using PowerFunctions.Storage.Embedded;

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
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.local.json"), optional: true);
        builder.Logging.AddSimpleConsole(o =>
        {
            o.IncludeScopes = true;
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss.fff ";
        });

        ConfigureUrls(builder);
        var configuration = builder.Configuration;
        var environment = builder.Environment;

        var storage = AppSettings.Storage(configuration);
        var clock = AppSettings.Clock(configuration, environment);
        var auth = AppSettings.Auth(configuration);
        var http = AppSettings.Http(configuration);
        var services = builder.Services;
        services.AddSingleton(storage);
        services.AddSingleton(clock);
        services.AddSingleton(Options.Create(auth));
        services.AddSingleton(Options.Create(http));
        services.AddSingleton(new SeedOptions { Catalog = AppSettings.SeedCatalog(configuration, environment) });
        services.AddSingleton(CreateClock(clock));
        services.AddSingleton(CreateStorage(storage));
        services.AddSingleton<TokenService>();
        services.AddSingleton<HttpPipeline>();
        services.AddSingleton<FunctionCatalog>();

        AddFeatures(services);
        overrideServices?.Invoke(services);

        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = http.MaxBodyBytes + 1);
        var app = builder.Build();
        app.MapFunctionRoutes();
        return app;
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
        services.AddSingleton<ICatalogLookup, CatalogLookupService>();
        services.AddSingleton<IStartupTask, CatalogTablesStartupTask>();
        services.AddSingleton<IStartupTask, CatalogSeedStartupTask>();
        services.AddFunctionModule<CatalogFunctions>();
        services.AddFunctionModule<DocumentFunctions>();
        services.AddDocuments();

        services.AddCases();
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

    private static void ConfigureUrls(WebApplicationBuilder builder)
    {
        var customHandlerPort = builder.Configuration["FUNCTIONS_CUSTOMHANDLER_PORT"];
        if (!string.IsNullOrWhiteSpace(customHandlerPort))
        {
            if (!int.TryParse(customHandlerPort, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
            {
                throw new ConfigurationException($"FUNCTIONS_CUSTOMHANDLER_PORT='{customHandlerPort}' is not a port number.");
            }

            builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        }
        else if (string.IsNullOrWhiteSpace(builder.Configuration["urls"]) && string.IsNullOrWhiteSpace(builder.Configuration["ASPNETCORE_URLS"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }
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
