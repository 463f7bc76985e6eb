namespace PowerFunctions.App.PersonalData;

/// <summary>The authenticated ciphers personal data is written with; each stored value names its own.</summary>
public enum PersonalDataAlgorithm
{
    /// <summary>SM4 (GB/T 32907-2016) in GCM mode, 128-bit key, 96-bit nonce, 128-bit tag (BouncyCastle).</summary>
    Sm4Gcm,

    /// <summary>AES-256 in GCM mode, 96-bit nonce, 128-bit tag (.NET's <c>AesGcm</c>).</summary>
    Aes256Gcm,
}
