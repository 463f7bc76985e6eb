namespace PowerFunctions.Storage.Messaging;

/// <summary>Which queue of an entity a receiver reads (Service Bus's <c>SubQueue</c>).</summary>
public enum BusSubQueue
{
    /// <summary>The entity itself.</summary>
    None,

    /// <summary>Its dead-letter queue: messages dead-lettered by a consumer or by the broker.</summary>
    DeadLetter,
}
