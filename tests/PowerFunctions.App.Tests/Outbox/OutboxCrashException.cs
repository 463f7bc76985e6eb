using PowerFunctions.App.Features.Outbox;

namespace PowerFunctions.App.Tests.Outbox;

/// <summary>The process "died" at a publish step.</summary>
internal sealed class OutboxCrashException(OutboxStep step, string partition)
    : Exception($"simulated crash at {step} of {partition}")
{
    public OutboxStep Step { get; } = step;
}
