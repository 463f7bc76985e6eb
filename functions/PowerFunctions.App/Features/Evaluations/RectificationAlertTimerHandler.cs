using PowerFunctions.App.Features.Supervision;
using PowerFunctions.App.Features.Timers;
using PowerFunctions.Domain.Evaluations;

namespace PowerFunctions.App.Features.Evaluations;

/// <summary>Raises the yellow/red alert of a bad review's rectification deadline, unless it was rectified meanwhile.</summary>
public sealed class RectificationAlertTimerHandler(EvaluationStore store, ICaseSummaries cases, IAlertSink alerts, TimeProvider clock) : ITimerHandler
{
    public string Kind => EvaluationFunctions.TimerKind;

    public async Task<bool> FireAsync(DurableTimer timer, CancellationToken cancellationToken)
    {
        var summary = await cases.FindAsync(timer.TargetId, cancellationToken).ConfigureAwait(false);
        if (summary is null)
        {
            return false;
        }

        var stored = await store.GetAsync(summary.DepartmentCode, summary.CaseNo, cancellationToken).ConfigureAwait(false);
        if (stored?.Evaluation is not { Status: EvaluationStatus.AwaitingRectification, RectificationDue: { } due })
        {
            return false;
        }

        await alerts.RaiseAsync(
            new AlertRaised(summary.CaseNo, summary.DepartmentCode, summary.ItemCode, EvaluationFunctions.DeadlineKind, timer.Key, due.Date, clock.GetUtcNow()),
            cancellationToken).ConfigureAwait(false);
        return true;
    }
}
