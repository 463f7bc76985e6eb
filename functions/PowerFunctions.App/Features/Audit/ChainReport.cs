using System.Globalization;
using PowerFunctions.Domain.Cases;
using PowerFunctions.Domain.Common;

namespace PowerFunctions.App.Features.Audit;

/// <summary>
/// The answer of <c>GET …/audit/verify</c>: the chain re-walked (<c>chainValid</c>) and checked against the newest
/// anchor that lists it (<c>anchor</c>, null before the first anchor covering it). <c>valid</c> only when both
/// hold: a partition rewritten whole (every hash recomputed) re-walks fine but no longer matches its anchor,
/// and is reported at the anchored sequence number.
/// </summary>
public static class ChainReport
{
    public static object Of(string caseNo, ChainVerification chain, AnchorCheck? anchor)
    {
        ArgumentNullException.ThrowIfNull(chain);
        var anchorHolds = anchor is null || (anchor.Matches && anchor.RootValid);
        string? reason = chain.Reason;
        long? brokenAt = chain.BrokenAtSeq;
        if (chain.Valid && !anchorHolds)
        {
            var day = anchor!.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            brokenAt = anchor.Seq;
            reason = !anchor.RootValid
                ? $"the anchor of {day} does not give its own root: the anchor was changed"
                : anchor.Found is null
                    ? $"event {anchor.Seq}, anchored on {day}, is gone"
                    : $"event {anchor.Seq} hashes to {anchor.Found}, but the anchor of {day} recorded {anchor.Head}: the events were rewritten after it";
        }

        return new
        {
            caseNo,
            valid = chain.Valid && anchorHolds,
            events = chain.Events,
            brokenAt,
            reason,
            lastHash = chain.LastHash,
            genesis = CaseChain.Genesis,
            algorithm = "SHA-256",
            chainValid = chain.Valid,
            anchor = anchor is null ? null : new
            {
                date = anchor.Date,
                root = anchor.Root,
                rootValid = anchor.RootValid,
                seq = anchor.Seq,
                head = anchor.Head,
                found = anchor.Found,
                matches = anchor.Matches,
            },
        };
    }
}
