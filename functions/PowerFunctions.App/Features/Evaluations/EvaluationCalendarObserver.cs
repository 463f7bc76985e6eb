using Azure;
using PowerFunctions.App.Features.Calendar;
using PowerFunctions.App.Features.Timers;
using PowerFunctions.Domain.Calendar;
using PowerFunctions.Domain.Deadlines;

namespace PowerFunctions.App.Features.Evaluations;

/// <summary>
/// When a year's schedule is loaded or replaced: re-dates every open rectification deadline of a bad
/// review (the rule is <see cref="Domain.Evaluations.Evaluation.RedateRectification"/>), schedules its
/// yellow/red timers at the new date first (the old ones find the deadline elsewhere and do nothing),
/// then stores it under its ETag. Answers how many moved.
/// </summary>
public sealed class EvaluationCalendarObserver(EvaluationStore store, ITimerScheduler timers, EvaluationOptions options, ILogger<EvaluationCalendarObserver> logger) : ICalendarObserver
{
    public async Task<int> OnCalendarChangedAsync(int year, IWorkingCalendar calendar, CancellationToken cancellationToken)
    {
        var moved = 0;
        foreach (var stored in await store.ListAsync(null, cancellationToken).ConfigureAwait(false))
        {
            if (stored.Evaluation.RedateRectification(calendar, options.RectificationWorkingDays) is not { RectificationDue: { } due } next)
            {
                continue;
            }

            await timers.ScheduleAsync(
                [
                    new DurableTimer(EvaluationFunctions.TimerKind, next.CaseNo, "yellow", AlertRules.YellowFrom(calendar, due.Date), 1),
                    new DurableTimer(EvaluationFunctions.TimerKind, next.CaseNo, "red", AlertRules.RedFrom(due.Date), 1),
                ],
                cancellationToken).ConfigureAwait(false);
            try
            {
                await store.UpdateAsync(stored, next, cancellationToken).ConfigureAwait(false);
                moved++;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
                // rectified meanwhile: nothing left to re-date (a PUT of the year again would retry)
                logger.LogInformation("evaluation of {CaseNo} changed while re-dating; left as it is", next.CaseNo);
            }
        }

        return moved;
    }
}
