using Azure;
using PowerFunctions.Domain.Guidance;

namespace PowerFunctions.App.Features.Guidance;

/// <summary>A register entry as read, with its row's ETag (the check of the next write) and the follow-up due date recorded at the last write (what a calendar change is compared with).</summary>
public sealed record StoredGuidance(GuidanceEntry Entry, ETag ETag, DateOnly RecordedDue);
