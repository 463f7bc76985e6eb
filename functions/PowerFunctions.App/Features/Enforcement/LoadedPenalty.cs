using Azure;
using PowerFunctions.Domain.Enforcement;

namespace PowerFunctions.App.Features.Enforcement;

/// <summary>A penalty case as read from its partition, with the snapshot's ETag (the concurrency check of the next commit) and the deadlines recorded at the last commit (what a calendar change is compared with).</summary>
public sealed record LoadedPenalty(PenaltyCase Case, ETag ETag, IReadOnlyList<RecordedDeadline> RecordedDeadlines);
