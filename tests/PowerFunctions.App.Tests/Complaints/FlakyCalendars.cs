using PowerFunctions.App.Features.Calendar;

namespace PowerFunctions.App.Tests.Complaints;

/// <summary>The stored calendar, or an I/O failure while <see cref="Failing"/>: a passing failure in the middle of an intake.</summary>
internal sealed class FlakyCalendars
{
    public bool Failing { get; set; }

    public ICalendarProvider Wrap(ICalendarProvider inner) => new Provider(this, inner);

    private sealed class Provider(FlakyCalendars owner, ICalendarProvider inner) : ICalendarProvider
    {
        public ValueTask<PowerFunctions.Domain.Calendar.IWorkingCalendar> GetCurrentAsync(CancellationToken cancellationToken) =>
            owner.Failing ? throw new IOException("calendar unavailable") : inner.GetCurrentAsync(cancellationToken);
    }
}
