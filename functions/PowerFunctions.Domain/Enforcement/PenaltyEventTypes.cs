namespace PowerFunctions.Domain.Enforcement;

/// <summary>The stored event types of a penalty case and the data type of each: the one map used to write and to fold.</summary>
public static class PenaltyEventTypes
{
    public const string Opened = "penalty-opened";
    public const string Investigated = "investigated";
    public const string Notified = "notified";
    public const string StatementMade = "statement-made";
    public const string HearingRequested = "hearing-requested";
    public const string HearingScheduled = "hearing-scheduled";
    public const string HearingHeld = "hearing-held";
    public const string LegallyReviewed = "legally-reviewed";
    public const string CollectivelyDecided = "collectively-decided";
    public const string Decided = "penalty-decided";
    public const string Delivered = "penalty-delivered";
    public const string Published = "penalty-published";
    public const string Paid = "paid";
    public const string DeadlineMoved = "deadline-moved";

    private static readonly Dictionary<string, Type> DataTypes = new(StringComparer.Ordinal)
    {
        [Opened] = typeof(PenaltyEventData.Opened),
        [Investigated] = typeof(PenaltyEventData.Investigated),
        [Notified] = typeof(PenaltyEventData.Notified),
        [StatementMade] = typeof(PenaltyEventData.StatementMade),
        [HearingRequested] = typeof(PenaltyEventData.HearingRequested),
        [HearingScheduled] = typeof(PenaltyEventData.HearingScheduled),
        [HearingHeld] = typeof(PenaltyEventData.HearingHeld),
        [LegallyReviewed] = typeof(PenaltyEventData.LegallyReviewed),
        [CollectivelyDecided] = typeof(PenaltyEventData.CollectivelyDecided),
        [Decided] = typeof(PenaltyEventData.Decided),
        [Delivered] = typeof(PenaltyEventData.Delivered),
        [Published] = typeof(PenaltyEventData.Published),
        [Paid] = typeof(PenaltyEventData.Paid),
        [DeadlineMoved] = typeof(PenaltyEventData.DeadlineMoved),
    };

    /// <summary>Every stored type name.</summary>
    public static IReadOnlyCollection<string> All => DataTypes.Keys;

    /// <summary>The data type stored under <paramref name="type"/>.</summary>
    public static Type DataTypeOf(string type) =>
        DataTypes.TryGetValue(type, out var t) ? t : throw new InvalidOperationException($"unknown penalty event type '{type}'");

    /// <summary>The event type of a data record.</summary>
    public static string TypeOf(PenaltyEventData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return DataTypes.First(d => d.Value == data.GetType()).Key;
    }
}
