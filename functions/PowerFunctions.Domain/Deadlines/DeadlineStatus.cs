namespace PowerFunctions.Domain.Deadlines;

/// <summary>
/// The alert level of a deadline (电子监察): <see cref="Pending"/>, <see cref="Yellow"/> (黄牌, about to be
/// late), <see cref="Red"/> (红牌, late) or <see cref="Met"/>. API codes <c>pending</c>, <c>met</c>, <c>yellow</c>, <c>red</c>.
/// The rule is <see cref="AlertRules.StatusAt"/>.
/// </summary>
public enum DeadlineStatus
{
    Pending,
    Met,
    Yellow,
    Red,
}
