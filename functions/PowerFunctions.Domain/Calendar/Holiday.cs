namespace PowerFunctions.Domain.Calendar;

/// <summary>One statutory holiday period (放假), days off from <see cref="From"/> to <see cref="To"/> inclusive, e.g. 国庆节 2026-10-01–2026-10-07.</summary>
public sealed record Holiday(string Name, DateOnly From, DateOnly To)
{
    /// <summary>True when <paramref name="date"/> is one of the days off.</summary>
    public bool Contains(DateOnly date) => date >= From && date <= To;
}
