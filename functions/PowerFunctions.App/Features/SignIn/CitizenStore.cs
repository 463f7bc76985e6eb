using System.Security.Cryptography;
using Azure;
using PowerFunctions.Domain.Identity;
using PowerFunctions.Storage;

namespace PowerFunctions.App.Features.SignIn;

/// <summary>
/// Table <c>citizens</c>: our citizen subjects and the platform ids that lead to them. Row <c>profile</c> in
/// partition = subject; link rows in partition <c>openid:{appId}</c> (row = openid) and <c>unionid</c> (row =
/// unionid), each holding the subject. Links are written create-only, so two first sign-ins of one user at
/// once agree on one subject. No login code and no session key is ever stored.
/// </summary>
public sealed class CitizenStore(IStorageAccount storage, TimeProvider clock)
{
    private const string ProfileRow = "profile";
    private const string UnionPartition = "unionid";

    private ITableClient Table => storage.GetTableClient(SignInTables.Citizens);

    public Task CreateTableAsync(CancellationToken cancellationToken) => Table.CreateIfNotExistsAsync(cancellationToken);

    /// <summary>The subject the platform ids lead to, created on the first sign-in (<c>Created</c> true then).</summary>
    public async Task<(string Subject, bool Created)> FindOrCreateAsync(string appId, string openId, string? unionId, CancellationToken cancellationToken)
    {
        var openPartition = "openid:" + appId;
        var linked = await LinkedSubjectAsync(openPartition, openId, cancellationToken).ConfigureAwait(false);
        if (linked is not null)
        {
            return (linked, false);
        }

        // Known by the union id (the same person through another app of ours): link this openid to that subject.
        var subject = unionId is null ? null : await LinkedSubjectAsync(UnionPartition, unionId, cancellationToken).ConfigureAwait(false);
        var created = false;
        if (subject is null)
        {
            subject = "c-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
            await Table.AddEntityAsync(new TableEntity(subject, ProfileRow) { ["CreatedAt"] = clock.GetUtcNow() }, cancellationToken).ConfigureAwait(false);
            created = true;
        }

        var winner = await LinkAsync(openPartition, openId, subject, cancellationToken).ConfigureAwait(false);
        if (winner != subject)
        {
            // A concurrent first sign-in linked this openid first: theirs is the subject; ours was never handed out.
            if (created)
            {
                await Table.DeleteEntityAsync(subject, ProfileRow, ETag.All, cancellationToken).ConfigureAwait(false);
            }

            return (winner, false);
        }

        if (unionId is not null)
        {
            await LinkAsync(UnionPartition, unionId, subject, cancellationToken).ConfigureAwait(false);
        }

        return (subject, created);
    }

    public async Task<CitizenProfile?> GetAsync(string subject, CancellationToken cancellationToken)
    {
        var row = await Table.GetEntityAsync(subject, ProfileRow, cancellationToken).ConfigureAwait(false);
        if (row is null)
        {
            return null;
        }

        var level = row.GetInt32("RealNameLevel") ?? 0;
        var name = row.GetString("RealNameName");
        var fingerprint = row.GetString("RealNameFingerprint");
        var proof = level >= 1 && name is not null && fingerprint is not null ? new RealNameProof(level, name, fingerprint) : null;
        return new CitizenProfile(subject, row.GetDateTimeOffset("CreatedAt") ?? default, proof, row.GetDateTimeOffset("RealNameVerifiedAt"), row.ETag);
    }

    /// <summary>Records a proven identity on the profile read as <paramref name="profile"/> (412 when it changed since).</summary>
    public Task SetRealNameAsync(CitizenProfile profile, RealNameProof proof, string issuer, string issuerSubject, CancellationToken cancellationToken) =>
        Table.UpdateEntityAsync(
            new TableEntity(profile.Subject, ProfileRow)
            {
                ["CreatedAt"] = profile.CreatedAt,
                ["RealNameLevel"] = proof.Level,
                ["RealNameName"] = proof.Name,
                ["RealNameFingerprint"] = proof.Fingerprint,
                ["RealNameVerifiedAt"] = clock.GetUtcNow(),
                ["RealNameIssuer"] = issuer,
                ["RealNameIssuerSubject"] = issuerSubject,
            },
            profile.ETag,
            cancellationToken);

    private async Task<string?> LinkedSubjectAsync(string partition, string id, CancellationToken cancellationToken) =>
        (await Table.GetEntityAsync(partition, id, cancellationToken).ConfigureAwait(false))?.GetString("Subject");

    /// <summary>Links <paramref name="id"/> to <paramref name="subject"/> unless it is linked already; answers the subject it leads to.</summary>
    private async Task<string> LinkAsync(string partition, string id, string subject, CancellationToken cancellationToken)
    {
        try
        {
            await Table.AddEntityAsync(new TableEntity(partition, id) { ["Subject"] = subject, ["LinkedAt"] = clock.GetUtcNow() }, cancellationToken).ConfigureAwait(false);
            return subject;
        }
        catch (RequestFailedException e) when (StorageErrors.IsConflict(e))
        {
            return await LinkedSubjectAsync(partition, id, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException("a citizen link vanished after a conflict");
        }
    }
}
