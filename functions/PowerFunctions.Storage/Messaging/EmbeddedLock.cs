namespace PowerFunctions.Storage.Messaging;

/// <summary>What the embedded adapter needs to settle a received message: its storage queue message, pop receipt and envelope, and who received it.</summary>
internal sealed record EmbeddedLock(EmbeddedMessageReceiver Receiver, string QueueMessageId, string PopReceipt, MessageEnvelope Envelope);
