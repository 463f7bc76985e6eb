namespace PowerFunctions.Benchmarks;

/// <summary>One command of the benchmark program: <c>dotnet run -c Release --project tests/PowerFunctions.Benchmarks -- NAME [args]</c>.</summary>
public interface IBenchmarkCommand
{
    /// <summary>The command's name, e.g. <c>calendar</c>.</summary>
    string Name { get; }

    /// <summary>One line for the list of commands.</summary>
    string Description { get; }

    Task<int> RunAsync(string[] args);
}
