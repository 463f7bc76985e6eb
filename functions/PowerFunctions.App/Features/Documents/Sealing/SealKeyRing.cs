namespace PowerFunctions.App.Features.Documents.Sealing;

/// <summary>
/// A department's seal keys over time, current and retired. One rule gives every key its active period:
/// ordered by <see cref="SealKey.ValidFrom"/>, a key is active from its own start until the earlier of its
/// <see cref="SealKey.ValidTo"/> and the next key's start (its retirement). So a rotation is only "add a
/// key that starts at the rotation instant": the previous key retires then, and still verifies what it
/// sealed before. Two keys with one id, one public key or one start are ambiguous: they are
/// <see cref="Problems"/> (a configuration error at start, a refused signature from Key Vault).
/// </summary>
public sealed class SealKeyRing
{
    private SealKeyRing(string departmentCode, IReadOnlyList<SealKey> keys, IReadOnlyList<string> problems)
    {
        DepartmentCode = departmentCode;
        Keys = keys;
        Problems = problems;
    }

    public string DepartmentCode { get; }

    /// <summary>The keys in order of <see cref="SealKey.ValidFrom"/>, each with its <see cref="SealKey.RetiredAt"/> set.</summary>
    public IReadOnlyList<SealKey> Keys { get; }

    /// <summary>Why this ring cannot be trusted to sign (empty when it can); each names the keys involved.</summary>
    public IReadOnlyList<string> Problems { get; }

    /// <summary>The keys a verifier trusts: every key's public part with its period (no private key).</summary>
    public IReadOnlyList<SealKey> Trusted => Keys.Select(k => k with { PrivateKey = null }).ToList();

    /// <summary>Orders <paramref name="keys"/>, sets each one's retirement, and lists the ambiguities found (<paramref name="problems"/> adds those found earlier).</summary>
    public static SealKeyRing Build(string departmentCode, IEnumerable<SealKey> keys, IEnumerable<string>? problems = null)
    {
        var ordered = keys.OrderBy(k => k.ValidFrom).ThenBy(k => k.KeyId, StringComparer.Ordinal).ToList();
        var found = new List<string>(problems ?? []);
        foreach (var group in ordered.GroupBy(k => k.KeyId, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            found.Add($"key id {group.Key} names {group.Count()} keys of department {departmentCode}");
        }

        foreach (var group in ordered.GroupBy(k => k.PublicKey, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            found.Add($"one public key is registered as {string.Join(" and ", group.Select(k => k.KeyId))}");
        }

        foreach (var group in ordered.GroupBy(k => k.ValidFrom).Where(g => g.Count() > 1))
        {
            found.Add($"keys {string.Join(" and ", group.Select(k => k.KeyId))} start at the same instant {group.Key:O}: which one signs is ambiguous");
        }

        foreach (var key in ordered.Where(k => !string.Equals(k.DepartmentCode, departmentCode, StringComparison.OrdinalIgnoreCase)))
        {
            found.Add($"key {key.KeyId} belongs to department {key.DepartmentCode}, not {departmentCode}");
        }

        var withPeriods = new List<SealKey>(ordered.Count);
        for (var i = 0; i < ordered.Count; i++)
        {
            var successor = i + 1 < ordered.Count ? ordered[i + 1].ValidFrom : (DateTimeOffset?)null;
            withPeriods.Add(ordered[i] with { RetiredAt = successor is { } next && next < ordered[i].ValidTo ? next : null });
        }

        return new SealKeyRing(departmentCode, withPeriods, found);
    }

    /// <summary>
    /// The key to sign with at <paramref name="now"/>: the one active then. When none is, the one whose
    /// refusal explains best (the last that started, else the first to come), so the caller's validity
    /// check answers why; null when the ring is empty.
    /// </summary>
    public SealKey? SigningKeyAt(DateTimeOffset now) =>
        Keys.LastOrDefault(k => k.IsValidAt(now))
        ?? Keys.LastOrDefault(k => k.ValidFrom <= now)
        ?? Keys.FirstOrDefault();

    /// <summary>The key a seal names: by key id (format 2), else — a format-1 seal names none — by its public key.</summary>
    public static SealKey? Find(IReadOnlyList<SealKey> keys, string? keyId, string publicKey) => string.IsNullOrEmpty(keyId)
        ? keys.FirstOrDefault(k => string.Equals(k.PublicKey, publicKey, StringComparison.OrdinalIgnoreCase))
        : keys.FirstOrDefault(k => string.Equals(k.KeyId, keyId, StringComparison.OrdinalIgnoreCase));
}
