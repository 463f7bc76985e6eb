using PowerFunctions.App.Features.Cases;

namespace PowerFunctions.App.Features.Complaints;

/// <summary>The case view's <c>tickets</c>: the tickets linked to the case at their intake, as their snapshots say now (a link whose ticket never committed is skipped).</summary>
public sealed class ComplaintCaseTickets(ComplaintProjection projection, ComplaintStore store) : ICaseTickets
{
    public async Task<IReadOnlyList<CaseTicket>> ListAsync(string caseNo, CancellationToken cancellationToken)
    {
        var tickets = new List<CaseTicket>();
        if (!CaseStore.IsCaseNo(caseNo))
        {
            return tickets;
        }

        await foreach (var ticketNo in projection.CaseTicketsAsync(caseNo, cancellationToken).ConfigureAwait(false))
        {
            if (await store.SnapshotAsync(ticketNo, cancellationToken).ConfigureAwait(false) is { } snapshot)
            {
                tickets.Add(new CaseTicket(
                    ticketNo,
                    snapshot.GetString("Category") ?? string.Empty,
                    snapshot.GetString("State") ?? string.Empty,
                    snapshot.GetString("Owner"),
                    snapshot.GetDateTimeOffset("ReceivedAt") ?? default));
            }
        }

        return [.. tickets.OrderBy(t => t.ReceivedAt).ThenBy(t => t.TicketNo, StringComparer.Ordinal)];
    }
}
