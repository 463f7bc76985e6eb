namespace PowerFunctions.Storage.Embedded;

/// <summary>
/// One write queued for the <see cref="SqliteStore"/>'s group commit: the work to run on the writer's
/// session, and the caller's task, answered only when the batch holding the unit has committed (or failed).
/// </summary>
internal abstract class WriteUnit
{
    private Exception? _failure;

    /// <summary>True when the work changes data with at most one statement: it needs no savepoint of its own.</summary>
    public abstract bool SingleStatement { get; }

    /// <summary>True (and the caller answered) when the caller gave up before the writer reached the unit.</summary>
    public abstract bool CanceledBeforeStart();

    /// <summary>Runs the work inside the batch's transaction; the result is kept until the commit.</summary>
    public abstract void Run(SqliteSession session);

    /// <summary>The unit's own failure: its savepoint was rolled back; the caller gets this whatever becomes of the batch.</summary>
    public void Failed(Exception failure) => _failure = failure;

    /// <summary>The batch committed: answers the caller with the result, or with the unit's own failure.</summary>
    public void Complete()
    {
        if (_failure is null)
        {
            Succeed();
        }
        else
        {
            Fail(_failure);
        }
    }

    /// <summary>The batch was not applied: answers the caller with the unit's own failure, else with <paramref name="batchFailure"/>.</summary>
    public void Abort(Exception batchFailure) => Fail(_failure ?? batchFailure);

    protected abstract void Succeed();

    protected abstract void Fail(Exception failure);
}

/// <summary>A <see cref="WriteUnit"/> whose work answers a <typeparamref name="T"/>.</summary>
internal sealed class WriteUnit<T>(Func<SqliteSession, T> work, bool singleStatement, CancellationToken cancellationToken) : WriteUnit
{
    // Continuations run on the thread pool, never on the writer loop.
    private readonly TaskCompletionSource<T> _answer = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private T? _result;

    public Task<T> Task => _answer.Task;

    public override bool SingleStatement => singleStatement;

    public override bool CanceledBeforeStart() =>
        cancellationToken.IsCancellationRequested && _answer.TrySetCanceled(cancellationToken);

    public override void Run(SqliteSession session) => _result = work(session);

    protected override void Succeed() => _answer.TrySetResult(_result!);

    protected override void Fail(Exception failure) => _answer.TrySetException(failure);
}
