using PowerFunctions.App.Features.Messaging;

namespace PowerFunctions.App.Features.Complaints;

/// <summary>How <c>HotlineIntake</c> drains its queue (defaults: batches of 32, waiting ≤ 1 s, for ≤ 8 s of a 10 s tick).</summary>
public sealed record HotlineIntakeOptions
{
    public DrainOptions Drain { get; init; } = new();
}
