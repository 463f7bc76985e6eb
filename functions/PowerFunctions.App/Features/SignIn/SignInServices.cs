using System.Text.RegularExpressions;
using PowerFunctions.App.Auth;
using PowerFunctions.App.Config;
using PowerFunctions.App.Hosting;

namespace PowerFunctions.App.Features.SignIn;

/// <summary>Registers citizen sign-in: the platform client (no logging handlers: its URL holds the secret), stores, limiter, services; settings checked at start.</summary>
public static partial class SignInServices
{
    public static IServiceCollection AddSignIn(this IServiceCollection services)
    {
        services.AddSingleton(sp => ReadMiniProgram(sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<IHostEnvironment>(), sp.GetRequiredService<CitizenKeyRing>()));
        services.AddHttpClient<MiniProgramClient>(client => client.Timeout = Timeout.InfiniteTimeSpan).RemoveAllLoggers();
        services.AddSingleton(sp => CreateVerifier(sp.GetRequiredService<AuthOptions>(), sp.GetRequiredService<IdentityFingerprints>()));
        services.AddSingleton<CitizenStore>();
        services.AddSingleton<SessionStore>();
        services.AddSingleton<ICitizenSessions>(sp => sp.GetRequiredService<SessionStore>());
        services.AddSingleton<SignInAudit>();
        services.AddSingleton<SignInLimiter>();
        services.AddSingleton<SignInService>();
        services.AddSingleton<RealNameService>();
        services.AddSingleton<RealNameGate>();
        services.AddSingleton<IStartupTask, SignInStartupTask>();
        return services;
    }

    /// <summary><c>MiniProgram:*</c>, checked; the secret is never part of a message.</summary>
    public static MiniProgramOptions ReadMiniProgram(IConfiguration configuration, IHostEnvironment environment, CitizenKeyRing keys)
    {
        MiniProgramOptions options;
        try
        {
            options = configuration.GetSection("MiniProgram").Get<MiniProgramOptions>() ?? new MiniProgramOptions();
        }
        catch (InvalidOperationException e)
        {
            throw new ConfigurationException($"MiniProgram: {e.InnerException?.Message ?? e.Message}");
        }

        if (!Uri.TryCreate(options.BaseUrl, UriKind.Absolute, out var baseUrl)
            || !(baseUrl.Scheme == Uri.UriSchemeHttps || (baseUrl.Scheme == Uri.UriSchemeHttp && (baseUrl.IsLoopback || !environment.IsProduction())))
            || !string.IsNullOrEmpty(baseUrl.Query))
        {
            throw new ConfigurationException($"MiniProgram:BaseUrl='{options.BaseUrl}' is not the platform's https URL (such as {MiniProgramOptions.DefaultBaseUrl}).");
        }

        if (options.TimeoutSeconds is < 0.05 or > 30 || options.Retries is < 0 or > 5 || options.RetryDelayMilliseconds is < 0 or > 10_000)
        {
            throw new ConfigurationException("MiniProgram:TimeoutSeconds must be from 0.05 to 30, MiniProgram:Retries from 0 to 5, MiniProgram:RetryDelayMilliseconds from 0 to 10000.");
        }

        if (!options.IsConfigured)
        {
            return options;
        }

        if (!AppIdPattern().IsMatch(options.AppId!))
        {
            throw new ConfigurationException("MiniProgram:AppId is not an app id (letters, digits, '-', '_').");
        }

        if (string.IsNullOrWhiteSpace(options.AppSecret))
        {
            throw new ConfigurationException("MiniProgram:AppSecret is empty; set it (in Azure: an app setting referring to the Key Vault secret miniprogram-app-secret).");
        }

        if (options.AppSecret.StartsWith("@Microsoft.KeyVault(", StringComparison.OrdinalIgnoreCase))
        {
            throw new ConfigurationException("MiniProgram:AppSecret is an unresolved Key Vault reference: give the app's identity the role Key Vault Secrets User on the vault, and check the secret's name.");
        }

        if (keys.Active is null)
        {
            throw new ConfigurationException("MiniProgram:AppId is set but no key signs citizen tokens: configure Auth:Citizen:Keys (and Auth:Citizen:ActiveKey).");
        }

        return options;
    }

    private static RealNameVerifier CreateVerifier(AuthOptions options, IdentityFingerprints fingerprints)
    {
        var realName = options.RealName;
        if (string.IsNullOrWhiteSpace(realName.Authority))
        {
            return new RealNameVerifier(null);
        }

        if (!fingerprints.CanCompute)
        {
            throw new ConfigurationException("Auth:RealName:Authority is set but Auth:RealName:HashKeys is empty: proven identities are kept only as keyed fingerprints, so a key is needed.");
        }

        return new RealNameVerifier(new OidcTokenValidator(realName.Authority, realName.ClientId!, AuthServices.MetadataClient()));
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex AppIdPattern();
}
