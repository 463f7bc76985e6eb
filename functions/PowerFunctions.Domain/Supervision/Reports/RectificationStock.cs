namespace PowerFunctions.Domain.Supervision.Reports;

/// <summary>
/// Rectifications open at the end of a period are a stock, not a flow: open at the end = open now minus what the days
/// after the end added (issued − accepted). The app knows what is open now (its rectifications, or a running balance
/// kept with the counters) and, closing a period just after its end, reads at most a day or two of rows after it.
/// </summary>
public static class RectificationStock
{
    public static long OpenAtEnd(long openNow, IEnumerable<DailyCounters> daysAfterEnd)
    {
        ArgumentNullException.ThrowIfNull(daysAfterEnd);
        return openNow - daysAfterEnd.Sum(d => d.Counts.RectificationsIssued - d.Counts.RectificationsAccepted);
    }
}
