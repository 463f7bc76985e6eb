using System.Globalization;
using System.Text;

namespace PowerFunctions.App.Config;

/// <summary>
/// Reads and validates every setting at start (API.md, Configuration). A bad value stops the app
/// with a message naming the setting; nothing half-starts.
/// </summary>
public static class AppSettings
{
    public static StorageOptions Storage(IConfiguration configuration)
    {
        var options = Bind<StorageOptions>(configuration, "Storage");
        if (!string.Equals(options.Provider, StorageOptions.Embedded, StringComparison.OrdinalIgnoreCase)
            && !string.Equals(options.Provider, StorageOptions.AzureStorage, StringComparison.OrdinalIgnoreCase))
        {
            throw new ConfigurationException($"Storage:Provider='{options.Provider}' is not supported; use 'Embedded' or 'AzureStorage'.");
        }

        options.Provider = string.Equals(options.Provider, StorageOptions.Embedded, StringComparison.OrdinalIgnoreCase) ? StorageOptions.Embedded : StorageOptions.AzureStorage;
        if (options.Provider == StorageOptions.Embedded && string.IsNullOrWhiteSpace(options.DataPath))
        {
            throw new ConfigurationException("Storage:DataPath is empty; give the folder of the embedded store.");
        }

        if (options.Provider == StorageOptions.AzureStorage && string.IsNullOrWhiteSpace(options.ConnectionString) && string.IsNullOrWhiteSpace(options.AccountName))
        {
            throw new ConfigurationException("Storage:Provider=AzureStorage needs Storage:ConnectionString or Storage:AccountName.");
        }

        return options;
    }

    public static ClockOptions Clock(IConfiguration configuration, IHostEnvironment environment)
    {
        var options = Bind<ClockOptions>(configuration, "Clock");
        if (string.Equals(options.Mode, ClockOptions.System, StringComparison.OrdinalIgnoreCase))
        {
            options.Mode = ClockOptions.System;
        }
        else if (string.Equals(options.Mode, ClockOptions.Manual, StringComparison.OrdinalIgnoreCase))
        {
            options.Mode = ClockOptions.Manual;
            if (environment.IsProduction())
            {
                throw new ConfigurationException("Clock:Mode=Manual is refused in Production: deadlines must run on the real clock.");
            }
        }
        else
        {
            throw new ConfigurationException($"Clock:Mode='{options.Mode}' is not supported; use 'System' or 'Manual'.");
        }

        if (!string.IsNullOrWhiteSpace(options.Start) && !DateTimeOffset.TryParse(options.Start, CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            throw new ConfigurationException($"Clock:Start='{options.Start}' is not an ISO-8601 instant such as 2026-09-18T09:30:00+08:00.");
        }

        return options;
    }

    /// <summary>
    /// <c>Auth:*</c>, checked: the development key (≥ 32 bytes) is refused in Production; the OpenID Connect
    /// issuer is an https URL (http only on loopback, for tests) with its audience; lifetimes and limits in
    /// range; the real-name rule resolved (on in Production unless set). Keys are checked where they are
    /// loaded (<c>CitizenKeyRing</c>, <c>IdentityFingerprints</c>), also at start.
    /// </summary>
    public static AuthOptions Auth(IConfiguration configuration, bool isProduction = false)
    {
        var options = Bind<AuthOptions>(configuration, "Auth");
        if (!string.IsNullOrEmpty(options.SigningKey))
        {
            if (isProduction)
            {
                throw new ConfigurationException("Auth:SigningKey is refused in Production: development tokens are for development; production tokens come from the OpenID Connect issuer (Auth:Authority, Auth:Audience) and citizens sign in through POST /api/auth/mini-program.");
            }

            if (Encoding.UTF8.GetByteCount(options.SigningKey) < 32)
            {
                throw new ConfigurationException("Auth:SigningKey is shorter than 32 bytes; use a longer random key.");
            }
        }

        if (options.TokenLifetimeHours is <= 0 or > 24 * 30)
        {
            throw new ConfigurationException("Auth:TokenLifetimeHours must be between 0 and 720.");
        }

        CheckIssuer("Auth:Authority", options.Authority, "Auth:Audience", options.Audience);
        CheckIssuer("Auth:RealName:Authority", options.RealName.Authority, "Auth:RealName:ClientId", options.RealName.ClientId);
        foreach (var (name, value) in new[] { ("Auth:RolesClaim", options.RolesClaim), ("Auth:DepartmentClaim", options.DepartmentClaim), ("Auth:NameClaim", options.NameClaim), ("Auth:RealName:NameClaim", options.RealName.NameClaim), ("Auth:RealName:IdNumberClaim", options.RealName.IdNumberClaim) })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                throw new ConfigurationException($"{name} is empty; name the claim.");
            }
        }

        var citizen = options.Citizen;
        if (string.IsNullOrWhiteSpace(citizen.Issuer) || string.IsNullOrWhiteSpace(citizen.Audience))
        {
            throw new ConfigurationException("Auth:Citizen:Issuer and Auth:Citizen:Audience must not be empty.");
        }

        if (string.Equals(citizen.Issuer, "powerfunctions", StringComparison.Ordinal) || SameIssuer(citizen.Issuer, options.Authority))
        {
            throw new ConfigurationException($"Auth:Citizen:Issuer='{citizen.Issuer}' is the issuer of other tokens; citizen tokens need their own.");
        }

        if (citizen.AccessTokenMinutes is < 1 or > 60)
        {
            throw new ConfigurationException("Auth:Citizen:AccessTokenMinutes must be from 1 to 60.");
        }

        if (citizen.RefreshTokenDays is < 1 or > 90)
        {
            throw new ConfigurationException("Auth:Citizen:RefreshTokenDays must be from 1 to 90.");
        }

        if (citizen.SessionDays < citizen.RefreshTokenDays || citizen.SessionDays > 365)
        {
            throw new ConfigurationException("Auth:Citizen:SessionDays must be from Auth:Citizen:RefreshTokenDays to 365.");
        }

        if (options.RealName.MinimumLevel is < 1 or > 10)
        {
            throw new ConfigurationException("Auth:RealName:MinimumLevel must be from 1 to 10.");
        }

        if (options.RealName.NonceMinutes is < 1 or > 60)
        {
            throw new ConfigurationException("Auth:RealName:NonceMinutes must be from 1 to 60.");
        }

        if (options.SignIn.PerClientPerMinute is < 1 or > 100_000 || options.SignIn.PerCodePerFiveMinutes is < 1 or > 100)
        {
            throw new ConfigurationException("Auth:SignIn:PerClientPerMinute must be from 1 to 100000 and Auth:SignIn:PerCodePerFiveMinutes from 1 to 100.");
        }

        options.RequireRealName ??= isProduction;
        return options;
    }

    /// <summary>Whether two issuer URLs name the same issuer (a trailing '/' aside).</summary>
    public static bool SameIssuer(string? a, string? b) =>
        !string.IsNullOrWhiteSpace(a) && !string.IsNullOrWhiteSpace(b)
        && string.Equals(a.TrimEnd('/'), b.TrimEnd('/'), StringComparison.Ordinal);

    private static void CheckIssuer(string name, string? authority, string audienceName, string? audience)
    {
        if (string.IsNullOrWhiteSpace(authority))
        {
            if (!string.IsNullOrWhiteSpace(audience))
            {
                throw new ConfigurationException($"{audienceName} is set but {name} is not; give the OpenID Connect issuer too.");
            }

            return;
        }

        if (!Uri.TryCreate(authority, UriKind.Absolute, out var uri)
            || !(uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback))
            || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
        {
            throw new ConfigurationException($"{name}='{authority}' is not the https URL of an OpenID Connect issuer (http is allowed on loopback only).");
        }

        if (string.IsNullOrWhiteSpace(audience))
        {
            throw new ConfigurationException($"{name} is set but {audienceName} is not; tokens must be checked for their audience.");
        }
    }

    public static HttpOptions Http(IConfiguration configuration)
    {
        var options = Bind<HttpOptions>(configuration, "Http");
        if (options.MaxBodyBytes <= 0)
        {
            throw new ConfigurationException("Http:MaxBodyBytes must be a positive number of bytes.");
        }

        if (options.MaxRequestLineBytes < 1024 || options.MaxRequestHeadersBytes < 4096 || options.MaxRequestHeaderCount < 16 || options.RequestHeadersTimeoutSeconds < 1)
        {
            throw new ConfigurationException("Http:MaxRequestLineBytes (≥ 1024), Http:MaxRequestHeadersBytes (≥ 4096), Http:MaxRequestHeaderCount (≥ 16) and Http:RequestHeadersTimeoutSeconds (≥ 1) are too small.");
        }

        if (options.RateLimits.PublicPerClientPerMinute <= 0 || options.RateLimits.SubmissionsPerCitizenPerMinute <= 0)
        {
            throw new ConfigurationException("Http:RateLimits:PublicPerClientPerMinute and Http:RateLimits:SubmissionsPerCitizenPerMinute must be positive numbers of requests.");
        }

        return options;
    }

    public static bool SeedCatalog(IConfiguration configuration, IHostEnvironment environment)
    {
        var value = configuration["Seed:Catalog"];
        if (string.IsNullOrWhiteSpace(value))
        {
            return !environment.IsProduction();
        }

        return bool.TryParse(value, out var seed) ? seed : throw new ConfigurationException($"Seed:Catalog='{value}' is not true or false.");
    }

    public static RunnerOptions Runners(IConfiguration configuration)
    {
        var value = configuration["Runners:Enabled"];
        if (string.IsNullOrWhiteSpace(value))
        {
            return new RunnerOptions();
        }

        return bool.TryParse(value, out var enabled)
            ? new RunnerOptions { Enabled = enabled }
            : throw new ConfigurationException($"Runners:Enabled='{value}' is not true or false.");
    }

    public static IdleTrimOptions IdleTrim(IConfiguration configuration)
    {
        var value = configuration["IdleTrim:Enabled"];
        var enabled = true;
        if (!string.IsNullOrWhiteSpace(value) && !bool.TryParse(value, out enabled))
        {
            throw new ConfigurationException($"IdleTrim:Enabled='{value}' is not true or false.");
        }

        return new IdleTrimOptions
        {
            Enabled = enabled,
            Delay = Duration(configuration, "IdleTrim:Delay", TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(1), TimeSpan.FromDays(1)),
        };
    }

    public static QueueOptions Queues(IConfiguration configuration)
    {
        var options = new QueueOptions
        {
            MaxDequeueCount = Int(configuration, "Queues:MaxDequeueCount", 5, 1, 100),
            BatchSize = Int(configuration, "Queues:BatchSize", 16, 1, 32),
            VisibilityTimeout = Duration(configuration, "Queues:VisibilityTimeout", TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(1), TimeSpan.FromDays(7)),
            RetryDelay = Duration(configuration, "Queues:RetryDelay", TimeSpan.FromSeconds(1), TimeSpan.Zero, TimeSpan.FromDays(7)),
            MaxPollingInterval = Duration(configuration, "Queues:MaxPollingInterval", TimeSpan.FromSeconds(2), TimeSpan.FromMilliseconds(10), TimeSpan.FromMinutes(10)),
        };
        return options;
    }

    public static TelemetryOptions Telemetry(IConfiguration configuration)
    {
        var options = new TelemetryOptions();
        var endpoint = configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        if (!string.IsNullOrWhiteSpace(endpoint))
        {
            if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                throw new ConfigurationException($"OTEL_EXPORTER_OTLP_ENDPOINT='{endpoint}' is not an http(s) URL such as http://localhost:4317.");
            }

            options.OtlpEndpoint = uri;
        }

        if (!string.IsNullOrWhiteSpace(configuration["OTEL_SERVICE_NAME"]))
        {
            options.ServiceName = configuration["OTEL_SERVICE_NAME"]!;
        }

        return options;
    }

    /// <summary>Binds a section; a value of the wrong type becomes a <see cref="ConfigurationException"/> naming it.</summary>
    private static T Bind<T>(IConfiguration configuration, string section)
        where T : new()
    {
        try
        {
            return configuration.GetSection(section).Get<T>() ?? new T();
        }
        catch (InvalidOperationException e)
        {
            throw new ConfigurationException(e.InnerException is null ? e.Message : $"{e.Message} ({e.InnerException.Message})");
        }
    }

    private static int Int(IConfiguration configuration, string key, int fallback, int min, int max)
    {
        var value = configuration[key];
        if (string.IsNullOrWhiteSpace(value))
        {
            return fallback;
        }

        return int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? n
            : throw new ConfigurationException($"{key}='{value}' must be a whole number from {min} to {max}.");
    }

    private static TimeSpan Duration(IConfiguration configuration, string key, TimeSpan fallback, TimeSpan min, TimeSpan max)
    {
        var value = configuration[key];
        if (string.IsNullOrWhiteSpace(value))
        {
            return fallback;
        }

        return TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out var span) && span >= min && span <= max
            ? span
            : throw new ConfigurationException($"{key}='{value}' must be a duration (hh:mm:ss) from {min} to {max}.");
    }
}
