namespace PowerFunctions.App.Hosting;

/// <summary>
/// Collects what the app logs during one custom-handler invocation, so the answer's <c>Logs</c> carry
/// it to the Functions host (which writes them to the invocation's logs and Application Insights).
/// A logger provider that writes only while <see cref="Begin"/> is in force on the current async flow.
/// </summary>
public sealed class InvocationLogCollector : ILoggerProvider
{
    /// <summary>More than this many lines per invocation are dropped (a runaway loop must not bloat the answer).</summary>
    public const int MaxLines = 200;

    private readonly AsyncLocal<List<string>?> _current = new();

    /// <summary>Starts collecting on this async flow; dispose the result to stop and read the lines.</summary>
    public Collection Begin()
    {
        var lines = new List<string>();
        _current.Value = lines;
        return new Collection(this, lines);
    }

    public ILogger CreateLogger(string categoryName) => new CollectingLogger(this, categoryName);

    public void Dispose()
    {
    }

    /// <summary>The lines collected so far on one invocation.</summary>
    public sealed class Collection(InvocationLogCollector owner, List<string> lines) : IDisposable
    {
        public IReadOnlyList<string> Lines
        {
            get
            {
                lock (lines)
                {
                    return lines.ToArray();
                }
            }
        }

        public void Add(string line)
        {
            lock (lines)
            {
                if (lines.Count < MaxLines)
                {
                    lines.Add(line);
                }
            }
        }

        public void Dispose() => owner._current.Value = null;
    }

    private sealed class CollectingLogger(InvocationLogCollector owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information && owner._current.Value is not null;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var lines = owner._current.Value;
            if (lines is null || logLevel < LogLevel.Information)
            {
                return;
            }

            var text = $"{logLevel}: {category}: {formatter(state, exception)}";
            if (exception is not null)
            {
                text += $" ({exception.GetType().Name}: {exception.Message})";
            }

            lock (lines)
            {
                if (lines.Count < MaxLines)
                {
                    lines.Add(text);
                }
            }
        }
    }
}
