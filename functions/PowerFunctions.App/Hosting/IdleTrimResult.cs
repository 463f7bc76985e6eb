namespace PowerFunctions.App.Hosting;

/// <summary>What one idle trim gave back: the process's memory in MB before and after, and the SQLite sessions it closed.</summary>
public sealed record IdleTrimResult(
    double WorkingSetBeforeMb,
    double WorkingSetAfterMb,
    double GcCommittedBeforeMb,
    double GcCommittedAfterMb,
    double GcHeapAfterMb,
    int SessionsClosed);
