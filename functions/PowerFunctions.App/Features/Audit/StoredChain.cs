using PowerFunctions.Domain.Common;

namespace PowerFunctions.App.Features.Audit;

/// <summary>A stream's chain as stored now: its links in order and the re-walk of its hashes.</summary>
public sealed record StoredChain(IReadOnlyList<ChainLink> Links, ChainVerification Verification);
