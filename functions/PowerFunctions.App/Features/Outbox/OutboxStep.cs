namespace PowerFunctions.App.Features.Outbox;

/// <summary>The points of a publish between its writes, where <see cref="IOutboxFaults"/> may simulate a crash.</summary>
public enum OutboxStep
{
    /// <summary>An aggregate's pending rows are read; next: sending them.</summary>
    BeforeSend,

    /// <summary>They are sent; next: marking them sent.</summary>
    BeforeMark,

    /// <summary>They are marked sent; next: deleting their index rows.</summary>
    BeforeIndexDelete,
}
