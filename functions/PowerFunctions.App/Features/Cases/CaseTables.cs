using PowerFunctions.App.Features.Publicity;
using PowerFunctions.App.Features.Results;
using PowerFunctions.App.Hosting;
using PowerFunctions.Storage;

namespace PowerFunctions.App.Features.Cases;

/// <summary>
/// The lifecycle's tables: <c>cases</c> (one partition per case: snapshot + events), <c>opencases</c>
/// (index of cases not yet final), <c>casecounters</c> (case number blocks), <c>idempotency</c>
/// (submission keys), <c>publicity</c> and <c>results</c> (public projections), <c>worklist</c> (the
/// staff's work list).
/// </summary>
public sealed class CaseTables(IStorageAccount storage) : IStartupTask
{
    public const string Cases = "cases";
    public const string OpenCases = "opencases";
    public const string Counters = "casecounters";
    public const string Idempotency = "idempotency";

    public int Order => 10;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        foreach (var name in new[] { Cases, OpenCases, Counters, Idempotency, PublicityBoard.TableName, ResultRegistry.TableName, WorkListStore.TableName })
        {
            await storage.GetTableClient(name).CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
