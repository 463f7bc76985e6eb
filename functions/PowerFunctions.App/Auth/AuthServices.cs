using PowerFunctions.App.Config;
using PowerFunctions.Domain.Identity;

namespace PowerFunctions.App.Auth;

/// <summary>Registers the authentication of calls: the three token kinds, the citizen keys and the identity fingerprints, checked now.</summary>
public static class AuthServices
{
    public static IServiceCollection AddTokenAuthentication(this IServiceCollection services, AuthOptions options, bool isProduction)
    {
        services.AddSingleton(options);
        services.AddSingleton(CitizenKeyRing.Create(options.Citizen, isProduction));
        services.AddSingleton(IdentityFingerprints.Create(options.RealName));
        services.AddSingleton(new RealNamePolicy(options.RequireRealName ?? isProduction, options.RealName.MinimumLevel));
        services.AddSingleton<TokenService>();
        services.AddSingleton<CitizenTokens>();
        if (!string.IsNullOrWhiteSpace(options.Authority))
        {
            services.AddSingleton(_ => new ProductionTokenValidator(new OidcTokenValidator(options.Authority, options.Audience!, MetadataClient())));
        }

        services.AddSingleton<Authenticator>();
        return services;
    }

    /// <summary>
    /// A long-lived client for an issuer's discovery document and keys: connections recycled every few
    /// minutes (DNS changes are seen), a short timeout, no logging handlers.
    /// </summary>
    public static HttpClient MetadataClient() =>
        new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), ConnectTimeout = TimeSpan.FromSeconds(5) })
        {
            Timeout = TimeSpan.FromSeconds(10),
        };
}
