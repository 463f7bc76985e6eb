using Azure;
using PowerFunctions.Domain.Cases;

namespace PowerFunctions.App.Features.Cases;

/// <summary>A case as read from its partition, with the snapshot's ETag (the concurrency check of the next commit) and the deadlines last recorded.</summary>
public sealed record LoadedCase(Case Case, ETag ETag, IReadOnlyList<StoredDeadline> RecordedDeadlines);

/// <summary>A deadline as recorded on the snapshot at the last commit (what a calendar change is compared with).</summary>
public sealed record StoredDeadline(string Kind, DateOnly Due, bool Provisional, bool Open);
