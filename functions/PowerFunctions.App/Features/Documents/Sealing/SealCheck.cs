namespace PowerFunctions.App.Features.Documents.Sealing;

/// <summary>The outcome of checking a seal: valid, or why not (a stable code and a Chinese reason).</summary>
public sealed record SealCheck(bool Valid, string? ReasonCode, string? Reason)
{
    public static SealCheck Ok { get; } = new(true, null, null);

    public static SealCheck Fail(string code, string reason) => new(false, code, reason);
}
