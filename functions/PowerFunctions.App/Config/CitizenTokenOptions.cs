namespace PowerFunctions.App.Config;

/// <summary>
/// <c>Auth:Citizen:*</c>: the access and refresh tokens the app issues to citizens of the mini-program.
/// Access tokens are ES256 JWTs signed with the key <see cref="ActiveKey"/> of <see cref="Keys"/>; every
/// listed key is published at <c>/.well-known/jwks.json</c> and accepted, so a rotated-out key stays listed
/// (its <c>PublicKey</c> is enough) until the last token it signed has expired.
/// </summary>
public sealed class CitizenTokenOptions
{
    /// <summary>The <c>iss</c> of citizen tokens; best the app's public URL with <c>/api</c>, where the discovery document is.</summary>
    public string Issuer { get; set; } = "powerfunctions-citizen";

    /// <summary>The <c>aud</c> of citizen tokens.</summary>
    public string Audience { get; set; } = "powerfunctions-api";

    /// <summary>Lifetime of an access token, in minutes (1–60).</summary>
    public int AccessTokenMinutes { get; set; } = 10;

    /// <summary>Lifetime of one refresh token from its issue, in days (1–90): a session unused this long ends.</summary>
    public int RefreshTokenDays { get; set; } = 14;

    /// <summary>The longest a session lasts from sign-in, however often it is refreshed, in days.</summary>
    public int SessionDays { get; set; } = 90;

    /// <summary>The key id that signs new tokens; may be left out when exactly one key has a private key.</summary>
    public string? ActiveKey { get; set; }

    /// <summary>Signing keys by key id (letters, digits, '-', '_').</summary>
    public Dictionary<string, CitizenKeyOptions> Keys { get; set; } = new(StringComparer.Ordinal);

    /// <summary>With no key configured, sign with a key generated at start (lost at restart); default: outside Production only.</summary>
    public bool? GenerateDevelopmentKey { get; set; }
}
