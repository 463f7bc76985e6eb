using System.Text.Json;
using PowerFunctions.App.Features.Documents.Sealing;
using PowerFunctions.App.Http;

namespace PowerFunctions.App.Tests.Documents;

public sealed class SealTests
{
    private static readonly DateTimeOffset Now = new(2026, 9, 18, 9, 30, 0, TimeSpan.FromHours(8));
    private static readonly byte[] Pdf = "%PDF-1.7 a sealed document body"u8.ToArray();

    [Fact]
    [Trait("Source", "GB/T 32905-2016 附录A")]
    public void Sm3_KnownVector_MatchesGbt32905()
    {
        // GB/T 32905-2016 Appendix A, example 1: "abc".
        Assert.Equal("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0", SealCrypto.Sm3Hex("abc"u8));
    }

    [Fact]
    [Trait("Source", "GB/T 32918.2-2016; GM/T 0009-2012 §10 (default signer id)")]
    public void Sign_BouncyCastleSm2Signer_VerifiesOnlyItsOwnMessageAndKey()
    {
        var (privateKey, publicKey) = SealCrypto.GenerateKey();
        var (_, otherPublicKey) = SealCrypto.GenerateKey();
        var data = "to be signed"u8.ToArray();

        var first = SealCrypto.Sign(privateKey, data);
        var second = SealCrypto.Sign(privateKey, data);

        Assert.NotEqual(first, second);   // a fresh random k per signature
        Assert.True(SealCrypto.Verify(publicKey, data, first));
        Assert.True(SealCrypto.Verify(publicKey, data, second));
        Assert.False(SealCrypto.Verify(publicKey, "to be signeD"u8, first));
        Assert.False(SealCrypto.Verify(otherPublicKey, data, first));
        Assert.False(SealCrypto.Verify(publicKey, data, first[..^1]));
        Assert.False(SealCrypto.Verify("04" + new string('0', 128), data, first));
    }

    [Fact]
    public void FirstFormatSeal_MadeByTheFormerOwnSigner_StillVerifies()
    {
        // Sealed by the signer we wrote ourselves before BouncyCastle's SM2Signer replaced it (format 1, no key id).
        var envelope = FirstFormat.Envelope();

        Assert.Null(envelope.Seal.KeyId);
        Assert.Equal(SealCheck.Ok, DocumentSealer.Verify(FirstFormat.Pdf, envelope, [FirstFormat.Key()]));
    }

    [Fact]
    public void FirstFormatSeal_ByteChangedOrKeyNotRegistered_Fails()
    {
        var envelope = FirstFormat.Envelope();
        var tampered = FirstFormat.Pdf.ToArray();
        tampered[^2] ^= 0x20;

        Assert.Equal("content-changed", DocumentSealer.Verify(tampered, envelope, [FirstFormat.Key()]).ReasonCode);
        Assert.Equal("key-not-trusted", DocumentSealer.Verify(FirstFormat.Pdf, envelope, [Key() with { PrivateKey = null }]).ReasonCode);
        var relabelled = envelope with { Format = SealEnvelope.CurrentFormat, Seal = envelope.Seal with { KeyId = FirstFormat.Key().KeyId } };
        Assert.Equal("signature-invalid", DocumentSealer.Verify(FirstFormat.Pdf, relabelled, [FirstFormat.Key()]).ReasonCode);
    }

    [Fact]
    public void Seal_ThenVerify_IsValidAndNamesItsKey()
    {
        var key = Key();

        var envelope = DocumentSealer.Seal(Pdf, "doc-1", key, Now).Value;

        Assert.Equal(SealCheck.Ok, DocumentSealer.Verify(Pdf, envelope, [key with { PrivateKey = null }]));
        Assert.Equal(SealEnvelope.CurrentFormat, envelope.Format);
        Assert.Equal(key.KeyId, envelope.Seal.KeyId);
        Assert.Equal("SM2-SM3", envelope.Seal.Algorithm);
        Assert.Equal(Now, envelope.Signature.SignedAt);
        Assert.Equal(64, envelope.Signature.Sm3.Length);
    }

    [Fact]
    public void Seal_StoredJson_IsReadableAndVersioned()
    {
        var envelope = DocumentSealer.Seal(Pdf, "doc-1", Key(), Now).Value;

        using var json = JsonDocument.Parse(JsonSerializer.SerializeToUtf8Bytes(envelope, JsonDefaults.Options));

        var root = json.RootElement;
        Assert.Equal("powerfunctions-seal/2", root.GetProperty("format").GetString());
        Assert.Equal("D01-2026", root.GetProperty("seal").GetProperty("keyId").GetString());
        Assert.Equal(["sealId", "keyId", "departmentCode", "departmentName", "validFrom", "validTo", "signerPublicKey", "algorithm"],
            root.GetProperty("seal").EnumerateObject().Select(p => p.Name));
        Assert.Equal(["documentId", "signedAt", "sha256", "sm3", "value"], root.GetProperty("signature").EnumerateObject().Select(p => p.Name));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10)]
    [InlineData(30)]
    public void Verify_OneByteFlipped_ContentChanged(int index)
    {
        var key = Key();
        var envelope = DocumentSealer.Seal(Pdf, "doc-1", key, Now).Value;
        var tampered = Pdf.ToArray();
        tampered[index] ^= 0x01;

        var check = DocumentSealer.Verify(tampered, envelope, [key]);

        Assert.False(check.Valid);
        Assert.Equal("content-changed", check.ReasonCode);
    }

    [Fact]
    public void Verify_ForgerNamesTheDepartmentsKeyId_KeyNotTrusted()
    {
        var department = Key();
        var forger = Key();
        var envelope = DocumentSealer.Seal(Pdf, "doc-1", forger with { SealId = department.SealId, KeyId = department.KeyId }, Now).Value;

        var check = DocumentSealer.Verify(Pdf, envelope, [department]);

        Assert.False(check.Valid);
        Assert.Equal("key-not-trusted", check.ReasonCode);
    }

    [Fact]
    public void Verify_KeyIdNeverOurs_KeyNotTrusted()
    {
        var department = Key();
        var envelope = DocumentSealer.Seal(Pdf, "doc-1", Key() with { SealId = department.SealId, KeyId = "D01-2099" }, Now).Value;

        Assert.Equal("key-not-trusted", DocumentSealer.Verify(Pdf, envelope, [department]).ReasonCode);
    }

    [Fact]
    public void Verify_PublicKeySwappedInEnvelope_SignatureInvalid()
    {
        var department = Key();
        var forger = Key();
        var envelope = DocumentSealer.Seal(Pdf, "doc-1", forger with { KeyId = department.KeyId }, Now).Value;
        var swapped = envelope with { Seal = envelope.Seal with { SignerPublicKey = department.PublicKey, SealId = department.SealId } };

        var check = DocumentSealer.Verify(Pdf, swapped, [department]);

        Assert.False(check.Valid);
        Assert.Equal("signature-invalid", check.ReasonCode);
    }

    [Fact]
    public void Verify_KeyIdEditedToAnotherOfOurKeys_SignatureInvalid()
    {
        // The key id is signed: relabelling a seal to name another registered key breaks the signature.
        var old = Key() with { KeyId = "D01-2025" };
        var current = Key();
        var envelope = DocumentSealer.Seal(Pdf, "doc-1", current, Now).Value;
        var relabelled = envelope with { Seal = envelope.Seal with { KeyId = old.KeyId } };

        Assert.Equal("signature-invalid", DocumentSealer.Verify(Pdf, relabelled, [old, current]).ReasonCode);
    }

    [Fact]
    public void Verify_SigningTimeEdited_SignatureInvalid()
    {
        var key = Key();
        var envelope = DocumentSealer.Seal(Pdf, "doc-1", key, Now).Value;
        var edited = envelope with { Signature = envelope.Signature with { SignedAt = Now.AddDays(-1) } };

        Assert.Equal("signature-invalid", DocumentSealer.Verify(Pdf, edited, [key]).ReasonCode);
    }

    [Theory]
    [InlineData("powerfunctions-seal/3", "SM2-SM3", "D01-2026")]
    [InlineData("powerfunctions-seal/2", "RSA-SHA256", "D01-2026")]
    [InlineData("powerfunctions-seal/2", "SM2-SM3", null)]
    [InlineData("powerfunctions-seal/2", "SM2-SM3", " ")]
    public void Verify_UnknownFormatAlgorithmOrNoKeyId_UnsupportedSeal(string format, string algorithm, string? keyId)
    {
        var key = Key();
        var envelope = DocumentSealer.Seal(Pdf, "doc-1", key, Now).Value;
        var changed = envelope with { Format = format, Seal = envelope.Seal with { Algorithm = algorithm, KeyId = keyId } };

        Assert.Equal("unsupported-seal", DocumentSealer.Verify(Pdf, changed, [key]).ReasonCode);
    }

    [Fact]
    public void Verify_SignedOutsideTheRegisteredValidity_SealExpired()
    {
        // A seal whose key signed after the validity the department registered for it.
        var key = Key();
        var envelope = DocumentSealer.Seal(Pdf, "doc-1", key, Now).Value;
        var registered = key with { ValidTo = Now.AddDays(-1) };

        var check = DocumentSealer.Verify(Pdf, envelope, [registered]);

        Assert.False(check.Valid);
        Assert.Equal("seal-expired", check.ReasonCode);
        Assert.Contains("有效期", check.Reason);
    }

    [Fact]
    public void Verify_DepartmentWithoutKeys_SealUnknown()
    {
        var envelope = DocumentSealer.Seal(Pdf, "doc-1", Key(), Now).Value;

        Assert.Equal("seal-unknown", DocumentSealer.Verify(Pdf, envelope, []).ReasonCode);
    }

    [Fact]
    public void Rotation_SealedBeforeAndAfter_BothVerifyAgainstTheRing()
    {
        var rotation = Now.AddDays(30);
        var ring = SealKeyRing.Build("D01", [Key() with { KeyId = "D01-2026" }, Key() with { KeyId = "D01-2027", ValidFrom = rotation }]);
        var before = DocumentSealer.Seal(Pdf, "doc-1", ring.SigningKeyAt(Now)!, Now).Value;
        var after = DocumentSealer.Seal(Pdf, "doc-2", ring.SigningKeyAt(rotation)!, rotation).Value;

        Assert.Equal("D01-2026", before.Seal.KeyId);
        Assert.Equal("D01-2027", after.Seal.KeyId);
        Assert.Equal(SealCheck.Ok, DocumentSealer.Verify(Pdf, before, ring.Trusted));
        Assert.Equal(SealCheck.Ok, DocumentSealer.Verify(Pdf, after, ring.Trusted));
        Assert.All(ring.Trusted, k => Assert.Null(k.PrivateKey));
    }

    [Fact]
    public void Rotation_RetiredKey_CannotSealNewDocuments()
    {
        var rotation = Now.AddDays(30);
        var ring = SealKeyRing.Build("D01", [Key() with { KeyId = "D01-2026" }, Key() with { KeyId = "D01-2027", ValidFrom = rotation }]);
        var retired = ring.Keys[0];

        Assert.Equal(rotation, retired.RetiredAt);
        Assert.True(DocumentSealer.Seal(Pdf, "doc-1", retired, rotation.AddTicks(-1)).IsSuccess);
        var refused = DocumentSealer.Seal(Pdf, "doc-1", retired, rotation);
        Assert.Equal("documents.seal_key_retired", refused.Error!.Code);
        Assert.Equal("D01-2027", ring.SigningKeyAt(rotation)!.KeyId);
    }

    [Fact]
    public void Rotation_OldKeySignedAfterItsRetirement_KeyRetired()
    {
        // What an instance still holding the old key would make after the handover, or a stolen retired key.
        var rotation = Now.AddDays(30);
        var old = Key() with { KeyId = "D01-2026" };
        var ring = SealKeyRing.Build("D01", [old, Key() with { KeyId = "D01-2027", ValidFrom = rotation }]);
        var late = DocumentSealer.Seal(Pdf, "doc-1", old, rotation.AddMinutes(1)).Value;

        var check = DocumentSealer.Verify(Pdf, late, ring.Trusted);

        Assert.Equal("key-retired", check.ReasonCode);
        Assert.Contains("轮换", check.Reason);
    }

    [Theory]
    [InlineData(-1, false)]     // a second before the seal is valid
    [InlineData(0, true)]       // the first instant
    [InlineData(1, true)]
    public void Seal_AtValidityStart_RefusedBeforeOnlyAfter(int seconds, bool sealed_)
    {
        var key = Key() with { ValidFrom = Now };

        var result = DocumentSealer.Seal(Pdf, "doc-1", key, Now.AddSeconds(seconds));

        Assert.Equal(sealed_, result.IsSuccess);
        if (!sealed_)
        {
            Assert.Equal("documents.seal_not_valid", result.Error!.Code);
        }
    }

    [Theory]
    [InlineData(-1, true)]
    [InlineData(0, false)]      // ValidTo is exclusive
    public void Seal_AtValidityEnd_RefusedFromTheEnd(int seconds, bool sealed_)
    {
        var key = Key() with { ValidTo = Now };

        Assert.Equal(sealed_, DocumentSealer.Seal(Pdf, "doc-1", key, Now.AddSeconds(seconds)).IsSuccess);
    }

    [Fact]
    public void Seal_WithoutPrivateKey_Refused()
    {
        var result = DocumentSealer.Seal(Pdf, "doc-1", Key() with { PrivateKey = null }, Now);

        Assert.Equal("documents.seal_key_missing", result.Error!.Code);
    }

    [Theory]
    [InlineData("")]
    [InlineData("zz")]
    [InlineData("00")]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("FFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFF7203DF6B21C6052B53BBF40939D54122")]   // n - 1: outside [1, n-2]
    public void PublicKeyOf_MalformedPrivateKey_FormatException(string privateKey)
    {
        Assert.Throws<FormatException>(() => SealCrypto.PublicKeyOf(privateKey));
    }

    internal static SealKey Key()
    {
        var (privateKey, publicKey) = SealCrypto.GenerateKey();
        return new SealKey
        {
            KeyId = "D01-2026",
            SealId = "D01-SEAL",
            DepartmentCode = "D01",
            DepartmentName = "示例市市场监督管理局",
            ValidFrom = Now.AddYears(-1),
            ValidTo = Now.AddYears(4),
            PublicKey = publicKey,
            PrivateKey = privateKey,
        };
    }

    /// <summary>A document sealed on 2026-09-18 by the signer we wrote ourselves (before BouncyCastle's SM2Signer), in format 1.</summary>
    private static class FirstFormat
    {
        public static readonly byte[] Pdf = "%PDF-1.7\n% a document sealed by the first signer (format powerfunctions-seal/1)\n%%EOF\n"u8.ToArray();

        private const string PublicKey = "04E5752183DA2BE84E348B5C36B809FA313E3BE61FE69F9D1945390409EAFE79F97564D06ACFF083EC4BFEF79DAE48F3AB659E5C3BB7C66D78467B4D5060FE6696";

        private const string Json = """
            {
              "format": "powerfunctions-seal/1",
              "seal": {
                "sealId": "D01-SEAL-2026",
                "departmentCode": "D01",
                "departmentName": "示例市市场监督管理局",
                "validFrom": "2026-01-01T00:00:00+08:00",
                "validTo": "2031-01-01T00:00:00+08:00",
                "signerPublicKey": "04E5752183DA2BE84E348B5C36B809FA313E3BE61FE69F9D1945390409EAFE79F97564D06ACFF083EC4BFEF79DAE48F3AB659E5C3BB7C66D78467B4D5060FE6696",
                "algorithm": "SM2-SM3"
              },
              "signature": {
                "documentId": "D01-2026-000001-acceptance-notice-1",
                "signedAt": "2026-09-18T09:30:00+08:00",
                "sha256": "268df9e04e93fe4ae6c0116679d85f9da89fc6130460c421cb67476015b1b38f",
                "sm3": "e315d357471c3cf52a853182f1345ab3299a91bc67fc04032b96a1f2e75493be",
                "value": "MEYCIQCc2raDwU2qFzMvjcSo5IHHpXKi8/B4pjbN/AvGYm3csAIhAKwTKGl+j2kYdSGH38oPD4ygnHKc/g77LM0de0fykZV7"
              }
            }
            """;

        public static SealEnvelope Envelope() => JsonSerializer.Deserialize<SealEnvelope>(Json, JsonDefaults.Options)!;

        public static SealKey Key() => new()
        {
            KeyId = SealKey.DefaultKeyId("D01", PublicKey),
            SealId = "D01-SEAL-2026",
            DepartmentCode = "D01",
            DepartmentName = "示例市市场监督管理局",
            ValidFrom = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.FromHours(8)),
            ValidTo = new DateTimeOffset(2031, 1, 1, 0, 0, 0, TimeSpan.FromHours(8)),
            PublicKey = PublicKey,
        };
    }
}
