namespace PowerFunctions.App.Features.Messaging;

/// <summary>The three ways a PeekLock message is settled.</summary>
public enum MessageSettlement
{
    Complete,
    Abandon,
    DeadLetter,
}
