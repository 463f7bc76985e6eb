using System.Globalization;

namespace PowerFunctions.Domain.Common;

/// <summary>
/// The Merkle tree over chain heads that a daily anchor fixes (GB/T 39786 integrity of audit records):
/// a leaf is <c>H("leaf", streamId, seq, headHash)</c>, an inner node <c>H("node", left, right)</c>, each with
/// <see cref="HashChain.HashOf"/> (SHA-256, length-prefixed fields, so a leaf can never pass for a node). Leaves go
/// in the order given (the anchor sorts them by stream id, ordinal); an odd node at the end of a level is carried
/// up unchanged. The root of no leaves is <c>H("empty")</c>. Anyone holding the leaves recomputes the root.
/// </summary>
public static class MerkleTree
{
    /// <summary>The root of no leaves.</summary>
    public static string EmptyRoot { get; } = HashChain.HashOf("empty");

    /// <summary>The leaf of one chain head.</summary>
    public static string Leaf(string streamId, long seq, string headHash) =>
        HashChain.HashOf("leaf", streamId, seq.ToString(CultureInfo.InvariantCulture), headHash);

    /// <summary>The node over two children.</summary>
    public static string Node(string left, string right) => HashChain.HashOf("node", left, right);

    /// <summary>The root over <paramref name="leaves"/> (leaf hashes, in order).</summary>
    public static string Root(IReadOnlyList<string> leaves)
    {
        ArgumentNullException.ThrowIfNull(leaves);
        if (leaves.Count == 0)
        {
            return EmptyRoot;
        }

        var level = leaves.ToArray();
        while (level.Length > 1)
        {
            var next = new string[(level.Length + 1) / 2];
            for (var i = 0; i < next.Length; i++)
            {
                var left = level[2 * i];
                next[i] = 2 * i + 1 < level.Length ? Node(left, level[(2 * i) + 1]) : left;
            }

            level = next;
        }

        return level[0];
    }
}
