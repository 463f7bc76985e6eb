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
