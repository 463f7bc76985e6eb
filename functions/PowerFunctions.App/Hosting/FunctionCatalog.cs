namespace PowerFunctions.App.Hosting;

/// <summary>Every declared function of the app, by name; names are unique (they are folder names in the package).</summary>
public sealed class FunctionCatalog
{
    private readonly Dictionary<string, FunctionDeclaration> _byName;

    public FunctionCatalog(IEnumerable<IFunctionModule> modules)
    {
        All = modules.SelectMany(m => m.Declare()).ToList();
        _byName = new Dictionary<string, FunctionDeclaration>(StringComparer.OrdinalIgnoreCase);
        foreach (var function in All)
        {
            if (!System.Text.RegularExpressions.Regex.IsMatch(function.Name, "^[A-Za-z][A-Za-z0-9_]{0,127}$"))
            {
                throw new InvalidOperationException($"function name '{function.Name}' is not a valid Azure Functions name");
            }

            if (function is TimerFunction timer && !NcrontabSchedule.TryParse(timer.Schedule, out _, out var error))
            {
                throw new InvalidOperationException($"timer function '{function.Name}' has a bad schedule: {error}");
            }

            if (function is QueueFunction queue && !System.Text.RegularExpressions.Regex.IsMatch(queue.Binding.QueueName, "^[a-z0-9](?!.*--)[a-z0-9-]{1,55}[a-z0-9]$"))
            {
                throw new InvalidOperationException($"queue function '{function.Name}' names queue '{queue.Binding.QueueName}', which is not a valid queue name (3-57 lower-case letters, digits, single dashes; '-poison' is added)");
            }

            if (!_byName.TryAdd(function.Name, function))
            {
                throw new InvalidOperationException($"function '{function.Name}' is declared twice");
            }
        }
    }

    public IReadOnlyList<FunctionDeclaration> All { get; }

    public IEnumerable<HttpFunction> Http => All.OfType<HttpFunction>();

    public IEnumerable<TimerFunction> Timers => All.OfType<TimerFunction>();

    public IEnumerable<QueueFunction> Queues => All.OfType<QueueFunction>();

    public FunctionDeclaration? Find(string name) => _byName.GetValueOrDefault(name);
}
