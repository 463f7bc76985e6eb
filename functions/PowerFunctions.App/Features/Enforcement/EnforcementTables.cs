using PowerFunctions.App.Hosting;
using PowerFunctions.Storage;

namespace PowerFunctions.App.Features.Enforcement;

/// <summary>
/// The enforcement tables: <c>officers</c> (register and certificate index), <c>penaltycases</c> (one
/// partition per case: snapshot + events), <c>penaltyopen</c> (cases with a clock still running),
/// <c>penaltyidempotency</c> (opening keys), <c>enforcementcounters</c> (case and register numbers),
/// <c>penaltydecided</c> (supervision's view of every penalty decided) and <c>penaltypublished</c> (the
/// public list of decisions).
/// </summary>
public sealed class EnforcementTables(IStorageAccount storage) : IStartupTask
{
    public const string Officers = "officers";
    public const string Cases = "penaltycases";
    public const string OpenCases = "penaltyopen";
    public const string Idempotency = "penaltyidempotency";
    public const string Counters = "enforcementcounters";
    public const string Decided = "penaltydecided";
    public const string Published = "penaltypublished";

    public int Order => 10;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        foreach (var name in new[] { Officers, Cases, OpenCases, Idempotency, Counters, Decided, Published })
        {
            await storage.GetTableClient(name).CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
