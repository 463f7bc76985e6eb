using PowerFunctions.Domain.Common;

namespace PowerFunctions.Domain.Tests.Common;

/// <summary>The anchors' Merkle tree: its shape, order, and that a leaf never passes for a node.</summary>
public sealed class MerkleTreeTests
{
    private static readonly string[] Leaves = [.. Enumerable.Range(1, 5).Select(i => MerkleTree.Leaf("case/C" + i, i, new string((char)('a' + i), 64)))];

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    public void Root_SmallTrees_AreTheDocumentedShape(int count)
    {
        var l = Leaves;
        var expected = count switch
        {
            0 => MerkleTree.EmptyRoot,
            1 => l[0],
            2 => MerkleTree.Node(l[0], l[1]),
            3 => MerkleTree.Node(MerkleTree.Node(l[0], l[1]), l[2]),
            _ => MerkleTree.Node(MerkleTree.Node(MerkleTree.Node(l[0], l[1]), MerkleTree.Node(l[2], l[3])), l[4]),
        };

        Assert.Equal(expected, MerkleTree.Root(l[..count]));
    }

    [Fact]
    public void Root_SameLeaves_SameRoot_AnyChangeOrSwapChangesIt()
    {
        var root = MerkleTree.Root(Leaves);

        Assert.Equal(root, MerkleTree.Root([.. Leaves]));
        Assert.NotEqual(root, MerkleTree.Root([Leaves[1], Leaves[0], .. Leaves[2..]]));
        Assert.NotEqual(root, MerkleTree.Root([.. Leaves[..4], MerkleTree.Leaf("case/C5", 6, new string('f', 64))]));
        Assert.NotEqual(MerkleTree.Leaf("case/C1", 12, "3"), MerkleTree.Leaf("case/C11", 2, "3"));
    }

    [Fact]
    public void Leaf_IsNeverANode()
    {
        Assert.NotEqual(MerkleTree.Node(Leaves[0], Leaves[1]), HashChain.HashOf("leaf", Leaves[0], Leaves[1]));
        Assert.Equal(64, MerkleTree.EmptyRoot.Length);
    }
}
