using System.Text.Json.Serialization;
using PowerFunctions.Domain.Common;

namespace PowerFunctions.App.Features.Audit;

/// <summary>
/// One day's anchor, the JSON of blob <c>anchors/{date}.json</c>: the Merkle root (<see cref="MerkleTree"/>) over every
/// chain head at <see cref="CreatedAt"/>, with the leaves (sorted by stream id, ordinal) so anyone recomputes it.
/// </summary>
public sealed record ChainAnchor(DateOnly Date, DateTimeOffset CreatedAt, string Algorithm, string Leaf, string Root, int Count, IReadOnlyList<ChainHead> Leaves)
{
    public const string Sha256 = "SHA-256";

    public const string LeafFormula = "SHA-256 of the length-prefixed fields \"leaf\", stream, seq, head; node = \"node\", left, right; an odd node is carried up";

    /// <summary>The anchor of <paramref name="heads"/>, taken at <paramref name="at"/>.</summary>
    public static ChainAnchor Of(DateOnly date, DateTimeOffset at, IEnumerable<ChainHead> heads)
    {
        var leaves = heads.OrderBy(h => h.Stream, StringComparer.Ordinal).ToArray();
        return new ChainAnchor(date, at, Sha256, LeafFormula, RootOf(leaves), leaves.Length, leaves);
    }

    /// <summary>The root the leaves give (equal to <see cref="Root"/> unless the anchor was changed).</summary>
    public static string RootOf(IReadOnlyList<ChainHead> leaves) =>
        MerkleTree.Root([.. leaves.Select(l => MerkleTree.Leaf(l.Stream, l.Seq, l.Head))]);

    /// <summary>Whether the recorded root is the one the recorded leaves give, in the recorded order.</summary>
    [JsonIgnore]
    public bool RootMatches => Count == Leaves.Count && string.Equals(RootOf(Leaves), Root, StringComparison.Ordinal);
}
