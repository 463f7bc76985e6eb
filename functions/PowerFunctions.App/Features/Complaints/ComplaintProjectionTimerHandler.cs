using PowerFunctions.App.Features.Timers;

namespace PowerFunctions.App.Features.Complaints;

/// <summary>
/// Writes a ticket's list rows again after a commit (<see cref="ComplaintTimerKinds.Projection"/>, due at the
/// commit): a no-op when the command wrote them already (the row holds that version), the repair when the process
/// stopped between the commit and writing them. A timer of a commit that never happened does nothing.
/// </summary>
public sealed class ComplaintProjectionTimerHandler(ComplaintStore store, ComplaintProjection projection, ComplaintService complaints) : ITimerHandler
{
    public string Kind => ComplaintTimerKinds.Projection;

    public async Task<bool> FireAsync(DurableTimer timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        var loaded = await store.LoadAsync(timer.TargetId, cancellationToken).ConfigureAwait(false);
        if (loaded is null || timer.Generation > loaded.Complaint.Version)
        {
            return false;
        }

        var c = loaded.Complaint;
        if (await projection.ProjectedVersionAsync(c.ReceivedAt, c.TicketNo, cancellationToken).ConfigureAwait(false) >= c.Version)
        {
            return false;
        }

        await complaints.ProjectAsync(c, cancellationToken).ConfigureAwait(false);
        return true;
    }
}
