using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using PowerFunctions.Domain.Common;

namespace PowerFunctions.App.Features.Documents.Sealing;

/// <summary>
/// Seals PDF bytes with a department's key and checks a seal against the bytes and the department's
/// trusted keys. Pure: keys and time come in as arguments.
/// </summary>
public static class DocumentSealer
{
    /// <summary>
    /// Signs <paramref name="pdf"/> at <paramref name="now"/> in <see cref="SealEnvelope.CurrentFormat"/>. Refuses
    /// (<see cref="DomainError"/>) a key without its private key, a retired key, and a seal outside its validity.
    /// </summary>
    public static Result<SealEnvelope> Seal(ReadOnlySpan<byte> pdf, string documentId, SealKey key, DateTimeOffset now)
    {
        if (key.PrivateKey is null)
        {
            return DomainError.Conflict("documents.seal_key_missing", "印章没有签章私钥，不能签章", $"key {key.KeyId} of seal {key.SealId} of {key.DepartmentCode} has no private key here");
        }

        if (key.RetiredAt is { } retired && now >= retired)
        {
            return DomainError.Conflict("documents.seal_key_retired", "该印章密钥已轮换停用，不能再签章",
                $"key {key.KeyId} of {key.DepartmentCode} was retired at {ChinaTime.InChina(retired):O} by the department's next key; now is {ChinaTime.InChina(now):O}");
        }

        if (!key.IsValidAt(now))
        {
            return DomainError.Conflict("documents.seal_not_valid", "印章不在有效期内，不能签章",
                $"seal {key.SealId} (key {key.KeyId}) of {key.DepartmentCode} is valid from {ChinaTime.InChina(key.ValidFrom):O} to {ChinaTime.InChina(key.ValidTo):O}; now is {ChinaTime.InChina(now):O}");
        }

        var seal = new SealObject
        {
            SealId = key.SealId,
            KeyId = key.KeyId,
            DepartmentCode = key.DepartmentCode,
            DepartmentName = key.DepartmentName,
            ValidFrom = ChinaTime.InChina(key.ValidFrom),
            ValidTo = ChinaTime.InChina(key.ValidTo),
            SignerPublicKey = key.PublicKey,
        };
        var unsigned = new SignatureObject
        {
            DocumentId = documentId,
            SignedAt = ChinaTime.InChina(now),
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(pdf)),
            Sm3 = SealCrypto.Sm3Hex(pdf),
            Value = string.Empty,
        };
        var signature = SealCrypto.Sign(key.PrivateKey, ToBeSigned(SealEnvelope.CurrentFormat, seal, unsigned));
        return new SealEnvelope { Seal = seal, Signature = unsigned with { Value = Convert.ToBase64String(signature) } };
    }

    /// <summary>
    /// Checks, in order: the format, the bytes against both digests (one changed byte fails), the SM2
    /// signature with the seal's key, that key among the department's <paramref name="trusted"/> keys (by
    /// the key id the seal names; a format-1 seal by its public key), that the seal was within its
    /// validity when it signed, and that the key had not been retired by then.
    /// </summary>
    public static SealCheck Verify(ReadOnlySpan<byte> pdf, SealEnvelope envelope, IReadOnlyList<SealKey> trusted)
    {
        var seal = envelope.Seal;
        var signature = envelope.Signature;
        var current = envelope.Format == SealEnvelope.CurrentFormat;
        if (!(current || envelope.Format == SealEnvelope.FirstFormat) || seal.Algorithm != SealCrypto.Algorithm || (current && string.IsNullOrWhiteSpace(seal.KeyId)))
        {
            return SealCheck.Fail("unsupported-seal", $"不支持的签章格式或算法：{envelope.Format} {seal.Algorithm}");
        }

        if (!string.Equals(Convert.ToHexStringLower(SHA256.HashData(pdf)), signature.Sha256, StringComparison.OrdinalIgnoreCase)
            || !string.Equals(SealCrypto.Sm3Hex(pdf), signature.Sm3, StringComparison.OrdinalIgnoreCase))
        {
            return SealCheck.Fail("content-changed", "文件内容与签章时不一致，文件已被改动");
        }

        byte[] value;
        try
        {
            value = Convert.FromBase64String(signature.Value);
        }
        catch (FormatException)
        {
            return SealCheck.Fail("signature-invalid", "签名值格式错误");
        }

        if (!SealCrypto.Verify(seal.SignerPublicKey, ToBeSigned(envelope.Format, seal, signature), value))
        {
            return SealCheck.Fail("signature-invalid", "SM2 签名验证失败：签名与印章公钥或签章数据不符");
        }

        if (trusted.Count == 0)
        {
            return SealCheck.Fail("seal-unknown", $"未找到部门 {seal.DepartmentCode} 登记的印章");
        }

        var key = SealKeyRing.Find(trusted, current ? seal.KeyId : null, seal.SignerPublicKey);
        if (key is null || !string.Equals(key.PublicKey, seal.SignerPublicKey, StringComparison.OrdinalIgnoreCase) || key.SealId != seal.SealId)
        {
            return SealCheck.Fail("key-not-trusted", "签章所用密钥不是该部门登记的印章密钥");
        }

        if (signature.SignedAt < key.ValidFrom || signature.SignedAt >= key.ValidTo)
        {
            return SealCheck.Fail("seal-expired", string.Create(CultureInfo.InvariantCulture,
                $"签章时印章不在有效期内（有效期 {ChinaTime.InChina(key.ValidFrom):yyyy-MM-dd} 至 {ChinaTime.InChina(key.ValidTo):yyyy-MM-dd}，签章时间 {ChinaTime.InChina(signature.SignedAt):yyyy-MM-dd HH:mm}）"));
        }

        if (key.RetiredAt is { } retired && signature.SignedAt >= retired)
        {
            return SealCheck.Fail("key-retired", string.Create(CultureInfo.InvariantCulture,
                $"签章所用密钥已于 {ChinaTime.InChina(retired):yyyy-MM-dd HH:mm} 轮换停用，之后的签章无效（签章时间 {ChinaTime.InChina(signature.SignedAt):yyyy-MM-dd HH:mm}）"));
        }

        return SealCheck.Ok;
    }

    /// <summary>
    /// The signed bytes (GB/T 38540 TBS_Sign), one field per line in UTF-8: format, seal id, key id (format 2
    /// only), department, validity, signer key, algorithm, document id, signing time and both digests.
    /// </summary>
    public static byte[] ToBeSigned(string format, SealObject seal, SignatureObject signature)
    {
        var fields = new List<string> { format, seal.SealId };
        if (format != SealEnvelope.FirstFormat)
        {
            fields.Add(seal.KeyId ?? string.Empty);
        }

        fields.AddRange(
        [
            seal.DepartmentCode,
            seal.DepartmentName,
            Instant(seal.ValidFrom),
            Instant(seal.ValidTo),
            seal.SignerPublicKey.ToUpperInvariant(),
            seal.Algorithm,
            signature.DocumentId,
            Instant(signature.SignedAt),
            signature.Sha256.ToLowerInvariant(),
            signature.Sm3.ToLowerInvariant(),
        ]);
        return Encoding.UTF8.GetBytes(string.Join('\n', fields));
    }

    private static string Instant(DateTimeOffset value) => value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
}
