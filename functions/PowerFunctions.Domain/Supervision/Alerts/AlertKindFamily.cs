namespace PowerFunctions.Domain.Supervision.Alerts;

/// <summary>What an alert is about, by the family of its <see cref="AlertKind"/>.</summary>
public enum AlertKindFamily
{
    /// <summary>A statutory clock of a case (<c>correction-notice</c>, <c>decision</c>, <c>publicity-end</c>, <c>delivery</c>, <c>result-publication</c>).</summary>
    CaseDeadline,

    /// <summary>A stage of a case over its own limit (<c>stage-{stage}</c>).</summary>
    Stage,

    /// <summary>A clock of a hotline ticket (<c>complaint-{clock}</c>).</summary>
    Complaint,

    /// <summary>A catalog entry not revised within 7 days of a change to its legal basis (<c>catalog-revision</c>).</summary>
    CatalogRevision,

    /// <summary>A rectification notice not reported by its deadline (<c>rectification</c>).</summary>
    Rectification,

    /// <summary>A bad review not rectified in time (<c>evaluation-rectification</c>).</summary>
    EvaluationRectification,

    /// <summary>A clock of the enforcement procedures (<c>enforcement-{clock}</c>, e.g. <c>enforcement-decision</c>).</summary>
    Enforcement,

    /// <summary>A follow-up of administrative guidance (<c>guidance-{clock}</c>).</summary>
    Guidance,
}
