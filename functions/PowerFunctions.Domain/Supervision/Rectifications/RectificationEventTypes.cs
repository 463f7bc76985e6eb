namespace PowerFunctions.Domain.Supervision.Rectifications;

/// <summary>The stored rectification event types and the data type of each: the one map used to write and to fold.</summary>
public static class RectificationEventTypes
{
    public const string Issued = "issued";
    public const string Reported = "reported";
    public const string Accepted = "accepted";
    public const string SentBack = "sent-back";
    public const string Overdue = "overdue";

    private static readonly Dictionary<string, Type> DataTypes = new(StringComparer.Ordinal)
    {
        [Issued] = typeof(RectificationEventData.Issued),
        [Reported] = typeof(RectificationEventData.Reported),
        [Accepted] = typeof(RectificationEventData.Accepted),
        [SentBack] = typeof(RectificationEventData.SentBack),
        [Overdue] = typeof(RectificationEventData.Overdue),
    };

    public static Type DataTypeOf(string type) =>
        DataTypes.TryGetValue(type, out var t) ? t : throw new InvalidOperationException($"unknown rectification event type '{type}'");

    public static string TypeOf(RectificationEventData data) => DataTypes.First(d => d.Value == data.GetType()).Key;
}
