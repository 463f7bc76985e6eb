using PowerFunctions.App.Auth;
using PowerFunctions.App.Config;
using PowerFunctions.App.Hosting;
using PowerFunctions.Domain.Identity;

namespace PowerFunctions.App.Features.SignIn;

/// <summary>
/// Before the app listens: the sign-in settings are read and checked (a bad one stops the start), the tables
/// exist, and what Production lacks is said in the log (no production issuer, real-name filing required but no
/// identity service, a generated citizen key).
/// </summary>
public sealed class SignInStartupTask(
    MiniProgramOptions miniProgram,
    RealNameService realName,
    CitizenKeyRing keys,
    RealNamePolicy policy,
    AuthOptions options,
    CitizenStore citizens,
    SessionStore sessions,
    SignInAudit audit,
    IHostEnvironment environment,
    ILogger<SignInStartupTask> logger) : IStartupTask
{
    public int Order => 10;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await citizens.CreateTableAsync(cancellationToken).ConfigureAwait(false);
        await sessions.CreateTableAsync(cancellationToken).ConfigureAwait(false);
        await audit.CreateTableAsync(cancellationToken).ConfigureAwait(false);
        if (keys.Generated && miniProgram.IsConfigured)
        {
            logger.LogWarning("citizen tokens are signed with a key generated at start ({KeyId}): they end with this process; configure Auth:Citizen:Keys", keys.Active!.KeyId);
        }

        if (environment.IsProduction() && string.IsNullOrWhiteSpace(options.Authority))
        {
            logger.LogWarning("no OpenID Connect issuer is configured (Auth:Authority): no staff token is accepted");
        }

        if (policy.Required && !realName.IsConfigured)
        {
            logger.LogWarning("Auth:RequireRealName is on but no identity service is configured (Auth:RealName:Authority, HashKeys): no citizen can submit an application");
        }
    }
}
