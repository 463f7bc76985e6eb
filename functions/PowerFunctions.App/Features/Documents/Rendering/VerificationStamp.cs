namespace PowerFunctions.App.Features.Documents.Rendering;

/// <summary>What the verification box at the foot of the last page prints: the id, the content digest and the verify address (also as a QR code).</summary>
public sealed record VerificationStamp(string DocumentId, string ContentDigest, string VerifyUrl);
