using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.IdentityModel.Tokens;

namespace PowerFunctions.App.Features.SignIn;

/// <summary>
/// A refresh token: <c>{sessionId}.{secret}</c>, opaque to the client — the session id (32 hex digits) and
/// 256 random bits. Only the secret's SHA-256 is stored (a secret of 256 random bits needs no key or salt:
/// nobody inverts the hash of one).
/// </summary>
public static partial class RefreshToken
{
    public static (string Token, string Hash) New(string sessionId)
    {
        var secret = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        return ($"{sessionId}.{secret}", Hash(secret));
    }

    /// <summary>The session id and the secret's hash, or false for anything that is not a refresh token.</summary>
    public static bool TryParse(string? token, out string sessionId, out string hash)
    {
        sessionId = string.Empty;
        hash = string.Empty;
        var match = token is { Length: < 200 } ? Pattern().Match(token) : Match.Empty;
        if (!match.Success)
        {
            return false;
        }

        sessionId = match.Groups["sid"].Value;
        hash = Hash(match.Groups["secret"].Value);
        return true;
    }

    public static string NewSessionId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>Whether two hashes are equal, in time that does not depend on where they differ.</summary>
    public static bool SameHash(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(a), Encoding.ASCII.GetBytes(b));

    private static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(secret)));

    [GeneratedRegex("^(?<sid>[0-9a-f]{32})\\.(?<secret>[A-Za-z0-9_-]{43})$")]
    private static partial Regex Pattern();
}
