using Microsoft.Azure.Functions.Worker;

namespace PowerFunctions.App.Features.Outbox;

/// <summary>
/// <c>OutboxPublish</c> (timer, every 30 s): sends what the commands did not send right after their commit (a
/// failed or interrupted publish, a crash between commit and publish). Every committed event leaves at least
/// once, with <c>MessageId</c> = its event id; failed sends wait and are retried (<see cref="OutboxPublisher"/>).
/// </summary>
public sealed class OutboxFunctions(OutboxPublisher publisher)
{
    /// <summary>Every 30 seconds (NCRONTAB with seconds).</summary>
    public const string EveryThirtySeconds = "*/30 * * * * *";

    [Function("OutboxPublish")]
    public Task PublishAsync([TimerTrigger(EveryThirtySeconds)] TimerInfo timer, CancellationToken cancellationToken) =>
        publisher.PublishPendingAsync(cancellationToken);
}
