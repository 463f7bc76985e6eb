namespace PowerFunctions.Domain.Enforcement;

/// <summary>Where a penalty case stands (API kebab case: <c>opened</c>, <c>investigating</c>, …).</summary>
public enum PenaltyState
{
    /// <summary>立案: opened ex officio; the 90-day decision clock runs (行政处罚法 第六十条).</summary>
    Opened,

    /// <summary>调查: at least one investigation by two certified officers is on record.</summary>
    Investigating,

    /// <summary>告知: the party was told the proposed penalty; the 5-day reply window runs.</summary>
    Notified,

    /// <summary>The party asked for a hearing in time; the hearing is to be scheduled.</summary>
    HearingRequested,

    /// <summary>The hearing is notified for a date at least 7 working days ahead.</summary>
    HearingScheduled,

    /// <summary>The hearing was held (or ended by the party's absence) and its record signed.</summary>
    HearingHeld,

    /// <summary>The decision is made and sealed: to deliver (7 days) and, for a penalty, to publish (7 wd).</summary>
    Decided,

    /// <summary>Delivered; a fine or confiscation is to be paid within 15 days.</summary>
    Delivered,

    /// <summary>Delivered and nothing more to pay. Publication may still follow if not done yet.</summary>
    Closed,
}
