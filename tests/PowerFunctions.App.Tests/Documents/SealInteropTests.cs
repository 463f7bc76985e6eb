using System.Diagnostics;
using Org.BouncyCastle.Asn1.GM;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.X509;
using PowerFunctions.App.Features.Documents.Sealing;

namespace PowerFunctions.App.Tests.Documents;

/// <summary>
/// Our seals against a second, independent SM2 implementation: OpenSSL's (the <c>openssl</c> command),
/// with the GM/T 0009 default signer id given explicitly. A difference in Z_A, the digest or the DER
/// encoding fails one of the two directions.
/// </summary>
public sealed class SealInteropTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pf-sm2-").FullName;

    [Fact]
    [Trait("Source", "GB/T 32918.2-2016; GM/T 0009-2012 §10 (default signer id)")]
    public void Sign_OurSignature_VerifiedByOpenSsl()
    {
        var (privateKey, publicKey) = SealCrypto.GenerateKey();
        var data = "powerfunctions-seal/2\nD01-SEAL\nD01-2026\n示例市市场监督管理局"u8.ToArray();
        File.WriteAllBytes(Path("data.bin"), data);
        File.WriteAllBytes(Path("sig.der"), SealCrypto.Sign(privateKey, data));
        File.WriteAllText(Path("pub.pem"), PublicKeyPem(publicKey));

        var (code, output) = OpenSsl("pkeyutl", "-verify", "-pubin", "-inkey", Path("pub.pem"), "-rawin", "-in", Path("data.bin"),
            "-digest", "sm3", "-sigfile", Path("sig.der"), "-pkeyopt", "distid:" + SealCrypto.DefaultUserId);

        Assert.True(code == 0, output);
        Assert.Contains("Verified Successfully", output);
    }

    [Fact]
    [Trait("Source", "GB/T 32918.2-2016; GM/T 0009-2012 §10 (default signer id)")]
    public void Verify_OpenSslSignature_AcceptedAndOtherIdRefused()
    {
        Assert.Equal(0, OpenSsl("genpkey", "-algorithm", "SM2", "-out", Path("key.pem")).Code);
        var data = "a document's to-be-signed block"u8.ToArray();
        File.WriteAllBytes(Path("data.bin"), data);
        Assert.Equal(0, OpenSsl("pkeyutl", "-sign", "-inkey", Path("key.pem"), "-rawin", "-in", Path("data.bin"), "-digest", "sm3",
            "-out", Path("sig.der"), "-pkeyopt", "distid:" + SealCrypto.DefaultUserId).Code);
        Assert.Equal(0, OpenSsl("pkeyutl", "-sign", "-inkey", Path("key.pem"), "-rawin", "-in", Path("data.bin"), "-digest", "sm3",
            "-out", Path("other.der"), "-pkeyopt", "distid:ALICE123@YAHOO.COM").Code);
        Assert.Equal(0, OpenSsl("pkey", "-in", Path("key.pem"), "-pubout", "-out", Path("pub.pem")).Code);
        var publicKey = PublicKeyHex(File.ReadAllText(Path("pub.pem")));

        Assert.True(SealCrypto.Verify(publicKey, data, File.ReadAllBytes(Path("sig.der"))));
        Assert.False(SealCrypto.Verify(publicKey, data, File.ReadAllBytes(Path("other.der"))));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string PublicKeyPem(string publicKey)
    {
        var x9 = GMNamedCurves.GetByName("sm2p256v1");
        var point = x9.Curve.DecodePoint(Convert.FromHexString(publicKey));
        var info = SubjectPublicKeyInfoFactory.CreateSubjectPublicKeyInfo(new ECPublicKeyParameters("EC", point, GMObjectIdentifiers.sm2p256v1));
        return "-----BEGIN PUBLIC KEY-----\n" + Convert.ToBase64String(info.GetDerEncoded(), Base64FormattingOptions.InsertLineBreaks) + "\n-----END PUBLIC KEY-----\n";
    }

    private static string PublicKeyHex(string pem)
    {
        var base64 = string.Concat(pem.Split('\n').Where(l => !l.StartsWith("-----", StringComparison.Ordinal)));
        var info = SubjectPublicKeyInfo.GetInstance(Convert.FromBase64String(base64));
        Assert.Equal(X9ObjectIdentifiers.IdECPublicKey, info.AlgorithmID.Algorithm);
        return Convert.ToHexString(info.PublicKeyData.GetBytes());
    }

    private string Path(string name) => System.IO.Path.Combine(_folder, name);

    private static (int Code, string Output) OpenSsl(params string[] args)
    {
        var start = new ProcessStartInfo("openssl") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("openssl did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, output.Result + error.Result);
    }
}
