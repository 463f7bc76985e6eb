namespace PowerFunctions.App.PersonalData;

/// <summary>One encryption key of personal data: its id (stored beside every value it encrypts) and its bytes.</summary>
public sealed record PersonalDataKey(string KeyId, byte[] Bytes);
