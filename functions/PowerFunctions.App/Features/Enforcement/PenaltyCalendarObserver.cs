using PowerFunctions.App.Features.Calendar;
using PowerFunctions.App.Http;
using PowerFunctions.Domain.Calendar;
using PowerFunctions.Domain.Cases;
using PowerFunctions.Domain.Common;
using PowerFunctions.Domain.Enforcement;

namespace PowerFunctions.App.Features.Enforcement;

/// <summary>
/// When a year's official schedule is loaded or replaced: visits the penalty cases whose clocks run
/// (<c>penaltyopen</c>), recomputes their open deadlines with the new calendar, and for each that moved
/// and touches the year records a <c>deadline-moved</c> event (old due, new due, year) and reschedules its
/// timers and its yellow/red signals. The decision clock of a case whose hearing is pending is skipped:
/// it is stopped and re-dated by the hearing itself. Answers how many deadlines moved.
/// </summary>
public sealed class PenaltyCalendarObserver(PenaltyStore store, PenaltyService penalties, ILogger<PenaltyCalendarObserver> logger) : ICalendarObserver
{
    public async Task<int> OnCalendarChangedAsync(int year, IWorkingCalendar calendar, CancellationToken cancellationToken)
    {
        var moved = 0;
        foreach (var caseNo in await store.OpenCasesAsync(cancellationToken).ConfigureAwait(false))
        {
            for (var attempt = 1; attempt <= 5; attempt++)
            {
                try
                {
                    moved += await RecomputeAsync(caseNo, year, calendar, cancellationToken).ConfigureAwait(false);
                    break;
                }
                catch (Azure.RequestFailedException e) when (e.Status is 409 or 412 && attempt < 5)
                {
                    // the case moved on meanwhile: look again
                }
                catch (ProblemException e)
                {
                    logger.LogWarning("deadlines of penalty case {CaseNo} not recomputed: {Problem}", caseNo, e.Message);
                    break;
                }
            }
        }

        return moved;
    }

    private async Task<int> RecomputeAsync(string caseNo, int year, IWorkingCalendar calendar, CancellationToken cancellationToken)
    {
        var loaded = await store.LoadAsync(caseNo, cancellationToken).ConfigureAwait(false);
        if (loaded is null || PenaltyService.IsFinished(loaded.Case))
        {
            await store.RemoveOpenAsync(caseNo, cancellationToken).ConfigureAwait(false);
            return 0;
        }

        var now = penalties.Clock.GetUtcNow();
        var hearingPending = loaded.Case.HearingPeriods.Any(h => h.HeldOn is null);
        var next = loaded.Case;
        var moved = 0;
        foreach (var d in PenaltyDeadlines.Compute(loaded.Case, calendar, ChinaTime.DateOf(now)).Where(d => d.IsOpen))
        {
            var recorded = loaded.RecordedDeadlines.FirstOrDefault(r => r.Kind == d.Code && r.Open);
            if (recorded is null || recorded.Due == d.Due || (d.Kind == PenaltyDeadlineKind.Decision && hearingPending))
            {
                continue;
            }

            var touches = recorded.Due.Year == year || d.Due.Year == year || (d.StartedOn.Year <= year && year <= Math.Max(recorded.Due.Year, d.Due.Year));
            if (!touches)
            {
                continue;
            }

            next = next.Append(next.RecordDeadlineMoved(d.Kind, recorded.Due, d.Due, year), CaseActor.System, now);
            moved++;
        }

        if (moved > 0)
        {
            await penalties.CommitSystemEventsAsync(loaded, next, calendar, cancellationToken).ConfigureAwait(false);
        }

        return moved;
    }
}
