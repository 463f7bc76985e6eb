namespace PowerFunctions.App.Features.SignIn;

/// <summary>
/// The result of exchanging a login code: the user's <see cref="OpenId"/> (and <see cref="UnionId"/> where the
/// platform gives one), or the outcome that stopped it with the platform's <see cref="ErrorCode"/>. The session
/// key the platform also returns is dropped where it is read; it is never held or stored.
/// </summary>
public sealed record CodeExchange(CodeExchangeOutcome Outcome, string? OpenId = null, string? UnionId = null, int? ErrorCode = null, int Attempts = 1);
