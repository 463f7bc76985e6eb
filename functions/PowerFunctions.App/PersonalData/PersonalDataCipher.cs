using System.Security.Cryptography;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Modes;
using Org.BouncyCastle.Crypto.Parameters;

namespace PowerFunctions.App.PersonalData;

/// <summary>
/// The two AEAD ciphers over one layout: <c>nonce (12) ‖ ciphertext ‖ tag (16)</c>, the associated data
/// binding a value to where it is stored (so a ciphertext moved to another case or field does not open).
/// </summary>
public static class PersonalDataCipher
{
    public const int NonceBytes = 12;
    public const int TagBytes = 16;

    /// <summary>The key length <paramref name="algorithm"/> takes, in bytes.</summary>
    public static int KeyBytes(PersonalDataAlgorithm algorithm) => algorithm == PersonalDataAlgorithm.Sm4Gcm ? 16 : 32;

    public static byte[] Encrypt(PersonalDataAlgorithm algorithm, byte[] key, ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> associatedData)
    {
        var output = new byte[NonceBytes + plaintext.Length + TagBytes];
        RandomNumberGenerator.Fill(output.AsSpan(0, NonceBytes));
        if (algorithm == PersonalDataAlgorithm.Aes256Gcm)
        {
            using var aes = new AesGcm(key, TagBytes);
            aes.Encrypt(output.AsSpan(0, NonceBytes), plaintext, output.AsSpan(NonceBytes, plaintext.Length), output.AsSpan(NonceBytes + plaintext.Length), associatedData);
            return output;
        }

        var gcm = Sm4Gcm(true, key, output.AsSpan(0, NonceBytes), associatedData);
        var written = gcm.ProcessBytes(plaintext.ToArray(), 0, plaintext.Length, output, NonceBytes);
        gcm.DoFinal(output, NonceBytes + written);
        return output;
    }

    /// <summary>The plaintext, or null when the value does not open under this key and associated data (wrong key, moved or changed).</summary>
    public static byte[]? Decrypt(PersonalDataAlgorithm algorithm, byte[] key, byte[] sealedValue, ReadOnlySpan<byte> associatedData)
    {
        if (sealedValue.Length < NonceBytes + TagBytes || key.Length != KeyBytes(algorithm))
        {
            return null;
        }

        var length = sealedValue.Length - NonceBytes - TagBytes;
        var plaintext = new byte[length];
        if (algorithm == PersonalDataAlgorithm.Aes256Gcm)
        {
            try
            {
                using var aes = new AesGcm(key, TagBytes);
                aes.Decrypt(sealedValue.AsSpan(0, NonceBytes), sealedValue.AsSpan(NonceBytes, length), sealedValue.AsSpan(NonceBytes + length), plaintext, associatedData);
                return plaintext;
            }
            catch (AuthenticationTagMismatchException)
            {
                return null;
            }
        }

        try
        {
            var gcm = Sm4Gcm(false, key, sealedValue.AsSpan(0, NonceBytes), associatedData);
            var buffer = new byte[gcm.GetOutputSize(length + TagBytes)];
            var written = gcm.ProcessBytes(sealedValue, NonceBytes, length + TagBytes, buffer, 0);
            written += gcm.DoFinal(buffer, written);
            return written == length ? buffer[..length] : null;
        }
        catch (InvalidCipherTextException)
        {
            return null;
        }
    }

    private static GcmBlockCipher Sm4Gcm(bool encrypt, byte[] key, ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> associatedData)
    {
        // The basic multiplier: a personal field is a block or two, where the default's 4 KiB table, built
        // anew for every value, cost more than it saved (a tenth of all a submission allocated).
        var gcm = new GcmBlockCipher(new SM4Engine(), new Org.BouncyCastle.Crypto.Modes.Gcm.BasicGcmMultiplier());
        gcm.Init(encrypt, new AeadParameters(new KeyParameter(key), TagBytes * 8, nonce.ToArray(), associatedData.ToArray()));
        return gcm;
    }
}
