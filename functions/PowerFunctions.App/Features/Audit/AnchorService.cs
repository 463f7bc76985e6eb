using PowerFunctions.Domain.Common;

namespace PowerFunctions.App.Features.Audit;

/// <summary>
/// Anchors the hash chains and checks them against their anchors. A chain alone shows an edited event, but not a
/// partition rewritten whole with every hash recomputed; the daily anchor fixes each head outside the partition
/// (write-once blob, under an immutability policy in Azure), so a rewrite after it no longer matches.
/// </summary>
public sealed class AnchorService(AuditedChains chains, AnchorStore anchors, TimeProvider clock, ILogger<AnchorService> logger)
{
    /// <summary>
    /// Writes today's anchor (China date) over every chain head now. Answers the anchor stored for today: the new
    /// one, or the one an earlier run wrote (never replaced).
    /// </summary>
    public async Task<(ChainAnchor Anchor, bool Written)> AnchorAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var date = ChinaTime.DateOf(now);
        var anchor = ChainAnchor.Of(date, now, await chains.HeadsAsync(cancellationToken).ConfigureAwait(false));
        if (await anchors.TryWriteAsync(anchor, cancellationToken).ConfigureAwait(false))
        {
            logger.LogInformation("anchored {Count} chains for {Date}: root {Root}", anchor.Count, date, anchor.Root);
            return (anchor, true);
        }

        logger.LogInformation("the anchor of {Date} exists: left as it is", date);
        return (await anchors.ReadAsync(date, cancellationToken).ConfigureAwait(false) ?? anchor, false);
    }

    /// <summary>
    /// <paramref name="stream"/>'s chain (<paramref name="links"/>) against the newest anchor that lists it, looking
    /// no further back than <paramref name="since"/> (the stream's first event: older anchors cannot list it). Null
    /// when no anchor lists it yet.
    /// </summary>
    public async Task<AnchorCheck?> CheckAsync(string stream, IReadOnlyList<ChainLink> links, DateOnly since, CancellationToken cancellationToken)
    {
        foreach (var date in await anchors.DatesAsync(cancellationToken).ConfigureAwait(false))
        {
            if (date < since)
            {
                break;
            }

            var anchor = await anchors.ReadAsync(date, cancellationToken).ConfigureAwait(false);
            var leaf = anchor is null ? null : Find(anchor.Leaves, stream);
            if (leaf is not null)
            {
                var found = links.FirstOrDefault(l => l.Seq == leaf.Seq)?.Hash;
                return new AnchorCheck(date, anchor!.Root, anchor.RootMatches, leaf.Seq, leaf.Head, found, string.Equals(found, leaf.Head, StringComparison.Ordinal));
            }
        }

        return null;
    }

    /// <summary>Every stream of the anchor of <paramref name="date"/> against the store now; null when there is no such anchor.</summary>
    public async Task<(ChainAnchor Anchor, IReadOnlyList<AnchorMismatch> Mismatches)?> VerifyAnchorAsync(DateOnly date, CancellationToken cancellationToken)
    {
        var anchor = await anchors.ReadAsync(date, cancellationToken).ConfigureAwait(false);
        if (anchor is null)
        {
            return null;
        }

        var mismatches = new List<AnchorMismatch>();
        foreach (var leaf in anchor.Leaves)
        {
            var stored = await chains.LoadAsync(leaf.Stream, cancellationToken).ConfigureAwait(false);
            var found = stored?.Links.FirstOrDefault(l => l.Seq == leaf.Seq)?.Hash;
            if (found is null)
            {
                mismatches.Add(new AnchorMismatch(leaf.Stream, leaf.Seq, leaf.Head, null, "missing", stored is null ? "the stream is gone" : $"event {leaf.Seq} is gone"));
            }
            else if (!string.Equals(found, leaf.Head, StringComparison.Ordinal))
            {
                mismatches.Add(new AnchorMismatch(leaf.Stream, leaf.Seq, leaf.Head, found, "rewritten", $"event {leaf.Seq} hashes to {found}, the anchor of {date:yyyy-MM-dd} recorded {leaf.Head}"));
            }
            else if (!stored!.Verification.Valid)
            {
                mismatches.Add(new AnchorMismatch(leaf.Stream, leaf.Seq, leaf.Head, found, "chain-broken", stored.Verification.Reason));
            }
        }

        return (anchor, mismatches);
    }

    /// <summary>The leaf of <paramref name="stream"/> (leaves are sorted by stream id, ordinal).</summary>
    private static ChainHead? Find(IReadOnlyList<ChainHead> leaves, string stream)
    {
        int low = 0, high = leaves.Count - 1;
        while (low <= high)
        {
            var mid = (low + high) / 2;
            var order = string.CompareOrdinal(leaves[mid].Stream, stream);
            if (order == 0)
            {
                return leaves[mid];
            }

            if (order < 0)
            {
                low = mid + 1;
            }
            else
            {
                high = mid - 1;
            }
        }

        return null;
    }
}
