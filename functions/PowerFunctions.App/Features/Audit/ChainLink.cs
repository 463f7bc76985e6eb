namespace PowerFunctions.App.Features.Audit;

/// <summary>One stored event of a chain as verification reads it: its sequence number and recorded hash.</summary>
public sealed record ChainLink(long Seq, string Hash);
