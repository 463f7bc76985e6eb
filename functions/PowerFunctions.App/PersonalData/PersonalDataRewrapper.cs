using Azure;
using PowerFunctions.App.Features.Cases;
using PowerFunctions.App.Features.Complaints;
using PowerFunctions.App.Features.Enforcement;
using PowerFunctions.Storage;

namespace PowerFunctions.App.PersonalData;

/// <summary>
/// Finishes a key rotation: re-encrypts, under the active key, every personal-data value still written under a
/// retired key (<c>PersonalData:Keys</c> lists it, <c>ActiveKey</c> names another), so the retired key can then be
/// dropped. Walks the event rows of the three event tables (cases, complaint tickets, penalty cases: the tables
/// <see cref="CaseStore"/>, <see cref="ComplaintStore"/> and <see cref="PenaltyStore"/> encrypt into, each with its
/// <c>PersonalFields</c>) and rewrites a row whose values changed under the ETag it was read with
/// (<see cref="PersonalDataProtector.RewrapEvent"/>: the same plaintext, so the hash chains and the anchors are
/// untouched). A row changed meanwhile (412) or a value that does not open is counted, never forced: the report
/// says when nothing is left under a retired key. With one key listed there is nothing to do and nothing is read.
/// <para>
/// Not covered, by design: keyed hashes (the per-client objection counts) cannot be re-keyed without their input;
/// they keep matching while the retired key is listed and restart once it is dropped. Poison records and sealed
/// dead letters are re-sealed when replayed. Sealed documents and case-file archives (<c>BlobSeal</c>) live in
/// write-once containers: they keep the key they were written with, which stays listed while they are kept.
/// </para>
/// </summary>
public sealed class PersonalDataRewrapper(IStorageAccount storage, PersonalDataProtector protector, TimeProvider clock, ILogger<PersonalDataRewrapper> logger)
{
    private static readonly (string Table, PersonalEventFields Fields)[] Tables =
    [
        (CaseTables.Cases, CaseStore.PersonalFields),
        (ComplaintTables.Tickets, ComplaintStore.PersonalFields),
        (EnforcementTables.Cases, PenaltyStore.PersonalFields),
    ];

    /// <summary>One pass over every event row; answers what it did.</summary>
    public async Task<RewrapReport> RunAsync(CancellationToken cancellationToken)
    {
        var keys = protector.Keys;
        var retired = keys.Keys.Where(k => k != keys.Active).Select(k => k.KeyId).ToArray();
        var report = new RewrapReport(keys.Active.KeyId, retired, clock.GetUtcNow());
        if (retired.Length == 0)
        {
            return report;
        }

        foreach (var (table, fields) in Tables)
        {
            var client = storage.GetTableClient(table);
            var query = new TableQuery { RowKeyFrom = StoredEvent.RowPrefix, RowKeyTo = StoredEvent.RowPrefix + '\uffff' };
            while (true)
            {
                var page = await client.QueryAsync(query, cancellationToken).ConfigureAwait(false);
                foreach (var row in page.Entities)
                {
                    await RewrapRowAsync(client, fields, row, report, cancellationToken).ConfigureAwait(false);
                }

                if (page.ContinuationToken is null)
                {
                    break;
                }

                query = query with { ContinuationToken = page.ContinuationToken };
            }
        }

        logger.LogInformation(
            "Personal-data rewrap under key {Active}: {Rows} event rows read, {Rewritten} rewritten ({Values} values), {Unreadable} values that do not open, {Changed} rows changed meanwhile",
            report.ActiveKey, report.RowsRead, report.RowsRewritten, report.ValuesRewrapped, report.ValuesUnreadable, report.RowsChangedMeanwhile);
        return report;
    }

    private async Task RewrapRowAsync(ITableClient client, PersonalEventFields fields, TableEntity row, RewrapReport report, CancellationToken cancellationToken)
    {
        report.RowsRead++;
        var stored = StoredEvent.Raw(row);
        var result = protector.RewrapEvent(fields, row.PartitionKey, stored.Seq, stored.Type, stored.Role, stored.ActorName, stored.Data);
        report.ValuesUnreadable += result.Unreadable;
        if (result.Rewrapped == 0)
        {
            return;
        }

        if (row.Properties.ContainsKey(StoredEvent.ActorNameColumn))
        {
            row[StoredEvent.ActorNameColumn] = result.ActorName;
        }

        row[StoredEvent.DataColumn] = result.Data;
        try
        {
            await client.UpdateEntityAsync(row, row.ETag, cancellationToken).ConfigureAwait(false);
            report.RowsRewritten++;
            report.ValuesRewrapped += result.Rewrapped;
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            report.RowsChangedMeanwhile++;
        }
    }
}
