namespace PowerFunctions.Domain.Deadlines;

/// <summary>
/// A stop of the clock (中止, 不计入时限) for one of the procedures of 行政许可法 第四十五条. The clock
/// stops at the start of <see cref="From"/> and runs again from the start of <see cref="Until"/> (the
/// day the case resumed): the working days in [<see cref="From"/>, <see cref="Until"/>) are not
/// counted, so suspending and resuming on the same day costs nothing. <see cref="Until"/> null: still
/// suspended. The arithmetic is <see cref="DecisionDeadline.Compute"/>.
/// </summary>
public sealed record Suspension(DateOnly From, DateOnly? Until, SuspensionReason Reason)
{
    /// <summary>True while the case is still suspended.</summary>
    public bool IsOpen => Until is null;
}
