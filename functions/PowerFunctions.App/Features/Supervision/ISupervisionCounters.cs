using PowerFunctions.Domain.Supervision.Reports;

namespace PowerFunctions.App.Features.Supervision;

/// <summary>
/// Where features report what their committed events count for the supervision reports (周清月结季通报年考核): the
/// increments come from the domain's event mapping (<see cref="SupervisionCounters"/>, or
/// <see cref="SupervisionIncrements"/> for a case's or a ticket's new events), and each event is counted once, by its
/// <see cref="CounterIncrement.EventKey"/>, however often it is recorded (call it again after a crash or a retry).
/// Call it after the event's commit; it never changes the caller's data.
/// </summary>
public interface ISupervisionCounters
{
    Task RecordAsync(IReadOnlyList<CounterIncrement> increments, CancellationToken cancellationToken);
}
