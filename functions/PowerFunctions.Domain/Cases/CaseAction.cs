namespace PowerFunctions.Domain.Cases;

/// <summary>Everything that can happen to a case: the staff and applicant commands of API.md, the public objection, and the timer effects.</summary>
public enum CaseAction
{
    CorrectionNotice,
    Supplement,
    Accept,
    Refuse,
    Review,
    SiteInspection,
    ExpertDraw,
    CollectiveDecision,
    Suspend,
    Resume,
    Extend,
    JointOpinion,
    Decide,
    Deliver,
    Withdraw,
    Objection,
    ObjectionAnswer,

    /// <summary>Timer: no notice and no acceptance within 5 wd (行政许可法 第三十二条).</summary>
    DeemedAcceptance,

    /// <summary>Timer: the 7 cd of publicity are over.</summary>
    EndPublicity,

    /// <summary>Timer: the scheduled job publishes the result.</summary>
    PublishResult,
}
