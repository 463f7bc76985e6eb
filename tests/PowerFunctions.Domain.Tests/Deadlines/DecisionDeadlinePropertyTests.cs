using FsCheck;
using FsCheck.Fluent;
using PowerFunctions.Domain.Calendar;
using PowerFunctions.Domain.Deadlines;

namespace PowerFunctions.Domain.Tests.Deadlines;

public sealed class DecisionDeadlinePropertyTests
{
    private static readonly WorkingCalendar Official = OfficialSchedules.Calendar();
    private static readonly DateOnly First = new(2024, 1, 1);
    private static readonly DateOnly Today = new(2030, 1, 1);
    private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(300);

    /// <summary>A start, a limit, and a suspension that begins on a day after the start and on or before the plain due date.</summary>
    private static Arbitrary<(DateOnly Start, int Limit, int StartOffset, int Length)> Inputs() =>
        Arb.From(
            from offset in Gen.Choose(0, 3 * 365 - 120)
            from limit in Gen.Choose(1, 45)
            from startOffset in Gen.Choose(1, 70)
            from length in Gen.Choose(0, 40)
            select (First.AddDays(offset), limit, startOffset, length));

    [Fact]
    [Trait("Source", "行政许可法 第四十五条")]
    public void Compute_SuspensionOfKWorkingDays_MovesTheDueDateByExactlyK()
    {
        Check.One(Runs, Prop.ForAll(Inputs(), x =>
        {
            var plain = Official.AddWorkingDays(x.Start, x.Limit).Date;
            var from = x.Start.AddDays(x.StartOffset);
            if (from > plain)
            {
                return true; // not inside the running period
            }

            var suspension = new Suspension(from, from.AddDays(x.Length), SuspensionReason.Testing);
            var k = DecisionDeadline.StoppedWorkingDays(Official, suspension, Today);
            var due = DecisionDeadline.Compute(Official, x.Start, x.Limit, [suspension], null, Today).Value.Date;
            return due == Official.AddWorkingDays(plain, k).Date;
        }));
    }

    [Fact]
    [Trait("Source", "行政许可法 第四十五条")]
    public void Compute_TwoSuccessiveSuspensions_MoveTheDueDateByTheirSum()
    {
        Check.One(Runs, Prop.ForAll(Inputs(), x =>
        {
            var plain = Official.AddWorkingDays(x.Start, x.Limit).Date;
            var from = x.Start.AddDays(x.StartOffset);
            if (from > plain)
            {
                return true;
            }

            var first = new Suspension(from, from.AddDays(x.Length), SuspensionReason.Hearing);
            var second = new Suspension(first.Until!.Value, first.Until.Value.AddDays(x.Length / 2), SuspensionReason.Appraisal);
            var k = DecisionDeadline.StoppedWorkingDays(Official, first, Today) + DecisionDeadline.StoppedWorkingDays(Official, second, Today);
            var due = DecisionDeadline.Compute(Official, x.Start, x.Limit, [second, first], null, Today).Value.Date;
            return due == Official.AddWorkingDays(plain, k).Date;
        }));
    }

    [Fact]
    [Trait("Source", "行政许可法 第四十二条")]
    public void Compute_ExtensionOfEWorkingDays_MovesTheDueDateByExactlyE()
    {
        Check.One(Runs, Prop.ForAll(Inputs(), x =>
        {
            var e = x.Length % 15 + 1;
            var due = DecisionDeadline.Compute(Official, x.Start, x.Limit, [], new Extension(e, "局长", "理由"), Today).Value.Date;
            return due == Official.AddWorkingDays(Official.AddWorkingDays(x.Start, x.Limit).Date, e).Date;
        }));
    }
}
