namespace PowerFunctions.Domain.Common;

/// <summary>
/// A sealed document recorded on the event of a complaint, a penalty case or a rectification notice: its id, its kind's API code
/// (kebab case, e.g. <c>complaint-answer</c>, <c>penalty-decision</c>, <c>rectification-notice</c>) and its SHA-256. A licensing case
/// records its documents with their domain kind (<see cref="Cases.DocumentRef"/>).
/// </summary>
public sealed record RecordedDocument(string Id, string Type, string Sha256);
