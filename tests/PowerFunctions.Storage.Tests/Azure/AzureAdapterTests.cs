using Azure;
using PowerFunctions.Tests.Shared;
using Microsoft.Extensions.Logging;
using PowerFunctions.Storage.AzureStorage;

namespace PowerFunctions.Storage.Tests.AzureStorage;

/// <summary>
/// The Azure adapter without a server: how its SDK clients are built from the settings (connection
/// string or account name and credential), its retry and logging, and its error and metadata mapping.
/// </summary>
public sealed class AzureAdapterTests
{
    private const string StorageScope = "https://storage.azure.com/.default";

    [Fact]
    public void FromConnectionString_DevelopmentStorage_PointsAtAzuritesDefaultPorts()
    {
        var account = AzureStorageAccount.FromConnectionString("UseDevelopmentStorage=true");

        Assert.Equal("devstoreaccount1", account.AccountName);
        Assert.Equal(new Uri("http://127.0.0.1:10000/devstoreaccount1"), account.BlobEndpoint);
        Assert.Equal(new Uri("http://127.0.0.1:10001/devstoreaccount1"), account.QueueEndpoint);
        Assert.Equal(new Uri("http://127.0.0.1:10002/devstoreaccount1"), account.TableEndpoint);
    }

    [Fact]
    public void FromConnectionString_ExplicitEndpoints_WinOverTheDefaultOnes()
    {
        var account = AzureStorageAccount.FromConnectionString(
            $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={Azurite.DevelopmentAccountKey};"
            + "BlobEndpoint=http://127.0.0.1:5000/devstoreaccount1;QueueEndpoint=http://127.0.0.1:5001/devstoreaccount1;TableEndpoint=http://127.0.0.1:5002/devstoreaccount1;");

        Assert.Equal(5000, account.BlobEndpoint.Port);
        Assert.Equal(5001, account.QueueEndpoint.Port);
        Assert.Equal(5002, account.TableEndpoint.Port);
    }

    [Theory]
    [InlineData("AccountName=pfstore")]
    [InlineData("AccountKey=AAAA")]
    [InlineData("nonsense")]
    [InlineData("AccountName=pfstore;AccountKey=AAAA;TableEndpoint=not a uri")]
    public void FromConnectionString_Broken_ThrowsFormatExceptionWithoutEchoingIt(string connectionString)
    {
        var e = Assert.Throws<FormatException>(() => AzureStorageAccount.FromConnectionString(connectionString));

        Assert.DoesNotContain("AAAA", e.Message);
        Assert.DoesNotContain("pfstore", e.Message);
    }

    [Theory]
    [InlineData("Not_An_Account")]
    [InlineData("ab")]
    [InlineData("UPPER")]
    public void FromAccountName_NotAnAccountName_ThrowsArgumentException(string accountName)
    {
        Assert.Throws<ArgumentException>(() => AzureStorageAccount.FromAccountName(accountName, new FixedCredential()));
    }

    [Fact]
    public async Task FromAccountName_EveryService_GetsABearerTokenForStorageAndNoKey()
    {
        var transport = new CapturingTransport();
        var credential = new FixedCredential();
        var account = AzureStorageAccount.FromAccountName("pfstore", credential, new AzureStorageOptions { Transport = transport });

        await account.GetTableClient("Cases").GetEntityAsync("p", "r");
        await account.GetBlobContainerClient("documents").GetPropertiesAsync("a.pdf");
        await account.GetQueueClient("jobs").GetApproximateCountAsync();

        Assert.Equal(
            ["https://pfstore.table.core.windows.net/", "https://pfstore.blob.core.windows.net/", "https://pfstore.queue.core.windows.net/"],
            transport.Requests.Select(r => new Uri(r.Uri).GetLeftPart(UriPartial.Authority) + "/"));
        Assert.All(transport.Requests, r => Assert.Equal("Bearer token-1", r.Headers["Authorization"]));
        Assert.NotEmpty(credential.Scopes);
        Assert.All(credential.Scopes, scope => Assert.Equal(StorageScope, scope));
    }

    [Fact]
    public async Task Retry_ServerBusyThenOk_RetriesTheSameRequestAndLogsEachFailureAsWarning()
    {
        var transport = new CapturingTransport { Statuses = new Queue<int>([503, 500, 200]) };
        var logger = new RecordingLogger();
        var account = AzureStorageAccount.FromConnectionString(
            "UseDevelopmentStorage=true",
            new AzureStorageOptions { Transport = transport, Logger = logger, RetryDelay = TimeSpan.FromMilliseconds(1) });

        await account.GetQueueClient("jobs").GetApproximateCountAsync();

        Assert.Equal(3, transport.Requests.Count);
        Assert.Single(transport.Requests.Select(r => r.Headers["x-ms-client-request-id"]).Distinct());
        Assert.All(transport.Requests, r => Assert.StartsWith("SharedKey devstoreaccount1:", r.Headers["Authorization"]));
        var warnings = logger.Entries.Where(e => e.Level == LogLevel.Warning).ToList();
        Assert.Equal(2, warnings.Count);
        Assert.Contains("503", warnings[0].Message);
        Assert.Contains("500", warnings[1].Message);
    }

    [Fact]
    public async Task Retry_ServerBusyEveryTime_GivesUpAfterFiveRetriesWith503()
    {
        var transport = new CapturingTransport { Statuses = new Queue<int>(Enumerable.Repeat(503, 10)) };
        var account = AzureStorageAccount.FromConnectionString(
            "UseDevelopmentStorage=true",
            new AzureStorageOptions { Transport = transport, RetryDelay = TimeSpan.FromMilliseconds(1), MaxRetryDelay = TimeSpan.FromMilliseconds(2) });

        var e = await Assert.ThrowsAnyAsync<RequestFailedException>(() => account.GetQueueClient("jobs").GetApproximateCountAsync());

        Assert.Equal(503, e.Status);
        Assert.Equal(6, transport.Requests.Count);
    }

    [Theory]
    [InlineData(404, "TableNotFound", 404, StorageErrorCodes.TableNotFound)]
    [InlineData(404, "ContainerNotFound", 404, StorageErrorCodes.TableNotFound)]
    [InlineData(404, "QueueNotFound", 404, StorageErrorCodes.TableNotFound)]
    [InlineData(404, "ResourceNotFound", 404, StorageErrorCodes.ResourceNotFound)]
    [InlineData(404, "BlobNotFound", 404, StorageErrorCodes.BlobNotFound)]
    [InlineData(404, "MessageNotFound", 404, StorageErrorCodes.MessageNotFound)]
    [InlineData(400, "PopReceiptMismatch", 404, StorageErrorCodes.MessageNotFound)]
    [InlineData(409, "EntityAlreadyExists", 409, StorageErrorCodes.EntityAlreadyExists)]
    [InlineData(409, "BlobAlreadyExists", 409, StorageErrorCodes.BlobAlreadyExists)]
    [InlineData(412, "UpdateConditionNotSatisfied", 412, StorageErrorCodes.UpdateConditionNotSatisfied)]
    [InlineData(412, "ConditionNotMet", 412, StorageErrorCodes.UpdateConditionNotSatisfied)]
    [InlineData(400, "InvalidDuplicateRow", 400, StorageErrorCodes.InvalidTransaction)]
    [InlineData(400, "CommandsInBatchActOnDifferentPartitions", 400, StorageErrorCodes.InvalidTransaction)]
    [InlineData(400, "PropertyValueTooLarge", 400, StorageErrorCodes.InvalidInput)]
    [InlineData(403, "AuthorizationPermissionMismatch", 403, "AuthorizationPermissionMismatch")]
    [InlineData(503, "ServerBusy", 503, "ServerBusy")]
    public void ErrorMapping_AzureCode_BecomesTheEmbeddedAdaptersCode(int status, string azureCode, int expectedStatus, string expectedCode)
    {
        var sdk = new RequestFailedException(status, "what Azure said\nRequestId:req-1", azureCode, null);

        var e = AzureErrors.Map(sdk, "thing");

        Assert.Equal(expectedStatus, e.Status);
        Assert.Equal(expectedCode, e.ErrorCode);
        Assert.Contains(azureCode, e.Message);
        Assert.Contains("what Azure said", e.Message);
        Assert.Same(sdk, e.InnerException);
    }

    [Theory]
    [InlineData("plain ascii")]
    [InlineData("不予许可决定书")]
    [InlineData(" leading space")]
    [InlineData("=?UTF-8?B?looks encoded?=")]
    [InlineData("")]
    public void BlobMetadata_AnyText_RoundTripsThroughAsciiHeaders(string value)
    {
        var wire = BlobMetadataCodec.ToWire(new Dictionary<string, string> { ["title"] = value }, "ab12");

        Assert.All(wire["title"], c => Assert.InRange(c, ' ', '~'));
        Assert.Equal("ab12", wire["sha256"]);
        var (metadata, sha256) = BlobMetadataCodec.FromWire(wire);
        Assert.Equal(value, metadata["title"]);
        Assert.Equal("ab12", sha256);
        Assert.False(metadata.ContainsKey("sha256"));
    }

    [Theory]
    [InlineData("bad-name")]
    [InlineData("1st")]
    [InlineData("SHA256")]
    [InlineData("名字")]
    public void BlobMetadata_BadName_Throws400(string name)
    {
        var e = Assert.Throws<RequestFailedException>(() => BlobMetadataCodec.Validate(new Dictionary<string, string> { [name] = "v" }));

        Assert.Equal(400, e.Status);
        Assert.Equal(StorageErrorCodes.InvalidInput, e.ErrorCode);
    }

    [Fact]
    public void BlobMetadata_SameNameInTwoCases_Throws400()
    {
        var e = Assert.Throws<RequestFailedException>(() => BlobMetadataCodec.Validate(new Dictionary<string, string> { ["caseId"] = "1", ["CASEID"] = "2" }));

        Assert.Equal(400, e.Status);
    }
}
