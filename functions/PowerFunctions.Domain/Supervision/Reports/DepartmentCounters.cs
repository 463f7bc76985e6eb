namespace PowerFunctions.Domain.Supervision.Reports;

/// <summary>
/// The counters of one department over some days (one day, or a period once summed). Immutable; <see cref="Plus"/>
/// adds two, <see cref="With"/> moves one counter.
/// </summary>
public sealed record DepartmentCounters
{
    public static DepartmentCounters Zero { get; } = new();

    private readonly long[] _values = new long[Enum.GetValues<Counter>().Length];

    public long this[Counter counter] => _values[(int)counter];

    public long Received => this[Counter.Received];

    public long Decided => this[Counter.Decided];

    public long DecidedOnTime => this[Counter.DecidedOnTime];

    public long Overdue => this[Counter.Overdue];

    public long AlertsRed => this[Counter.AlertsRed];

    public long AlertsYellow => this[Counter.AlertsYellow];

    public long Complaints => this[Counter.Complaints];

    public long ComplaintsAnswered => this[Counter.ComplaintsAnswered];

    public long ComplaintsOnTime => this[Counter.ComplaintsOnTime];

    public long RatingsGood => this[Counter.RatingsGood];

    public long RatingsBad => this[Counter.RatingsBad];

    public long RectificationsIssued => this[Counter.RectificationsIssued];

    public long RectificationsAccepted => this[Counter.RectificationsAccepted];

    public long RectificationsOverdue => this[Counter.RectificationsOverdue];

    /// <summary>The counters with <paramref name="counter"/> moved by <paramref name="delta"/>.</summary>
    public DepartmentCounters With(Counter counter, long delta)
    {
        var copy = new DepartmentCounters();
        _values.CopyTo(copy._values, 0);
        copy._values[(int)counter] += delta;
        return copy;
    }

    /// <summary>The sum of two sets of counters.</summary>
    public DepartmentCounters Plus(DepartmentCounters other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var sum = new DepartmentCounters();
        for (var i = 0; i < _values.Length; i++)
        {
            sum._values[i] = _values[i] + other._values[i];
        }

        return sum;
    }

    /// <summary>Counters from stored values by code (a missing code is 0).</summary>
    public static DepartmentCounters FromValues(IEnumerable<KeyValuePair<Counter, long>> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var counters = new DepartmentCounters();
        foreach (var (counter, value) in values)
        {
            counters._values[(int)counter] += value;
        }

        return counters;
    }

    /// <summary>Every counter with its value, in <see cref="Counter"/> order.</summary>
    public IEnumerable<KeyValuePair<Counter, long>> Values() => Enum.GetValues<Counter>().Select(c => new KeyValuePair<Counter, long>(c, this[c]));

    public bool Equals(DepartmentCounters? other) => other is not null && _values.AsSpan().SequenceEqual(other._values);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var v in _values)
        {
            hash.Add(v);
        }

        return hash.ToHashCode();
    }
}
