using System.Reflection;

namespace PowerFunctions.Benchmarks;

/// <summary>Dispatches to the <see cref="IBenchmarkCommand"/> named by the first argument; lists them with none.</summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length > 0 && args[0] == Startup.BareKestrel.Command)
        {
            return await Startup.BareKestrel.RunAsync(args[1..]); // before anything else loads: the start-up yardstick
        }

        var commands = typeof(Program).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsInterface: false } && typeof(IBenchmarkCommand).IsAssignableFrom(t))
            .Select(t => (IBenchmarkCommand)Activator.CreateInstance(t)!)
            .OrderBy(c => c.Name, StringComparer.Ordinal)
            .ToList();
        var command = args.Length > 0 ? commands.FirstOrDefault(c => c.Name == args[0]) : null;
        if (command is null)
        {
            Console.WriteLine("usage: dotnet run -c Release --project tests/PowerFunctions.Benchmarks -- COMMAND [args]");
            foreach (var c in commands)
            {
                Console.WriteLine($"  {c.Name,-16} {c.Description}");
            }

            return args.Length == 0 ? 0 : 2;
        }

        return await command.RunAsync(args[1..]);
    }
}
