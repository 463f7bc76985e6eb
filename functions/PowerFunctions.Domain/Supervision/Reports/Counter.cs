namespace PowerFunctions.Domain.Supervision.Reports;

/// <summary>
/// The per-department, per-day counters the reports are built from (codes in <see cref="CounterNames"/>). Each is a
/// flow: how many of something happened that day. <see cref="SupervisionCounters"/> says which event moves which.
/// </summary>
public enum Counter
{
    /// <summary><c>received</c>: applications received (the case's department, the receipt day).</summary>
    Received,

    /// <summary><c>decided</c>: decisions (准予 / 不予) made.</summary>
    Decided,

    /// <summary><c>decidedOnTime</c>: decisions made on or before the decision deadline.</summary>
    DecidedOnTime,

    /// <summary><c>overdue</c>: case clocks (and enforcement clocks) that expired unmet: their red alert was raised.</summary>
    Overdue,

    /// <summary><c>alertsRed</c>: red alerts raised, every kind.</summary>
    AlertsRed,

    /// <summary><c>alertsYellow</c>: yellow alerts raised, every kind (not one raised already superseded).</summary>
    AlertsYellow,

    /// <summary><c>complaints</c>: tickets that reached the department first (首问).</summary>
    Complaints,

    /// <summary><c>complaintsAnswered</c>: answers given (each round).</summary>
    ComplaintsAnswered,

    /// <summary><c>complaintsOnTime</c>: answers given on or before the round's answer deadline.</summary>
    ComplaintsOnTime,

    /// <summary><c>ratingsGood</c>: ratings 非常满意, 满意 or 基本满意.</summary>
    RatingsGood,

    /// <summary><c>ratingsBad</c>: ratings 不满意 or 非常不满意 (差评, 国办发〔2019〕51号).</summary>
    RatingsBad,

    /// <summary><c>rectificationsIssued</c>: rectification notices issued to the department.</summary>
    RectificationsIssued,

    /// <summary><c>rectificationsAccepted</c>: rectifications accepted by the supervisor (closed).</summary>
    RectificationsAccepted,

    /// <summary><c>rectificationsOverdue</c>: rectification deadlines missed.</summary>
    RectificationsOverdue,
}
