namespace PowerFunctions.App.Features.Audit;

/// <summary>The head of one hash chain as an anchor records it: the stream (<c>case/{no}</c>, <c>complaint/{no}</c>, <c>penalty/{no}</c>), its last sequence number and that event's hash.</summary>
public sealed record ChainHead(string Stream, long Seq, string Head);
