namespace PowerFunctions.Domain.Supervision;

/// <summary>
/// How late a deadline is (电子监察 预警): <see cref="Yellow"/> within one working day of its limit,
/// <see cref="Red"/> once the limit has passed unmet.
/// Source: municipal 电子监察 rules (public).
/// </summary>
public enum AlertLevel
{
    /// <summary>黄牌: about to be late.</summary>
    Yellow,

    /// <summary>红牌: late, a recorded violation.</summary>
    Red,
}
