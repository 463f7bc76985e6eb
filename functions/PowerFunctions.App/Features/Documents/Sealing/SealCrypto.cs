using System.Text;
using Org.BouncyCastle.Asn1.GM;
using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Math.EC.Multiplier;
using Org.BouncyCastle.Security;
using BigInteger = Org.BouncyCastle.Math.BigInteger;
using ECPoint = Org.BouncyCastle.Math.EC.ECPoint;

namespace PowerFunctions.App.Features.Documents.Sealing;

/// <summary>
/// The seal's cryptography, all of it BouncyCastle's: SM2 signatures (GB/T 32918.2, <see cref="SM2Signer"/>)
/// with the SM3 digest (GB/T 32905) on the recommended curve <c>sm2p256v1</c>, and the signer identity
/// <see cref="DefaultUserId"/> of GM/T 0009 (Z_A is computed over it). Keys travel as hex: a private key
/// is the 32-byte scalar, a public key the uncompressed point (<c>04 || x || y</c>). Signatures are DER
/// (<c>SEQUENCE { r, s }</c>, GM/T 0009 SM2Signature).
/// </summary>
public static class SealCrypto
{
    public const string Algorithm = "SM2-SM3";

    /// <summary>The default signer id of GM/T 0009-2012 §10 (<c>1234567812345678</c>), which <see cref="SM2Signer"/> uses when given none.</summary>
    public const string DefaultUserId = "1234567812345678";

    private static readonly X9ECParameters Curve = GMNamedCurves.GetByName("sm2p256v1");
    private static readonly ECDomainParameters Domain = new(Curve.Curve, Curve.G, Curve.N, Curve.H);
    private static readonly byte[] UserId = Encoding.ASCII.GetBytes(DefaultUserId);

    /// <summary>A new key pair (private, public), upper-case hex.</summary>
    public static (string PrivateKey, string PublicKey) GenerateKey()
    {
        var generator = new ECKeyPairGenerator();
        generator.Init(new ECKeyGenerationParameters(Domain, new SecureRandom()));
        var pair = generator.GenerateKeyPair();
        var d = ((ECPrivateKeyParameters)pair.Private).D;
        var q = ((ECPublicKeyParameters)pair.Public).Q;
        return (Convert.ToHexString(d.ToByteArrayUnsigned()).PadLeft(64, '0'), Convert.ToHexString(q.GetEncoded(false)));
    }

    /// <summary>The public key of a private key; throws <see cref="FormatException"/> for a malformed one.</summary>
    public static string PublicKeyOf(string privateKey) =>
        Convert.ToHexString(new FixedPointCombMultiplier().Multiply(Curve.G, PrivateScalar(privateKey)).Normalize().GetEncoded(false));

    /// <summary>True when <paramref name="publicKey"/> is an uncompressed point of the curve.</summary>
    public static bool IsPublicKey(string publicKey)
    {
        try
        {
            _ = PublicPoint(publicKey);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>
    /// Signs <paramref name="data"/> with BouncyCastle's <see cref="SM2Signer"/> (GB/T 32918.2 §6.1: e = SM3(Z_A || M)
    /// with the default signer id, a fresh random k per signature); DER. Throws <see cref="FormatException"/>
    /// for a malformed private key.
    /// </summary>
    public static byte[] Sign(string privateKey, ReadOnlySpan<byte> data)
    {
        var signer = new SM2Signer();
        var key = new ECPrivateKeyParameters(PrivateScalar(privateKey), Domain);
        signer.Init(true, new ParametersWithID(new ParametersWithRandom(key, new SecureRandom()), UserId));
        var bytes = data.ToArray();
        signer.BlockUpdate(bytes, 0, bytes.Length);
        return signer.GenerateSignature();
    }

    /// <summary>True when <paramref name="signature"/> (DER) is an SM2 signature of <paramref name="data"/> by <paramref name="publicKey"/>; false for any malformed input.</summary>
    public static bool Verify(string publicKey, ReadOnlySpan<byte> data, byte[] signature)
    {
        try
        {
            var signer = new SM2Signer();
            signer.Init(false, new ParametersWithID(new ECPublicKeyParameters(PublicPoint(publicKey), Domain), UserId));
            var bytes = data.ToArray();
            signer.BlockUpdate(bytes, 0, bytes.Length);
            return signer.VerifySignature(signature);
        }
        catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException or IndexOutOfRangeException or InvalidCastException)
        {
            return false;
        }
    }

    /// <summary>The SM3 digest (GB/T 32905) of <paramref name="data"/>, lower-case hex.</summary>
    public static string Sm3Hex(ReadOnlySpan<byte> data)
    {
        var digest = new SM3Digest();
        var bytes = data.ToArray();
        digest.BlockUpdate(bytes, 0, bytes.Length);
        var output = new byte[digest.GetDigestSize()];
        digest.DoFinal(output, 0);
        return Convert.ToHexStringLower(output);
    }

    private static BigInteger PrivateScalar(string privateKey)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromHexString(privateKey.Trim());
        }
        catch (FormatException)
        {
            throw new FormatException("an SM2 private key is 64 hex digits");
        }

        var d = new BigInteger(1, bytes);
        if (bytes.Length != 32 || d.SignValue <= 0 || d.CompareTo(Curve.N.Subtract(BigInteger.One)) >= 0)
        {
            throw new FormatException("an SM2 private key is 64 hex digits, a number from 1 to n-2 (GB/T 32918.1 §6.1)");
        }

        return d;
    }

    private static ECPoint PublicPoint(string publicKey)
    {
        try
        {
            var bytes = Convert.FromHexString(publicKey.Trim());
            if (bytes.Length != 65 || bytes[0] != 0x04)
            {
                throw new FormatException("an SM2 public key is the uncompressed point 04 || x || y, 130 hex digits");
            }

            var point = Curve.Curve.DecodePoint(bytes);
            if (point.IsInfinity || !point.IsValid())
            {
                throw new FormatException("the SM2 public key is not a point of sm2p256v1");
            }

            return point;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            throw new FormatException("the SM2 public key is not a point of sm2p256v1", e);
        }
    }
}
