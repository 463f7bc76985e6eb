namespace PowerFunctions.App.Features.Audit;

/// <summary>
/// A stream of an anchor that does not hold up now: <c>rewritten</c> (the event at the anchored sequence number
/// hashes otherwise), <c>missing</c> (the stream or that event is gone) or <c>chain-broken</c> (the stored chain
/// itself does not re-walk).
/// </summary>
public sealed record AnchorMismatch(string Stream, long Seq, string Anchored, string? Found, string Reason, string? Detail);
