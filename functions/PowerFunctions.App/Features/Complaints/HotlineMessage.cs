namespace PowerFunctions.App.Features.Complaints;

/// <summary>
/// One delivery of a hotline ticket message, locked (peek-lock) until it is completed, abandoned or
/// dead-lettered. <see cref="LockToken"/> is the adapter's handle (a pop receipt, a Service Bus lock).
/// </summary>
public sealed record HotlineMessage(string MessageId, string Body, long DeliveryCount, string LockToken);
