using System.Text.Json;
using PowerFunctions.App.Config;
using PowerFunctions.Storage;

namespace PowerFunctions.App.Hosting;

/// <summary>
/// How both hosts give up on a storage-queue message: when its handler threw <see cref="PoisonMessageException"/>
/// (it can never be taken), or it failed on its <c>Queues:MaxDequeueCount</c>-th delivery, a
/// <see cref="PoisonRecord"/> (the reason in the clear, the message text sealed) goes to <c>&lt;queue&gt;-poison</c>.
/// <para>
/// Standalone, the <see cref="QueueRunner"/> then deletes the message. Under the Functions host,
/// <see cref="RunUnderHostAsync"/> answers the delivery as handled once the record is sent, so the host deletes the
/// message instead of moving it to the poison queue <b>as it is</b> (the host's own poison handling copies the text
/// raw: an application's identity number and phone would lie there in the clear). That needs host.json's
/// <c>extensions.queues.maxDequeueCount</c> to be at least <c>Queues:MaxDequeueCount</c> (both 5), so the host never
/// gives up first.
/// </para>
/// </summary>
public sealed class PoisonQueue(IStorageAccount storage, PoisonSeal seal, QueueOptions options, TimeProvider clock, FunctionInvoker invoker, ILogger<PoisonQueue> logger)
{
    public const string Suffix = "-poison";

    /// <summary>Why to give up on a delivery that threw <paramref name="failure"/>, or null to let it be retried (a delivery cut short by shutdown is the caller's to tell apart: it is retried).</summary>
    public string? Reason(Exception failure, long dequeueCount)
    {
        ArgumentNullException.ThrowIfNull(failure);
        return failure switch
        {
            PoisonMessageException poison => poison.Message,
            _ when dequeueCount >= options.MaxDequeueCount => $"failed {dequeueCount} deliveries; last error {failure.GetType().Name}: {failure.Message}",
            _ => null,
        };
    }

    /// <summary>Sends the sealed record of a message given up on to <c>&lt;queue&gt;-poison</c> (creating that queue when missing).</summary>
    public async Task SendAsync(QueueFunction function, string messageId, long dequeueCount, string reason, string messageText, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(function);
        var poison = storage.GetQueueClient(function.QueueName + Suffix);
        await poison.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        var record = JsonSerializer.Serialize(seal.Seal(function.QueueName, function.Name, messageId, dequeueCount, reason, clock.GetUtcNow(), messageText));
        await poison.SendMessageAsync(record, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// One delivery under the Functions host (<paramref name="messageText"/> is the trigger's <c>QueueTrigger</c>
    /// binding data): a failure to give up on is sealed into the poison queue and the delivery completes; any other
    /// failure is rethrown for the host to retry. Without the message text nothing can be sealed: the failure is
    /// rethrown (logged), and the host's own handling applies.
    /// </summary>
    public async Task RunUnderHostAsync(QueueFunction function, string? messageId, long? dequeueCount, string? messageText, Func<Task> invoke, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(invoke);
        try
        {
            await invoke().ConfigureAwait(false);
        }
        catch (Exception e) when (!(e is OperationCanceledException && cancellationToken.IsCancellationRequested) && Reason(e, dequeueCount ?? 1) is { } reason)
        {
            if (messageText is null || messageId is null)
            {
                logger.LogError("{Function}: message {MessageId} is given up on but its text is not in the binding data; the host's poison handling applies", function.Name, messageId);
                throw;
            }

            await SendAsync(function, messageId, dequeueCount ?? 1, reason, messageText, cancellationToken).ConfigureAwait(false);
            invoker.Poisoned(function, messageId, reason);
        }
    }
}
