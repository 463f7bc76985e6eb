using Org.BouncyCastle.Asn1.GM;
using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Security;
using BigInteger = Org.BouncyCastle.Math.BigInteger;

namespace PowerFunctions.App.Features.Documents.Sealing;

/// <summary>
/// SM2 signatures with the SM3 digest (GB/T 32918, GB/T 32905) on the curve <c>sm2p256v1</c>, through
/// BouncyCastle. Keys travel as hex: a private key is the 32-byte scalar, a public key the
/// uncompressed point (<c>04 || x || y</c>). Signatures are DER (<c>SEQUENCE { r, s }</c>) with the
/// default signer id <c>1234567812345678</c> (GB/T 35276).
/// </summary>
public static class Sm2
{
    public const string Algorithm = "SM2-SM3";

    private static readonly X9ECParameters Curve = GMNamedCurves.GetByName("sm2p256v1");
    private static readonly ECDomainParameters Domain = new(Curve.Curve, Curve.G, Curve.N, Curve.H);

    /// <summary>A new key pair (private, public), hex.</summary>
    public static (string PrivateKey, string PublicKey) GenerateKey()
    {
        var random = new SecureRandom();
        BigInteger d;
        do
        {
            d = new BigInteger(256, random);
        }
        while (d.SignValue <= 0 || d.CompareTo(Curve.N.Subtract(BigInteger.One)) >= 0);

        var privateKey = Convert.ToHexString(d.ToByteArrayUnsigned()).PadLeft(64, '0');
        return (privateKey, PublicKeyOf(privateKey));
    }

    /// <summary>The public key of a private key; throws <see cref="FormatException"/> for a malformed one.</summary>
    public static string PublicKeyOf(string privateKey) =>
        Convert.ToHexString(Curve.G.Multiply(PrivateScalar(privateKey)).Normalize().GetEncoded(false));

    /// <summary>True when <paramref name="publicKey"/> is a point on the curve.</summary>
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

    public static byte[] Sign(string privateKey, ReadOnlySpan<byte> data)
    {
        var signer = new SM2Signer();
        signer.Init(true, new ParametersWithRandom(new ECPrivateKeyParameters(PrivateScalar(privateKey), Domain), new SecureRandom()));
        var bytes = data.ToArray();
        signer.BlockUpdate(bytes, 0, bytes.Length);
        return signer.GenerateSignature();
    }

    public static bool Verify(string publicKey, ReadOnlySpan<byte> data, byte[] signature)
    {
        try
        {
            var signer = new SM2Signer();
            signer.Init(false, new ECPublicKeyParameters(PublicPoint(publicKey), Domain));
            var bytes = data.ToArray();
            signer.BlockUpdate(bytes, 0, bytes.Length);
            return signer.VerifySignature(signature);
        }
        catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException or IndexOutOfRangeException)
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
        if (bytes.Length != 32 || d.SignValue <= 0 || d.CompareTo(Curve.N) >= 0)
        {
            throw new FormatException("an SM2 private key is 64 hex digits, a number below the curve order");
        }

        return d;
    }

    private static Org.BouncyCastle.Math.EC.ECPoint PublicPoint(string publicKey)
    {
        try
        {
            var point = Curve.Curve.DecodePoint(Convert.FromHexString(publicKey.Trim()));
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
