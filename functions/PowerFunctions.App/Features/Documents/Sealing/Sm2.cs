using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.GM;
using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Math.EC.Multiplier;
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

    /// <summary>
    /// Signs per GB/T 32918.2 §6.1: e = SM3(Z_A || M), (x1, y1) = [k]G, r = (e + x1) mod n,
    /// s = ((1 + d)^-1 · (k − r·d)) mod n; DER-encoded. Written out (rather than BouncyCastle's
    /// SM2Signer, which recomputes the public point on every Init) to halve the scalar
    /// multiplications; <see cref="Verify"/> uses BouncyCastle's SM2Signer, and the tests check both agree.
    /// </summary>
    public static byte[] Sign(string privateKey, ReadOnlySpan<byte> data)
    {
        var d = PrivateScalar(privateKey);
        var publicPoint = Curve.G.Multiply(d).Normalize();
        return SignWith(d, publicPoint, data);
    }

    /// <summary>Signs with a key whose public point is known (<paramref name="publicKey"/>, hex), saving a multiplication.</summary>
    public static byte[] Sign(string privateKey, string publicKey, ReadOnlySpan<byte> data) =>
        SignWith(PrivateScalar(privateKey), PublicPoint(publicKey), data);

    private static byte[] SignWith(BigInteger d, Org.BouncyCastle.Math.EC.ECPoint publicPoint, ReadOnlySpan<byte> data)
    {
        var digest = new SM3Digest();
        var z = Z(publicPoint);
        digest.BlockUpdate(z, 0, z.Length);
        var message = data.ToArray();
        digest.BlockUpdate(message, 0, message.Length);
        var hash = new byte[digest.GetDigestSize()];
        digest.DoFinal(hash, 0);
        var e = new BigInteger(1, hash);
        var n = Curve.N;
        var random = new SecureRandom();
        var multiplier = new FixedPointCombMultiplier();
        var inverse = d.Add(BigInteger.One).ModInverse(n);
        while (true)
        {
            BigInteger k;
            do
            {
                k = new BigInteger(n.BitLength, random);
            }
            while (k.SignValue <= 0 || k.CompareTo(n) >= 0);

            var x1 = multiplier.Multiply(Curve.G, k).Normalize().AffineXCoord.ToBigInteger();
            var r = e.Add(x1).Mod(n);
            if (r.SignValue == 0 || r.Add(k).Equals(n))
            {
                continue;
            }

            var s = inverse.Multiply(k.Subtract(r.Multiply(d))).Mod(n);
            if (s.SignValue == 0)
            {
                continue;
            }

            return new DerSequence(new DerInteger(r), new DerInteger(s)).GetEncoded();
        }
    }

    /// <summary>Z_A = SM3(ENTL || ID || a || b || xG || yG || xA || yA) with the default id (GB/T 32918.2 §5.5).</summary>
    private static byte[] Z(Org.BouncyCastle.Math.EC.ECPoint publicPoint)
    {
        var id = "1234567812345678"u8.ToArray();
        var digest = new SM3Digest();
        var bits = id.Length * 8;
        digest.Update((byte)(bits >> 8));
        digest.Update((byte)bits);
        digest.BlockUpdate(id, 0, id.Length);
        foreach (var element in new[] { Curve.Curve.A, Curve.Curve.B, Curve.G.AffineXCoord, Curve.G.AffineYCoord, publicPoint.AffineXCoord, publicPoint.AffineYCoord })
        {
            var bytes = element.GetEncoded();
            digest.BlockUpdate(bytes, 0, bytes.Length);
        }

        var z = new byte[digest.GetDigestSize()];
        digest.DoFinal(z, 0);
        return z;
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
