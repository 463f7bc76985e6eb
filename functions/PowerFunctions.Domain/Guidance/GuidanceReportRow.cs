namespace PowerFunctions.Domain.Guidance;

/// <summary>
/// One department's line of the quarterly guidance report (季报表): guidance given in the quarter (in
/// all and by measure); follow-ups that fell due in the quarter — on time, late, still overdue; and, of
/// the guidance given in the quarter, how many targets accepted, refused, or have not answered yet.
/// </summary>
public sealed record GuidanceReportRow(
    string Department,
    int Given,
    int Advice,
    int Prompt,
    int Warning,
    int FollowUpsDue,
    int FollowedUpOnTime,
    int FollowedUpLate,
    int FollowUpsOverdue,
    int Accepted,
    int Refused,
    int NotAnswered);
