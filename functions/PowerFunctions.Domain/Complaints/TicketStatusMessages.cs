namespace PowerFunctions.Domain.Complaints;

/// <summary>
/// What the hotline is told: every change of state or of owning department of a hotline ticket, from its
/// receipt (which tells the hotline our ticket number for its id) to its closure. Explanations, follow-ups
/// that change nothing, pending transfers and deadline moves send nothing. Source: API.md "Queues"
/// (ticket status leaves on the topic <c>ticket-status</c>); local 12345 rules (办理情况反馈).
/// </summary>
public static class TicketStatusMessages
{
    /// <summary>
    /// The message for the last event of <paramref name="after"/> (appended to <paramref name="before"/>, or the
    /// first event when <paramref name="before"/> is null), or null when nothing is to be sent.
    /// </summary>
    public static TicketStatusMessage? For(Complaint? before, Complaint after)
    {
        ArgumentNullException.ThrowIfNull(after);
        if (after.Channel != ComplaintChannel.Hotline || after.HotlineTicketId is null)
        {
            return null;
        }

        if (before is not null && before.State == after.State && string.Equals(before.Owner, after.Owner, StringComparison.Ordinal))
        {
            return null;
        }

        var last = after.Events[^1];
        var summary = after.State == ComplaintState.Answered ? Summary(after.CurrentAnswer?.Answer) : null;
        return new TicketStatusMessage($"{after.TicketNo}-{last.Seq}", after.TicketNo, after.HotlineTicketId, last.Seq, ComplaintNames.Of(after.State), last.Instant, after.Owner, summary);
    }

    /// <summary>The first <see cref="ComplaintRules.AnswerSummaryLength"/> characters of an answer, "…" when cut.</summary>
    public static string? Summary(string? answer)
    {
        if (answer is null)
        {
            return null;
        }

        var elements = System.Globalization.StringInfo.ParseCombiningCharacters(answer);
        return elements.Length <= ComplaintRules.AnswerSummaryLength ? answer : answer[..elements[ComplaintRules.AnswerSummaryLength]] + "…";
    }
}
