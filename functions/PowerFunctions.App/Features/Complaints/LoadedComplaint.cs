using Azure;
using PowerFunctions.Domain.Complaints;

namespace PowerFunctions.App.Features.Complaints;

/// <summary>A ticket as read from its partition, with the snapshot's ETag (the concurrency check of the next commit) and the clocks recorded at the last commit (what a calendar change is compared with).</summary>
public sealed record LoadedComplaint(Complaint Complaint, ETag ETag, IReadOnlyList<ComplaintDeadline> RecordedDeadlines);
