using System.Globalization;
using System.Text.Json;
using Azure;
using PowerFunctions.App.Config;
using PowerFunctions.Storage;

namespace PowerFunctions.App.Hosting;

/// <summary>
/// Standalone only: polls the storage queue of every <see cref="QueueFunction"/> (its
/// <see cref="QueueFunction.QueueName"/>) in the configured storage, as the Functions host's queue trigger does.
/// A received message is hidden for <c>Queues:VisibilityTimeout</c> while its handler runs, deleted on
/// success, and made visible again after <c>Queues:RetryDelay</c> on failure. A message that failed
/// <c>Queues:MaxDequeueCount</c> deliveries, or whose handler threw <see cref="PoisonMessageException"/>,
/// is copied to <c>&lt;queue&gt;-poison</c> with the reason, its text sealed (<see cref="PoisonQueue"/>), and then deleted: sent before deleted, so a
/// crash in between leaves a duplicate at worst, never a lost message.
/// </summary>
public sealed class QueueRunner(FunctionIndex index, IStorageAccount storage, FunctionInvoker invoker, IServiceProvider services, QueueOptions options, PoisonQueue poisonQueue, ILogger<QueueRunner> logger) : BackgroundService
{
    public const string PoisonSuffix = PoisonQueue.Suffix;

    private static readonly TimeSpan MinPollingInterval = TimeSpan.FromMilliseconds(50);

    private readonly TimeProvider _realTime = TimeProvider.System;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(index.Queues.Select(q => RunAsync(q, stoppingToken)).ToArray());

    /// <summary>One poll of one function's queue: handles what it receives; answers how many messages it got.</summary>
    public async Task<int> PollOnceAsync(QueueFunction function, CancellationToken cancellationToken)
    {
        var queue = storage.GetQueueClient(function.QueueName);
        var messages = await queue.ReceiveMessagesAsync(options.BatchSize, options.VisibilityTimeout, cancellationToken).ConfigureAwait(false);
        foreach (var message in messages)
        {
            await HandleAsync(function, queue, message, cancellationToken).ConfigureAwait(false);
        }

        return messages.Count;
    }

    private async Task RunAsync(QueueFunction function, CancellationToken stoppingToken)
    {
        var queue = storage.GetQueueClient(function.QueueName);
        var interval = MinPollingInterval;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await queue.CreateIfNotExistsAsync(stoppingToken).ConfigureAwait(false);
                await storage.GetQueueClient(function.QueueName + PoisonSuffix).CreateIfNotExistsAsync(stoppingToken).ConfigureAwait(false);
                break;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Queue runner: cannot create queue {Queue}; retrying", function.QueueName);
                await DelayAsync(options.MaxPollingInterval, stoppingToken).ConfigureAwait(false);
            }
        }

        logger.LogInformation("Queue runner: {Function} polls '{Queue}'", function.Name, function.QueueName);
        while (!stoppingToken.IsCancellationRequested)
        {
            int received;
            try
            {
                received = await PollOnceAsync(function, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "Queue runner: polling {Queue} failed", function.QueueName);
                received = 0;
            }

            // Busy: poll again at once. Idle: back off, doubling up to the maximum interval.
            interval = received > 0 ? MinPollingInterval : TimeSpan.FromTicks(Math.Min(interval.Ticks * 2, options.MaxPollingInterval.Ticks));
            if (received == 0 && !await DelayAsync(interval, stoppingToken).ConfigureAwait(false))
            {
                return;
            }
        }
    }

    private async Task HandleAsync(QueueFunction function, IQueueClient queue, QueueMessage message, CancellationToken cancellationToken)
    {
        if (message.DequeueCount > options.MaxDequeueCount)
        {
            // Delivered more often than allowed without an outcome (the process died mid-handler): give up on it.
            await PoisonAsync(function, queue, message, $"delivered {message.DequeueCount} times without completing (Queues:MaxDequeueCount={options.MaxDequeueCount})", cancellationToken).ConfigureAwait(false);
            return;
        }

        try
        {
            await invoker.InvokeQueueAsync(function, services, message.MessageText, message.MessageId, message.DequeueCount, Guid.NewGuid().ToString("N"), cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return; // the message comes back after its visibility timeout
        }
        catch (Exception e)
        {
            if (poisonQueue.Reason(e, message.DequeueCount) is { } reason)
            {
                await PoisonAsync(function, queue, message, reason, cancellationToken).ConfigureAwait(false);
                return;
            }

            try
            {
                await queue.UpdateVisibilityAsync(message.MessageId, message.PopReceipt, options.RetryDelay, cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException stale) when (stale.Status == 404)
            {
                // The visibility timeout ran out meanwhile; the message is already back.
            }

            return;
        }

        try
        {
            await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException stale) when (stale.Status == 404)
        {
            // Handled after its visibility timeout ran out: it will be delivered again; handlers are idempotent.
            logger.LogWarning("Queue runner: message {MessageId} outlived its visibility timeout; it will be delivered again", message.MessageId);
        }
    }

    private async Task PoisonAsync(QueueFunction function, IQueueClient queue, QueueMessage message, string reason, CancellationToken cancellationToken)
    {
        await poisonQueue.SendAsync(function, message.MessageId, message.DequeueCount, reason, message.MessageText, cancellationToken).ConfigureAwait(false);
        try
        {
            await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException stale) when (stale.Status == 404)
        {
            logger.LogWarning("Queue runner: message {MessageId} was poisoned after its visibility timeout ran out; the poison queue may hold it twice", message.MessageId);
        }

        invoker.Poisoned(function, message.MessageId, reason);
    }

    private async Task<bool> DelayAsync(TimeSpan delay, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(delay, _realTime, stoppingToken).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
