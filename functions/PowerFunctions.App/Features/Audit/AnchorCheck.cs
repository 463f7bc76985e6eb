namespace PowerFunctions.App.Features.Audit;

/// <summary>
/// A stream checked against the latest anchor that lists it: the anchor's date and root, whether that root is the
/// one its leaves give, the anchored head (<see cref="Seq"/>, <see cref="Head"/>), the hash stored now at that
/// sequence number (null when the event is gone) and whether they match.
/// </summary>
public sealed record AnchorCheck(DateOnly Date, string Root, bool RootValid, long Seq, string Head, string? Found, bool Matches);
