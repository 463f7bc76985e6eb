namespace PowerFunctions.Domain.Supervision.Reports;

/// <summary>The stable codes of the counters (storage column names).</summary>
public static class CounterNames
{
    public static string Of(Counter counter) => counter switch
    {
        Counter.Received => "received",
        Counter.Decided => "decided",
        Counter.DecidedOnTime => "decidedOnTime",
        Counter.Overdue => "overdue",
        Counter.AlertsRed => "alertsRed",
        Counter.AlertsYellow => "alertsYellow",
        Counter.Complaints => "complaints",
        Counter.ComplaintsAnswered => "complaintsAnswered",
        Counter.ComplaintsOnTime => "complaintsOnTime",
        Counter.RatingsGood => "ratingsGood",
        Counter.RatingsBad => "ratingsBad",
        Counter.RectificationsIssued => "rectificationsIssued",
        Counter.RectificationsAccepted => "rectificationsAccepted",
        Counter.RectificationsOverdue => "rectificationsOverdue",
        _ => throw new ArgumentOutOfRangeException(nameof(counter)),
    };

    public static Counter? Parse(string? code) => Enum.GetValues<Counter>().Cast<Counter?>().FirstOrDefault(c => Of(c!.Value) == code);
}
