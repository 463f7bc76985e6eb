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
        var options = configuration.GetSection("Storage").Get<StorageOptions>() ?? new StorageOptions();
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
        var options = configuration.GetSection("Clock").Get<ClockOptions>() ?? new ClockOptions();
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

    public static AuthOptions Auth(IConfiguration configuration)
    {
        var options = configuration.GetSection("Auth").Get<AuthOptions>() ?? new AuthOptions();
        if (!string.IsNullOrEmpty(options.SigningKey) && Encoding.UTF8.GetByteCount(options.SigningKey) < 32)
        {
            throw new ConfigurationException("Auth:SigningKey is shorter than 32 bytes; use a longer random key.");
        }

        if (options.TokenLifetimeHours is <= 0 or > 24 * 30)
        {
            throw new ConfigurationException("Auth:TokenLifetimeHours must be between 0 and 720.");
        }

        return options;
    }

    public static HttpOptions Http(IConfiguration configuration)
    {
        var options = configuration.GetSection("Http").Get<HttpOptions>() ?? new HttpOptions();
        if (options.MaxBodyBytes <= 0)
        {
            throw new ConfigurationException("Http:MaxBodyBytes must be a positive number of bytes.");
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
}
