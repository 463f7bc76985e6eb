using System.Diagnostics.CodeAnalysis;
using Azure;
using Azure.Core;
using Azure.Security.KeyVault.Secrets;

namespace PowerFunctions.App.Tests.Documents;

/// <summary>
/// A Key Vault in memory behind the SDK's own <see cref="SecretClient"/> surface (its members are virtual):
/// secrets with versions, enabled or not, built with <see cref="SecretModelFactory"/>; no network. Counts
/// the calls, and fails every call with <see cref="Failure"/> while it is set, as an unreachable vault would.
/// </summary>
internal sealed class FakeSecretClient : SecretClient
{
    public static readonly Uri Address = new("https://kv-test.vault.azure.net/");

    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<KeyVaultSecret>> _secrets = new(StringComparer.OrdinalIgnoreCase);
    private int _versionCounter;

    public override Uri VaultUri => Address;

    public int ListCalls { get; private set; }

    public int GetCalls { get; private set; }

    /// <summary>Answer the versions of a missing secret with 404 rather than an empty list (both are handled).</summary>
    public bool MissingIs404 { get; set; }

    /// <summary>Thrown by every call while set (e.g. a 403, or the network down).</summary>
    public Exception? Failure { get; set; }

    /// <summary>Adds a version to secret <paramref name="name"/> (creating it); returns the version id.</summary>
    public string Set(string name, string value, DateTimeOffset createdOn, bool enabled = true)
    {
        lock (_gate)
        {
            var version = $"{++_versionCounter:x32}";
            var properties = SecretModelFactory.SecretProperties(
                new Uri(Address, $"secrets/{name}/{version}"), Address, name, version, managed: false, keyId: null, createdOn, createdOn, "Recoverable+Purgeable");
            properties.Enabled = enabled;
            properties.ContentType = "application/json";
            if (!_secrets.TryGetValue(name, out var versions))
            {
                _secrets[name] = versions = [];
            }

            versions.Add(SecretModelFactory.KeyVaultSecret(properties, value));
            return version;
        }
    }

    public void Disable(string name, string version)
    {
        lock (_gate)
        {
            _secrets[name].Single(s => s.Properties.Version == version).Properties.Enabled = false;
        }
    }

    public override AsyncPageable<SecretProperties> GetPropertiesOfSecretVersionsAsync(string name, CancellationToken cancellationToken = default)
    {
        return AsyncPageable<SecretProperties>.FromPages(Pages());

        IEnumerable<Page<SecretProperties>> Pages()
        {
            // Like the SDK, the request is made when the pages are enumerated.
            List<SecretProperties> found;
            lock (_gate)
            {
                ListCalls++;
                ThrowIfFailing();
                found = _secrets.TryGetValue(name, out var versions) ? versions.Select(v => v.Properties).ToList() : [];
                if (found.Count == 0 && MissingIs404)
                {
                    throw new RequestFailedException(404, $"A secret with (name/id) {name} was not found in this key vault.", "SecretNotFound", null);
                }
            }

            // More than one version: two pages, so paging is exercised.
            yield return Page<SecretProperties>.FromValues(found.Take(1).ToList(), found.Count > 1 ? "next" : null, new FakeResponse(200));
            if (found.Count > 1)
            {
                yield return Page<SecretProperties>.FromValues(found.Skip(1).ToList(), null, new FakeResponse(200));
            }
        }
    }

    public override Task<Response<KeyVaultSecret>> GetSecretAsync(string name, string? version = null, CancellationToken cancellationToken = default) =>
        Task.FromResult(Get(name, version));

    public override Task<Response<KeyVaultSecret>> GetSecretAsync(string name, string? version, SecretContentType? outContentType, CancellationToken cancellationToken = default) =>
        Task.FromResult(Get(name, version));

    private Response<KeyVaultSecret> Get(string name, string? version)
    {
        lock (_gate)
        {
            GetCalls++;
            ThrowIfFailing();
            var secret = _secrets.TryGetValue(name, out var versions)
                ? version is null ? versions.LastOrDefault(v => v.Properties.Enabled == true) : versions.SingleOrDefault(v => v.Properties.Version == version)
                : null;
            if (secret is null)
            {
                throw new RequestFailedException(404, $"A secret with (name/id) {name}/{version} was not found in this key vault.", "SecretNotFound", null);
            }

            if (secret.Properties.Enabled != true)
            {
                throw new RequestFailedException(403, "Operation get is not allowed on a disabled secret.", "Forbidden", null);
            }

            return Response.FromValue(secret, new FakeResponse(200));
        }
    }

    private void ThrowIfFailing()
    {
        if (Failure is not null)
        {
            throw Failure;
        }
    }

    private sealed class FakeResponse(int status) : Response
    {
        public override int Status => status;

        public override string ReasonPhrase => "OK";

        public override Stream? ContentStream { get; set; }

        public override string ClientRequestId { get; set; } = Guid.NewGuid().ToString();

        public override void Dispose()
        {
        }

        protected override bool ContainsHeader(string name) => false;

        protected override IEnumerable<HttpHeader> EnumerateHeaders() => [];

        protected override bool TryGetHeader(string name, [NotNullWhen(true)] out string? value)
        {
            value = null;
            return false;
        }

        protected override bool TryGetHeaderValues(string name, [NotNullWhen(true)] out IEnumerable<string>? values)
        {
            values = null;
            return false;
        }
    }
}
