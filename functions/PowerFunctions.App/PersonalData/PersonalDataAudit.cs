using System.Globalization;
using PowerFunctions.App.Auth;
using PowerFunctions.App.Hosting;
using PowerFunctions.Domain.Common;
using PowerFunctions.Storage;

namespace PowerFunctions.App.PersonalData;

/// <summary>
/// The audit of who read personal data: table <c>personaldatareads</c>, one partition per China date
/// (<c>yyyyMMdd</c>), one create-only row per disclosure, keyed by the instant and a random suffix. Nothing in the
/// app updates or deletes a row. It is written before the answer leaves: when it cannot be written the request
/// fails, so no personal data is shown unrecorded.
/// </summary>
public sealed class PersonalDataAudit(IStorageAccount storage, TimeProvider clock) : IStartupTask
{
    public const string TableName = "personaldatareads";

    private readonly ITableClient _table = storage.GetTableClient(TableName);

    public int Order => 0;

    public Task RunAsync(CancellationToken cancellationToken) => _table.CreateIfNotExistsAsync(cancellationToken);

    /// <summary>Records that <paramref name="caller"/> was shown <paramref name="fields"/> of <paramref name="recordKind"/> <paramref name="recordId"/>.</summary>
    public async Task RecordAsync(Caller caller, string recordKind, string recordId, IReadOnlyList<string> fields, string route, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (fields.Count == 0)
        {
            return;
        }

        var at = clock.GetUtcNow();
        var entity = new TableEntity(Partition(ChinaTime.DateOf(at)), at.UtcTicks.ToString("D19", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N"))
        {
            ["At"] = at,
            ["ReaderSubject"] = caller.Subject,
            ["ReaderName"] = caller.Name,
            ["ReaderRoles"] = string.Join(',', caller.Roles.Order(StringComparer.Ordinal)),
            ["RecordKind"] = recordKind,
            ["RecordId"] = recordId,
            ["Fields"] = string.Join(',', fields),
            ["Route"] = route,
        };
        if (caller.Department is not null)
        {
            entity["ReaderDepartment"] = caller.Department;
        }

        await _table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The disclosures recorded on China date <paramref name="day"/>, oldest first.</summary>
    public async Task<IReadOnlyList<PersonalDataRead>> ListAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var reads = new List<PersonalDataRead>();
        var query = TableQuery.Partition(Partition(day));
        while (true)
        {
            var page = await _table.QueryAsync(query, cancellationToken).ConfigureAwait(false);
            reads.AddRange(page.Entities.Select(e => new PersonalDataRead(
                e.GetDateTimeOffset("At") ?? default,
                e.GetString("ReaderSubject") ?? string.Empty,
                e.GetString("ReaderName") ?? string.Empty,
                e.GetString("ReaderRoles") ?? string.Empty,
                e.GetString("ReaderDepartment"),
                e.GetString("RecordKind") ?? string.Empty,
                e.GetString("RecordId") ?? string.Empty,
                (e.GetString("Fields") ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries),
                e.GetString("Route") ?? string.Empty)));
            if (page.ContinuationToken is null)
            {
                return reads;
            }

            query = query with { ContinuationToken = page.ContinuationToken };
        }
    }

    private static string Partition(DateOnly day) => day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
}
