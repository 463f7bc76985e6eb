namespace PowerFunctions.Domain.Cases;

/// <summary>The stored event types and the data type of each: the one map used to write and to fold.</summary>
public static class CaseEventTypes
{
    public const string Submitted = "submitted";
    public const string CorrectionRequested = "correction-requested";
    public const string Supplemented = "supplemented";
    public const string Accepted = "accepted";
    public const string DeemedAccepted = "deemed-accepted";
    public const string Refused = "refused";
    public const string Reviewed = "reviewed";
    public const string SiteInspected = "site-inspected";
    public const string ExpertsDrawn = "experts-drawn";
    public const string CollectiveDecided = "collective-decided";
    public const string Suspended = "suspended";
    public const string Resumed = "resumed";
    public const string Extended = "extended";
    public const string JointOpinionGiven = "joint-opinion-given";
    public const string Decided = "decided";
    public const string ObjectionFiled = "objection-filed";
    public const string ObjectionAnswered = "objection-answered";
    public const string PublicityEnded = "publicity-ended";
    public const string Delivered = "delivered";
    public const string ResultPublished = "result-published";
    public const string Withdrawn = "withdrawn";
    public const string DeadlineMoved = "deadline-moved";

    private static readonly Dictionary<string, Type> DataTypes = new(StringComparer.Ordinal)
    {
        [Submitted] = typeof(CaseEventData.Submitted),
        [CorrectionRequested] = typeof(CaseEventData.CorrectionRequested),
        [Supplemented] = typeof(CaseEventData.Supplemented),
        [Accepted] = typeof(CaseEventData.Accepted),
        [DeemedAccepted] = typeof(CaseEventData.DeemedAccepted),
        [Refused] = typeof(CaseEventData.Refused),
        [Reviewed] = typeof(CaseEventData.Reviewed),
        [SiteInspected] = typeof(CaseEventData.SiteInspected),
        [ExpertsDrawn] = typeof(CaseEventData.ExpertsDrawn),
        [CollectiveDecided] = typeof(CaseEventData.CollectiveDecided),
        [Suspended] = typeof(CaseEventData.Suspended),
        [Resumed] = typeof(CaseEventData.Resumed),
        [Extended] = typeof(CaseEventData.Extended),
        [JointOpinionGiven] = typeof(CaseEventData.JointOpinionGiven),
        [Decided] = typeof(CaseEventData.Decided),
        [ObjectionFiled] = typeof(CaseEventData.ObjectionFiled),
        [ObjectionAnswered] = typeof(CaseEventData.ObjectionAnswered),
        [PublicityEnded] = typeof(CaseEventData.PublicityEnded),
        [Delivered] = typeof(CaseEventData.Delivered),
        [ResultPublished] = typeof(CaseEventData.ResultPublished),
        [Withdrawn] = typeof(CaseEventData.Withdrawn),
        [DeadlineMoved] = typeof(CaseEventData.DeadlineMoved),
    };

    /// <summary>The data type stored under <paramref name="type"/>.</summary>
    public static Type DataTypeOf(string type) =>
        DataTypes.TryGetValue(type, out var t) ? t : throw new InvalidOperationException($"unknown case event type '{type}'");

    /// <summary>The event type of a data record.</summary>
    public static string TypeOf(CaseEventData data) => DataTypes.First(d => d.Value == data.GetType()).Key;
}
