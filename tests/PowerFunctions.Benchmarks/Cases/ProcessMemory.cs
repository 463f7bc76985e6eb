using System.Globalization;

namespace PowerFunctions.Benchmarks.Cases;

/// <summary>
/// A process's memory in MB as Linux counts it (<c>/proc/{pid}/status</c>): resident (VmRSS, what
/// "working set" means on Linux), its anonymous part (RssAnon: heaps, stacks, native allocations; the
/// rest is mapped files such as the runtime's code), and its threads. NaN where unknown.
/// </summary>
public sealed record ProcessMemory(double ResidentMb, double AnonymousMb, int Threads)
{
    public static ProcessMemory Of(int processId)
    {
        try
        {
            var fields = File.ReadLines($"/proc/{processId}/status")
                .Select(l => l.Split(':', 2))
                .Where(p => p.Length == 2)
                .ToDictionary(p => p[0], p => p[1].Trim(), StringComparer.Ordinal);
            return new ProcessMemory(Kb(fields, "VmRSS") / 1024, Kb(fields, "RssAnon") / 1024, fields.TryGetValue("Threads", out var t) ? int.Parse(t, CultureInfo.InvariantCulture) : 0);
        }
        catch (IOException)
        {
            return new ProcessMemory(double.NaN, double.NaN, 0);
        }
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"resident {ResidentMb:0} MB (anonymous {AnonymousMb:0} MB), {Threads} threads");

    private static double Kb(Dictionary<string, string> fields, string name) =>
        fields.TryGetValue(name, out var value) ? long.Parse(value.Split(' ')[0], CultureInfo.InvariantCulture) : double.NaN;
}
