using PowerFunctions.App.Features.Calendar;
using PowerFunctions.App.Features.Supervision;
using PowerFunctions.App.Features.Timers;
using PowerFunctions.Domain.Deadlines;
using PowerFunctions.Domain.Evaluations;
using PowerFunctions.Domain.Supervision;

namespace PowerFunctions.App.Features.Evaluations;

/// <summary>Raises the yellow/red alert of a bad review's rectification deadline, unless it was rectified meanwhile.</summary>
public sealed class RectificationAlertTimerHandler(EvaluationStore store, ICaseSummaries cases, IAlertSink alerts, ICalendarProvider calendars, TimeProvider clock) : ITimerHandler
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
        if (stored?.Evaluation is not { Status: EvaluationStatus.AwaitingRectification, RectificationDue: { } due } || !AlertRecordRules.TryParseLevel(timer.Key, out var level))
        {
            return false;
        }

        // The deadline may have moved since the timer was set (a calendar change re-dates it and sets new
        // timers): raise only what the deadline calls for now.
        var now = clock.GetUtcNow();
        var calendar = await calendars.GetCurrentAsync(cancellationToken).ConfigureAwait(false);
        var called = AlertRecordRules.LevelFor(AlertRules.StatusAt(calendar, due.Date, now, met: false));
        if (called is null || (level == AlertLevel.Red && called != AlertLevel.Red))
        {
            return false;
        }

        await alerts.RaiseAsync(
            new AlertRaised(summary.CaseNo, summary.DepartmentCode, summary.ItemCode, EvaluationFunctions.DeadlineKind, level, due.Date, now),
            cancellationToken).ConfigureAwait(false);
        return true;
    }
}
