namespace PowerFunctions.Domain.Complaints;

/// <summary>The stored ticket event types and the data type of each: the one map used to write and to fold.</summary>
public static class ComplaintEventTypes
{
    public const string Received = "received";
    public const string Assigned = "assigned";
    public const string TransferRequested = "transfer-requested";
    public const string Accepted = "accepted";
    public const string Explained = "explained";
    public const string Answered = "answered";
    public const string FollowedUp = "followed-up";
    public const string Reopened = "reopened";
    public const string Closed = "closed";
    public const string DeadlineMoved = "deadline-moved";

    private static readonly Dictionary<string, Type> DataTypes = new(StringComparer.Ordinal)
    {
        [Received] = typeof(ComplaintEventData.Received),
        [Assigned] = typeof(ComplaintEventData.Assigned),
        [TransferRequested] = typeof(ComplaintEventData.TransferRequested),
        [Accepted] = typeof(ComplaintEventData.Accepted),
        [Explained] = typeof(ComplaintEventData.Explained),
        [Answered] = typeof(ComplaintEventData.Answered),
        [FollowedUp] = typeof(ComplaintEventData.FollowedUp),
        [Reopened] = typeof(ComplaintEventData.Reopened),
        [Closed] = typeof(ComplaintEventData.Closed),
        [DeadlineMoved] = typeof(ComplaintEventData.DeadlineMoved),
    };

    /// <summary>The data type stored under <paramref name="type"/>.</summary>
    public static Type DataTypeOf(string type) =>
        DataTypes.TryGetValue(type, out var t) ? t : throw new InvalidOperationException($"unknown complaint event type '{type}'");

    /// <summary>The event type of a data record.</summary>
    public static string TypeOf(ComplaintEventData data) => DataTypes.First(d => d.Value == data.GetType()).Key;
}
