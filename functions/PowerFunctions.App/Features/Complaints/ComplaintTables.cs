using PowerFunctions.App.Hosting;
using PowerFunctions.Storage;

namespace PowerFunctions.App.Features.Complaints;

/// <summary>
/// The complaint tables, created at start: <c>tickets</c> (one partition per ticket: snapshot, events and the
/// outbox rows of its status messages), <c>ticketlist</c> (the work lists, the open index, the tickets of a case
/// and the Open311 list: <see cref="ComplaintProjection"/>) and <c>ticketkeys</c> (idempotency keys and hotline
/// ticket ids: <see cref="TicketKeys"/>).
/// </summary>
public sealed class ComplaintTables(IStorageAccount storage) : IStartupTask
{
    public const string Tickets = "tickets";
    public const string List = "ticketlist";
    public const string Keys = "ticketkeys";

    public int Order => 0;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        foreach (var name in new[] { Tickets, List, Keys })
        {
            await storage.GetTableClient(name).CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
