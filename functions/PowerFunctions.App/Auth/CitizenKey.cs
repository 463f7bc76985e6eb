using Microsoft.IdentityModel.Tokens;

namespace PowerFunctions.App.Auth;

/// <summary>One EC P-256 key of citizen tokens: its key id, the key (private where it can sign), and its public JWK.</summary>
public sealed record CitizenKey(string KeyId, ECDsaSecurityKey SecurityKey, bool CanSign, IReadOnlyDictionary<string, string> PublicJwk);
