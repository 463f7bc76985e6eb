using Azure;
using PowerFunctions.App.Features.Calendar;
using PowerFunctions.App.Features.Enforcement;
using PowerFunctions.App.Features.Supervision;
using PowerFunctions.App.Features.Timers;
using PowerFunctions.App.Http;
using PowerFunctions.Domain.Calendar;
using PowerFunctions.Domain.Common;
using PowerFunctions.Domain.Deadlines;
using PowerFunctions.Domain.Guidance;

namespace PowerFunctions.App.Features.Guidance;

/// <summary>
/// The guidance register's commands: register an entry (its follow-up clock's yellow and red signals
/// scheduled first), record a follow-up (the clock resolves whatever the target answered), and read the
/// register and its quarterly report. The target's answer is kept in the entry and read by nothing but
/// the register and its report.
/// </summary>
public sealed class GuidanceService(GuidanceStore store, SerialNumbers numbers, ICalendarProvider calendars, ITimerScheduler timers, IAlertSink alerts, TimeProvider clock, ILogger<GuidanceService> logger)
{
    /// <summary>The alert kind of the follow-up clock.</summary>
    public const string AlertKind = "guidance-follow-up";

    /// <summary>The durable-timer kind of the follow-up signals (keys <c>follow-up.yellow</c>, <c>.red</c>, <c>.resolve</c>).</summary>
    public const string TimerKind = "guidance-follow-up-alert";

    public TimeProvider Clock => clock;

    public ValueTask<IWorkingCalendar> CalendarAsync(CancellationToken cancellationToken) => calendars.GetCurrentAsync(cancellationToken);

    public async Task<GuidanceEntry> RegisterAsync(string? department, string? target, GuidanceMeasure? measure, string? content, string? basis, int? followUpWorkingDays, string givenBy, CancellationToken cancellationToken)
    {
        var calendar = await calendars.GetCurrentAsync(cancellationToken).ConfigureAwait(false);
        var now = clock.GetUtcNow();
        var today = ChinaTime.DateOf(now);
        var checkedEntry = GuidanceEntry.Register("pending", department, target, measure, content, basis, followUpWorkingDays, givenBy, today).OrThrow();
        var id = await numbers.NextAsync(checkedEntry.DepartmentCode + "-ZD", today, cancellationToken).ConfigureAwait(false);
        var entry = checkedEntry with { Id = id };
        var due = entry.FollowUpDue(calendar).Date;
        await timers.ScheduleAsync(Signals(entry.Id, due, calendar, now), cancellationToken).ConfigureAwait(false);
        await store.AddAsync(entry, due, cancellationToken).ConfigureAwait(false);
        return entry;
    }

    public async Task<StoredGuidance> GetRequiredAsync(string id, CancellationToken cancellationToken) =>
        await store.GetAsync(id, cancellationToken).ConfigureAwait(false)
        ?? throw Problems.NotFound("guidance.not_found", "行政指导登记不存在", $"no guidance entry '{id}'");

    /// <summary>Records a follow-up; <paramref name="authorize"/> sees the entry first (department). A concurrent write makes it run again on the fresh entry.</summary>
    public async Task<GuidanceEntry> FollowUpAsync(string id, TargetResponse? response, string? note, string by, Action<GuidanceEntry> authorize, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var stored = await GetRequiredAsync(id, cancellationToken).ConfigureAwait(false);
            authorize(stored.Entry);
            var calendar = await calendars.GetCurrentAsync(cancellationToken).ConfigureAwait(false);
            var now = clock.GetUtcNow();
            var next = stored.Entry.RecordFollowUp(response, note, by, ChinaTime.DateOf(now)).OrThrow();
            var due = next.FollowUpDue(calendar).Date;
            var first = stored.Entry.FirstFollowUpOn is null;
            if (first && now >= AlertRules.YellowFrom(calendar, due))
            {
                await timers.ScheduleAsync([new DurableTimer(TimerKind, id, "follow-up.resolve", now, 0)], cancellationToken).ConfigureAwait(false);
            }

            try
            {
                await store.ReplaceAsync(stored, next, due, cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412 && attempt < 5)
            {
                continue;
            }

            if (first)
            {
                try
                {
                    await alerts.ResolveAsync(id, AlertKind, now, cancellationToken).ConfigureAwait(false);
                    await store.CloseAsync(id, cancellationToken).ConfigureAwait(false);
                }
                catch (RequestFailedException e)
                {
                    logger.LogWarning(e, "after-write effects of guidance {Id} failed; the resolve timer repeats them", id);
                }
            }

            return next;
        }
    }

    /// <summary>Re-dates the follow-up signals of the entries not yet followed up after a calendar change; answers how many moved.</summary>
    public async Task<int> RedateAsync(IWorkingCalendar calendar, CancellationToken cancellationToken)
    {
        var moved = 0;
        var now = clock.GetUtcNow();
        foreach (var id in await store.OpenAsync(cancellationToken).ConfigureAwait(false))
        {
            var stored = await store.GetAsync(id, cancellationToken).ConfigureAwait(false);
            if (stored is null || stored.Entry.FirstFollowUpOn is not null)
            {
                await store.CloseAsync(id, cancellationToken).ConfigureAwait(false);
                continue;
            }

            var due = stored.Entry.FollowUpDue(calendar).Date;
            if (due == stored.RecordedDue)
            {
                continue;
            }

            await timers.ScheduleAsync(Signals(id, due, calendar, now), cancellationToken).ConfigureAwait(false);
            try
            {
                await store.ReplaceAsync(stored, stored.Entry, due, cancellationToken).ConfigureAwait(false);
                moved++;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
                // followed up meanwhile: its clock is resolved
            }
        }

        return moved;
    }

    /// <summary>The follow-up clock's yellow signal (from the working day before the due date) and red one (after it).</summary>
    private static IReadOnlyList<DurableTimer> Signals(string id, DateOnly due, IWorkingCalendar calendar, DateTimeOffset now)
    {
        var yellow = AlertRules.YellowFrom(calendar, due);
        return
        [
            new DurableTimer(TimerKind, id, "follow-up.yellow", yellow < now ? now : yellow, 0),
            new DurableTimer(TimerKind, id, "follow-up.red", AlertRules.RedFrom(due), 0),
        ];
    }
}
