using PowerFunctions.App.Features.Documents.Sealing;

namespace PowerFunctions.App.Tests.Documents;

public sealed class SealTests
{
    private static readonly DateTimeOffset Now = new(2026, 9, 18, 9, 30, 0, TimeSpan.FromHours(8));
    private static readonly byte[] Pdf = "%PDF-1.7 a sealed document body"u8.ToArray();

    [Fact]
    public void Sm3_KnownVector_MatchesGbt32905()
    {
        // GB/T 32905-2016 Appendix A, example 1: "abc".
        Assert.Equal("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0", Sm2.Sm3Hex("abc"u8));
    }

    [Fact]
    public void Sign_OwnSigner_VerifiesWithBouncyCastleSm2Signer()
    {
        var (privateKey, publicKey) = Sm2.GenerateKey();
        for (var i = 0; i < 5; i++)
        {
            var data = System.Text.Encoding.UTF8.GetBytes($"message {i}");
            var signature = i % 2 == 0 ? Sm2.Sign(privateKey, data) : Sm2.Sign(privateKey, publicKey, data);

            var verifier = new Org.BouncyCastle.Crypto.Signers.SM2Signer();
            var x9 = Org.BouncyCastle.Asn1.GM.GMNamedCurves.GetByName("sm2p256v1");
            var domain = new Org.BouncyCastle.Crypto.Parameters.ECDomainParameters(x9.Curve, x9.G, x9.N, x9.H);
            verifier.Init(false, new Org.BouncyCastle.Crypto.Parameters.ECPublicKeyParameters(x9.Curve.DecodePoint(Convert.FromHexString(publicKey)), domain));
            verifier.BlockUpdate(data, 0, data.Length);
            Assert.True(verifier.VerifySignature(signature));
            Assert.False(Sm2.Verify(publicKey, "another message"u8, signature));
        }
    }

    [Fact]
    public void Seal_ThenVerify_IsValid()
    {
        var key = Key();

        var envelope = DocumentSealer.Seal(Pdf, "doc-1", key, Now).Value;

        Assert.Equal(SealCheck.Ok, DocumentSealer.Verify(Pdf, envelope, key with { PrivateKey = null }));
        Assert.Equal("SM2-SM3", envelope.Seal.Algorithm);
        Assert.Equal(Now, envelope.Signature.SignedAt);
        Assert.Equal(64, envelope.Signature.Sm3.Length);
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

        var check = DocumentSealer.Verify(tampered, envelope, key);

        Assert.False(check.Valid);
        Assert.Equal("content-changed", check.ReasonCode);
    }

    [Fact]
    public void Verify_SignedByAnotherKey_KeyNotTrusted()
    {
        var department = Key();
        var forger = Key();
        var envelope = DocumentSealer.Seal(Pdf, "doc-1", forger with { SealId = department.SealId }, Now).Value;

        var check = DocumentSealer.Verify(Pdf, envelope, department);

        Assert.False(check.Valid);
        Assert.Equal("key-not-trusted", check.ReasonCode);
    }

    [Fact]
    public void Verify_PublicKeySwappedInEnvelope_SignatureInvalid()
    {
        var department = Key();
        var forger = Key();
        var envelope = DocumentSealer.Seal(Pdf, "doc-1", forger, Now).Value;
        var swapped = envelope with { Seal = envelope.Seal with { SignerPublicKey = department.PublicKey, SealId = department.SealId } };

        var check = DocumentSealer.Verify(Pdf, swapped, department);

        Assert.False(check.Valid);
        Assert.Equal("signature-invalid", check.ReasonCode);
    }

    [Fact]
    public void Verify_SigningTimeEdited_SignatureInvalid()
    {
        var key = Key();
        var envelope = DocumentSealer.Seal(Pdf, "doc-1", key, Now).Value;
        var edited = envelope with { Signature = envelope.Signature with { SignedAt = Now.AddDays(-1) } };

        Assert.Equal("signature-invalid", DocumentSealer.Verify(Pdf, edited, key).ReasonCode);
    }

    [Fact]
    public void Verify_SignedOutsideTheRegisteredValidity_SealExpired()
    {
        // A seal whose key signed after the validity the department registered for it.
        var key = Key();
        var envelope = DocumentSealer.Seal(Pdf, "doc-1", key, Now).Value;
        var registered = key with { ValidTo = Now.AddDays(-1) };

        var check = DocumentSealer.Verify(Pdf, envelope, registered);

        Assert.False(check.Valid);
        Assert.Equal("seal-expired", check.ReasonCode);
        Assert.Contains("有效期", check.Reason);
    }

    [Fact]
    public void Verify_UnknownDepartmentSeal_SealUnknown()
    {
        var envelope = DocumentSealer.Seal(Pdf, "doc-1", Key(), Now).Value;

        Assert.Equal("seal-unknown", DocumentSealer.Verify(Pdf, envelope, null).ReasonCode);
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
    public void PublicKeyOf_MalformedPrivateKey_FormatException(string privateKey)
    {
        Assert.Throws<FormatException>(() => Sm2.PublicKeyOf(privateKey));
    }

    internal static SealKey Key()
    {
        var (privateKey, publicKey) = Sm2.GenerateKey();
        return new SealKey
        {
            SealId = "D01-" + publicKey[2..10],
            DepartmentCode = "D01",
            DepartmentName = "示例市市场监督管理局",
            ValidFrom = Now.AddYears(-1),
            ValidTo = Now.AddYears(4),
            PublicKey = publicKey,
            PrivateKey = privateKey,
        };
    }
}
