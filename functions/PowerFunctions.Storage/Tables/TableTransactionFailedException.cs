using Azure;

namespace PowerFunctions.Storage;

/// <summary>A transaction was rolled back because the action at <see cref="FailedActionIndex"/> failed.</summary>
public sealed class TableTransactionFailedException : RequestFailedException
{
    public TableTransactionFailedException(int failedActionIndex, RequestFailedException inner)
        : base(inner.Status, $"transaction rolled back: action {failedActionIndex} failed: {inner.Message}", inner.ErrorCode, inner)
    {
        FailedActionIndex = failedActionIndex;
    }

    public int FailedActionIndex { get; }
}
