using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using PowerFunctions.Domain.Common;

namespace PowerFunctions.App.Features.Documents.Sealing;

/// <summary>
/// Seals PDF bytes with a department's seal and checks a seal against the bytes and the trusted
/// seal of the department. Pure: keys and time come in as arguments.
/// </summary>
public static class DocumentSealer
{
    /// <summary>
    /// Signs <paramref name="pdf"/> at <paramref name="now"/>. Refuses (<see cref="DomainError"/>) a seal
    /// outside its validity or one without a private key.
    /// </summary>
    public static Result<SealEnvelope> Seal(ReadOnlySpan<byte> pdf, string documentId, SealKey key, DateTimeOffset now)
    {
        if (key.PrivateKey is null)
        {
            return DomainError.Conflict("documents.seal_key_missing", "印章没有签章私钥，不能签章", $"seal {key.SealId} of {key.DepartmentCode} has no private key here");
        }

        if (!key.IsValidAt(now))
        {
            return DomainError.Conflict("documents.seal_not_valid", "印章不在有效期内，不能签章",
                $"seal {key.SealId} of {key.DepartmentCode} is valid from {ChinaTime.InChina(key.ValidFrom):O} to {ChinaTime.InChina(key.ValidTo):O}; now is {ChinaTime.InChina(now):O}");
        }

        var seal = new SealObject
        {
            SealId = key.SealId,
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
            Sm3 = Sm2.Sm3Hex(pdf),
            Value = string.Empty,
        };
        var signature = Sm2.Sign(key.PrivateKey, key.PublicKey, ToBeSigned(seal, unsigned));
        return new SealEnvelope { Seal = seal, Signature = unsigned with { Value = Convert.ToBase64String(signature) } };
    }

    /// <summary>
    /// Checks, in order: the bytes against both digests (one changed byte fails), the SM2 signature with
    /// the seal's key, that key against the department's trusted seal (<paramref name="trusted"/>),
    /// and that the seal was within its validity when it signed.
    /// </summary>
    public static SealCheck Verify(ReadOnlySpan<byte> pdf, SealEnvelope envelope, SealKey? trusted)
    {
        var seal = envelope.Seal;
        var signature = envelope.Signature;
        if (envelope.Format != SealEnvelope.CurrentFormat || seal.Algorithm != Sm2.Algorithm)
        {
            return SealCheck.Fail("unsupported-seal", $"不支持的签章格式或算法：{envelope.Format} {seal.Algorithm}");
        }

        if (!string.Equals(Convert.ToHexStringLower(SHA256.HashData(pdf)), signature.Sha256, StringComparison.OrdinalIgnoreCase)
            || !string.Equals(Sm2.Sm3Hex(pdf), signature.Sm3, StringComparison.OrdinalIgnoreCase))
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

        if (!Sm2.Verify(seal.SignerPublicKey, ToBeSigned(seal, signature), value))
        {
            return SealCheck.Fail("signature-invalid", "SM2 签名验证失败：签名与印章公钥或签章数据不符");
        }

        if (trusted is null)
        {
            return SealCheck.Fail("seal-unknown", $"未找到部门 {seal.DepartmentCode} 登记的印章");
        }

        if (!string.Equals(trusted.PublicKey, seal.SignerPublicKey, StringComparison.OrdinalIgnoreCase) || trusted.SealId != seal.SealId)
        {
            return SealCheck.Fail("key-not-trusted", "签章所用密钥不是该部门登记的印章密钥");
        }

        if (!trusted.IsValidAt(signature.SignedAt))
        {
            return SealCheck.Fail("seal-expired", string.Create(CultureInfo.InvariantCulture,
                $"签章时印章不在有效期内（有效期 {ChinaTime.InChina(trusted.ValidFrom):yyyy-MM-dd} 至 {ChinaTime.InChina(trusted.ValidTo):yyyy-MM-dd}，签章时间 {ChinaTime.InChina(signature.SignedAt):yyyy-MM-dd HH:mm}）"));
        }

        return SealCheck.Ok;
    }

    /// <summary>
    /// The signed bytes (GB/T 38540 TBS_Sign): format, seal id, department, validity, signer key,
    /// document id, signing time and both digests, one per line in UTF-8.
    /// </summary>
    public static byte[] ToBeSigned(SealObject seal, SignatureObject signature) => Encoding.UTF8.GetBytes(string.Join('\n',
        SealEnvelope.CurrentFormat,
        seal.SealId,
        seal.DepartmentCode,
        seal.DepartmentName,
        Instant(seal.ValidFrom),
        Instant(seal.ValidTo),
        seal.SignerPublicKey.ToUpperInvariant(),
        seal.Algorithm,
        signature.DocumentId,
        Instant(signature.SignedAt),
        signature.Sha256.ToLowerInvariant(),
        signature.Sm3.ToLowerInvariant()));

    private static string Instant(DateTimeOffset value) => value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
}
