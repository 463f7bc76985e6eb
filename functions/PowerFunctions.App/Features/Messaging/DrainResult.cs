namespace PowerFunctions.App.Features.Messaging;

/// <summary>What one drain run did: messages completed, abandoned (the handler's choice or its exception), dead-lettered, and settlements refused because the lock was lost (those come again).</summary>
public sealed record DrainResult(int Completed, int Abandoned, int DeadLettered, int LockLost)
{
    public int Received => Completed + Abandoned + DeadLettered + LockLost;
}
