namespace PowerFunctions.Domain.Supervision.Rectifications;

/// <summary>
/// Where a rectification notice stands (API <c>status</c>): <c>issued</c> (the department must report its measures by
/// the due date), <c>reported</c> (the supervisor checks them), <c>accepted</c> (final), <c>sent-back</c> (the measures
/// were not enough: report again by the new due date).
/// </summary>
public enum RectificationState
{
    Issued,
    Reported,
    Accepted,
    SentBack,
}
