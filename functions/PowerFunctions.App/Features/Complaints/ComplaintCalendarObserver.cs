using PowerFunctions.App.Features.Calendar;
using PowerFunctions.App.Http;
using PowerFunctions.Domain.Calendar;
using PowerFunctions.Domain.Complaints;

namespace PowerFunctions.App.Features.Complaints;

/// <summary>
/// When a year's official schedule is loaded or replaced: visits the open tickets (the <c>open</c> index),
/// recomputes their clocks with the new calendar (<see cref="ComplaintDeadlines.Moves"/>: open clocks not fixed
/// by an extension, touching the year), records each move as a <c>deadline-moved</c> event and reschedules its
/// alerts. Answers how many clocks moved.
/// </summary>
public sealed class ComplaintCalendarObserver(ComplaintProjection projection, ComplaintStore store, ComplaintService complaints, ILogger<ComplaintCalendarObserver> logger) : ICalendarObserver
{
    private const int Attempts = 5;

    public async Task<int> OnCalendarChangedAsync(int year, IWorkingCalendar calendar, CancellationToken cancellationToken)
    {
        var moved = 0;
        await foreach (var ticketNo in projection.OpenAsync(cancellationToken).ConfigureAwait(false))
        {
            for (var attempt = 1; attempt <= Attempts; attempt++)
            {
                try
                {
                    moved += await RecomputeAsync(ticketNo, year, calendar, cancellationToken).ConfigureAwait(false);
                    break;
                }
                catch (Azure.RequestFailedException e) when (e.Status is 409 or 412 && attempt < Attempts)
                {
                    // the ticket moved on meanwhile: look again
                }
                catch (ProblemException e)
                {
                    logger.LogWarning("clocks of ticket {TicketNo} not recomputed: {Problem}", ticketNo, e.Message);
                    break;
                }
            }
        }

        return moved;
    }

    private async Task<int> RecomputeAsync(string ticketNo, int year, IWorkingCalendar calendar, CancellationToken cancellationToken)
    {
        var loaded = await store.LoadAsync(ticketNo, cancellationToken).ConfigureAwait(false);
        if (loaded is null)
        {
            return 0; // an open row whose ticket never committed
        }

        var moves = ComplaintDeadlines.Moves(loaded.Complaint, loaded.RecordedDeadlines, calendar, year);
        if (moves.Count == 0)
        {
            return 0;
        }

        var now = complaints.Clock.GetUtcNow();
        var next = loaded.Complaint;
        foreach (var move in moves)
        {
            next = next.Append(Complaint.RecordDeadlineMoved(move), ComplaintActor.System, now);
        }

        await complaints.CommitSystemEventsAsync(loaded, next, calendar, cancellationToken).ConfigureAwait(false);
        return moves.Count;
    }
}
