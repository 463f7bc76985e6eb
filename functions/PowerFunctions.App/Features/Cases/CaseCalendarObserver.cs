using PowerFunctions.App.Features.Calendar;
using PowerFunctions.App.Http;
using PowerFunctions.Domain.Calendar;
using PowerFunctions.Domain.Cases;
using PowerFunctions.Domain.Common;

namespace PowerFunctions.App.Features.Cases;

/// <summary>
/// When a year's official schedule is loaded or replaced: visits the open cases (index
/// <c>opencases</c>), recomputes their open deadlines with the new calendar, and for each that moved
/// and touches the year records a <c>deadline-moved</c> event (old due, new due, year) and
/// reschedules its timers. Answers how many deadlines moved.
/// </summary>
public sealed class CaseCalendarObserver(OpenCaseIndex openCases, CaseStore store, CaseService cases, ILogger<CaseCalendarObserver> logger) : ICalendarObserver
{
    public async Task<int> OnCalendarChangedAsync(int year, IWorkingCalendar calendar, CancellationToken cancellationToken)
    {
        var moved = 0;
        await foreach (var caseNo in openCases.ListAsync(cancellationToken).ConfigureAwait(false))
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
                    logger.LogWarning("deadlines of case {CaseNo} not recomputed: {Problem}", caseNo, e.Message);
                    break;
                }
            }
        }

        return moved;
    }

    private async Task<int> RecomputeAsync(string caseNo, int year, IWorkingCalendar calendar, CancellationToken cancellationToken)
    {
        var loaded = await store.LoadAsync(caseNo, cancellationToken).ConfigureAwait(false);
        if (loaded is null || CaseStateMachine.IsFinal(loaded.Case.State))
        {
            if (loaded is not null)
            {
                await openCases.RemoveAsync(caseNo, cancellationToken).ConfigureAwait(false);
            }

            return 0;
        }

        var now = cases.Clock.GetUtcNow();
        var fresh = CaseDeadlines.Compute(loaded.Case, calendar, ChinaTime.DateOf(now));
        var next = loaded.Case;
        var moved = 0;
        foreach (var d in fresh.Where(d => d.IsOpen))
        {
            var recorded = loaded.RecordedDeadlines.FirstOrDefault(r => r.Kind == d.Code && r.Open);
            if (recorded is null || recorded.Due == d.Due)
            {
                continue;
            }

            var touches = recorded.Due.Year == year || d.Due.Year == year || (d.StartedOn.Year <= year && year <= Math.Max(recorded.Due.Year, d.Due.Year));
            var runningSuspension = d.Stopped;
            if (!touches || runningSuspension)
            {
                continue;
            }

            next = next.Append(next.RecordDeadlineMoved(d.Code, recorded.Due, d.Due, year), CaseActor.System, now);
            moved++;
        }

        if (moved > 0)
        {
            await cases.CommitSystemEventsAsync(loaded, next, calendar, cancellationToken).ConfigureAwait(false);
        }

        return moved;
    }
}
