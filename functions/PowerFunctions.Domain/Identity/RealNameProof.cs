namespace PowerFunctions.Domain.Identity;

/// <summary>
/// The identity a citizen has proven (实名认证) to an identity service we trust: the level that service
/// vouches for (1 and up), the verified name, and the identity document as a keyed fingerprint
/// (<c>{keyId}.{hash}</c>), never the number itself.
/// </summary>
public sealed record RealNameProof(int Level, string Name, string Fingerprint);
