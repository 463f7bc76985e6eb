namespace PowerFunctions.Domain.Cases;

/// <summary>Where a case stands (API.md: case <c>state</c>, kebab-case on the wire).</summary>
public enum CaseState
{
    /// <summary>Received; the acceptor has 5 wd to accept, refuse or ask for corrections.</summary>
    Submitted,

    /// <summary>A one-time correction notice was given; waiting for the applicant's supplement.</summary>
    CorrectionRequested,

    /// <summary>Accepted (or deemed accepted); the decision clock runs.</summary>
    Accepted,

    /// <summary>Not accepted, with a sealed notice and reason. Final.</summary>
    Refused,

    /// <summary>Review, inspection or a collective decision has begun.</summary>
    UnderReview,

    /// <summary>The decision clock is stopped for an excluded procedure (行政许可法 第四十五条).</summary>
    Suspended,

    /// <summary>Decided and not posted (a denial, or a confidential item): waiting for delivery.</summary>
    Decided,

    /// <summary>An approval posted for 7 cd.</summary>
    InPublicity,

    /// <summary>Publicity ended: waiting for delivery.</summary>
    AwaitingDelivery,

    /// <summary>Delivered to the applicant; waiting for result publication.</summary>
    Delivered,

    /// <summary>The result was published (or withheld by law). Final.</summary>
    Closed,

    /// <summary>Withdrawn by the applicant before the decision. Final.</summary>
    Withdrawn,
}
