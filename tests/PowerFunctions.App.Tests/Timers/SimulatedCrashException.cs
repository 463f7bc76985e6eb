using PowerFunctions.App.Features.Timers;

namespace PowerFunctions.App.Tests.Timers;

/// <summary>The process "died" at a sweep step.</summary>
internal sealed class SimulatedCrashException(SweepStep step, DurableTimer? timer)
    : Exception($"simulated crash at {step} of {timer?.TargetId ?? "(sweep)"}")
{
    public SweepStep Step { get; } = step;
}
