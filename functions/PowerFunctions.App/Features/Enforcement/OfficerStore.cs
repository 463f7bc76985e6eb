using System.Globalization;
using System.Text.Json;
using Azure;
using PowerFunctions.App.Http;
using PowerFunctions.Domain.Enforcement;
using PowerFunctions.Storage;

namespace PowerFunctions.App.Features.Enforcement;

/// <summary>
/// The register of enforcement officers (table <c>officers</c>): partition <c>officer</c>, one row per
/// token subject; partition <c>certificate</c>, one row per certificate number naming its holder, written
/// create-only first, so a certificate number belongs to one officer however many admins write at once.
/// </summary>
public sealed class OfficerStore(IStorageAccount storage)
{
    private const string OfficerPartition = "officer";
    private const string CertificatePartition = "certificate";

    private readonly ITableClient _table = storage.GetTableClient(EnforcementTables.Officers);

    /// <summary>True when <paramref name="key"/> can be a row key here.</summary>
    public static bool IsKey(string? key) => !string.IsNullOrWhiteSpace(key) && key.Length <= 128 && StorageNames.HasOnlyKeyCharacters(key);

    public async Task<StoredOfficer?> GetAsync(string subject, CancellationToken cancellationToken)
    {
        if (!IsKey(subject))
        {
            return null;
        }

        var row = await _table.GetEntityAsync(OfficerPartition, subject, cancellationToken).ConfigureAwait(false);
        return row is null ? null : ToOfficer(row);
    }

    /// <summary>The register entries of <paramref name="subjects"/> that exist.</summary>
    public async Task<IReadOnlyList<Officer>> GetManyAsync(IEnumerable<string> subjects, CancellationToken cancellationToken)
    {
        var found = new List<Officer>();
        foreach (var subject in subjects.Distinct(StringComparer.Ordinal))
        {
            if (await GetAsync(subject, cancellationToken).ConfigureAwait(false) is { } officer)
            {
                found.Add(officer.Officer);
            }
        }

        return found;
    }

    public async Task<StoredOfficer?> FindByCertificateAsync(string certificateNo, CancellationToken cancellationToken)
    {
        if (!IsKey(certificateNo))
        {
            return null;
        }

        var index = await _table.GetEntityAsync(CertificatePartition, certificateNo, cancellationToken).ConfigureAwait(false);
        if (index?.GetString("Subject") is not { } subject)
        {
            return null;
        }

        var officer = await GetAsync(subject, cancellationToken).ConfigureAwait(false);
        return officer?.Officer.CertificateNo == certificateNo ? officer : null;
    }

    /// <summary>
    /// Registers or replaces an officer. 409 <c>enforcement.certificate_taken</c> when another officer holds
    /// the certificate number. Answers true when the officer is new.
    /// </summary>
    public async Task<bool> PutAsync(Officer officer, string departmentName, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var previous = await GetAsync(officer.Subject, cancellationToken).ConfigureAwait(false);
        var claim = new TableEntity(CertificatePartition, officer.CertificateNo) { ["Subject"] = officer.Subject };
        try
        {
            await _table.AddEntityAsync(claim, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            var holder = await _table.GetEntityAsync(CertificatePartition, officer.CertificateNo, cancellationToken).ConfigureAwait(false);
            var holderSubject = holder?.GetString("Subject");
            if (holderSubject != officer.Subject && await GetAsync(holderSubject ?? string.Empty, cancellationToken).ConfigureAwait(false) is { } other
                && other.Officer.CertificateNo == officer.CertificateNo)
            {
                throw new ProblemException(409, "enforcement.certificate_taken", "执法证号已登记在其他执法人员名下", $"certificate {officer.CertificateNo} is registered to another officer");
            }

            // a stale claim (its officer moved to another number, or never committed): take it over
            await _table.UpsertEntityAsync(claim, cancellationToken).ConfigureAwait(false);
        }

        var row = new TableEntity(OfficerPartition, officer.Subject)
        {
            ["Name"] = officer.Name,
            ["DepartmentCode"] = officer.DepartmentCode,
            ["DepartmentName"] = departmentName,
            ["CertificateNo"] = officer.CertificateNo,
            ["ValidFrom"] = Date(officer.ValidFrom),
            ["ValidTo"] = Date(officer.ValidTo),
            ["Fields"] = JsonSerializer.Serialize(officer.Fields),
            ["UpdatedAt"] = now,
        };
        await _table.UpsertEntityAsync(row, cancellationToken).ConfigureAwait(false);
        if (previous is { } old && old.Officer.CertificateNo != officer.CertificateNo)
        {
            var oldClaim = await _table.GetEntityAsync(CertificatePartition, old.Officer.CertificateNo, cancellationToken).ConfigureAwait(false);
            if (oldClaim?.GetString("Subject") == officer.Subject)
            {
                await _table.DeleteEntityAsync(CertificatePartition, old.Officer.CertificateNo, oldClaim.ETag, cancellationToken).ConfigureAwait(false);
            }
        }

        return previous is null;
    }

    /// <summary>The register, or one department's part of it, by name.</summary>
    public async Task<IReadOnlyList<StoredOfficer>> ListAsync(string? department, CancellationToken cancellationToken)
    {
        var officers = new List<StoredOfficer>();
        string? token = null;
        do
        {
            var page = await _table.QueryAsync(TableQuery.Partition(OfficerPartition) with { ContinuationToken = token }, cancellationToken).ConfigureAwait(false);
            officers.AddRange(page.Entities.Select(ToOfficer).Where(o => department is null || o.Officer.DepartmentCode == department));
            token = page.ContinuationToken;
        }
        while (token is not null);

        return officers.OrderBy(o => o.Officer.DepartmentCode, StringComparer.Ordinal).ThenBy(o => o.Officer.Name, StringComparer.Ordinal).ToArray();
    }

    private static StoredOfficer ToOfficer(TableEntity e) => new(
        new Officer(
            e.RowKey,
            e.GetString("Name") ?? string.Empty,
            e.GetString("DepartmentCode") ?? string.Empty,
            e.GetString("CertificateNo") ?? string.Empty,
            DateOnly.ParseExact(e.GetString("ValidFrom") ?? "0001-01-01", "yyyy-MM-dd", CultureInfo.InvariantCulture),
            DateOnly.ParseExact(e.GetString("ValidTo") ?? "0001-01-01", "yyyy-MM-dd", CultureInfo.InvariantCulture),
            JsonSerializer.Deserialize<string[]>(e.GetString("Fields") ?? "[]") ?? []),
        e.GetString("DepartmentName") ?? string.Empty);

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
