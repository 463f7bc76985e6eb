using System.Globalization;
using PowerFunctions.Domain.Complaints;

namespace PowerFunctions.App.Features.Complaints;

/// <summary>The durable-timer kinds of tickets (each has one <see cref="Timers.ITimerHandler"/>).</summary>
public static class ComplaintTimerKinds
{
    /// <summary>Keys <c>{clock}-{round}.yellow</c>, <c>.red</c> and <c>.resolve</c> (e.g. <c>answer-2.red</c>): supervision alerts <c>complaint-{kind}</c>.</summary>
    public const string DeadlineAlert = "complaint-deadline-alert";

    /// <summary>Key <see cref="ProjectionKey"/>, due at the commit: writes the ticket's list rows again.</summary>
    public const string Projection = "complaint-projection";

    public const string ProjectionKey = "project";

    /// <summary>The key of a clock: its kind and round, <c>answer-2</c>.</summary>
    public static string ClockKey(ComplaintDeadline deadline)
    {
        ArgumentNullException.ThrowIfNull(deadline);
        return string.Create(CultureInfo.InvariantCulture, $"{deadline.Code}-{deadline.Round}");
    }

    /// <summary>The clock and level of a timer key (<c>answer-2.red</c> → answer, 2, red), or null.</summary>
    public static (ComplaintDeadlineKind Kind, int Round, string Level)? Parse(string key)
    {
        var dot = key.LastIndexOf('.');
        var dash = dot > 0 ? key.LastIndexOf('-', dot) : -1;
        if (dash <= 0 || ComplaintDeadline.Parse(key[..dash]) is not { } kind
            || !int.TryParse(key[(dash + 1)..dot], NumberStyles.None, CultureInfo.InvariantCulture, out var round))
        {
            return null;
        }

        return (kind, round, key[(dot + 1)..]);
    }
}
