using System.Text;
using System.Text.Json;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using PowerFunctions.Storage.AzureStorage;

namespace PowerFunctions.Storage.Tests.AzureStorage;

/// <summary>What the Azure adapter puts on the wire, checked without a server: filters, tokens, batches, signatures, errors.</summary>
public sealed class AzureWireFormatTests
{
    [Theory]
    [InlineData("abc", "'abc'")]
    [InlineData("o'brien", "'o''brien'")]
    [InlineData("'", "''''")]
    [InlineData("a' or PartitionKey ne 'x", "'a'' or PartitionKey ne ''x'")]
    public void Literal_Quotes_AreDoubled(string value, string expected)
    {
        Assert.Equal(expected, ODataFilter.Literal(value));
    }

    [Fact]
    public void Filter_QuoteInKey_StaysOneLiteral()
    {
        var filter = ODataFilter.Build(new TableQuery { PartitionKey = "x' or 'a' eq 'a", RowKeyFrom = "r'", RowKeyTo = "s" });

        Assert.Equal("(PartitionKey eq 'x'' or ''a'' eq ''a') and (RowKey ge 'r''') and (RowKey lt 's')", filter);
    }

    [Fact]
    public void Filter_PartitionRangeWithoutExact_UsesGeAndLt()
    {
        Assert.Equal("(PartitionKey ge 'a') and (PartitionKey lt 'b')", ODataFilter.Build(new TableQuery { PartitionKeyFrom = "a", PartitionKeyTo = "b" }));
        Assert.Null(ODataFilter.Build(new TableQuery()));
    }

    [Fact]
    public void EntityKeyPath_QuotesDoubledThenPercentEncoded()
    {
        Assert.Equal("(PartitionKey='a%27%27b',RowKey='%E8%AE%B8%20%2B')", ODataFilter.EntityKeyPath("a'b", "许 +"));
    }

    [Theory]
    [InlineData("1!8!cGsx", "1!8!cjE-")]
    [InlineData("1!8!cGsx", null)]
    [InlineData("p\u4e2d'", "r/=+")]
    public void Continuation_PackUnpack_RoundTripsAsOneUrlSafeToken(string partition, string? row)
    {
        var token = TableContinuationToken.Pack(partition, row);

        Assert.NotNull(token);
        Assert.DoesNotContain(token, c => c is '+' or '/' or '=' or '&');
        Assert.Equal((partition, row), TableContinuationToken.Unpack(token));
        Assert.Null(TableContinuationToken.Pack(null, null));
    }

    [Theory]
    [InlineData("garbage!")]
    [InlineData("dDJcbmFcbmI")]
    public void Continuation_Foreign_Throws400(string token)
    {
        var e = Assert.Throws<RequestFailedException>(() => TableContinuationToken.Unpack(token));

        Assert.Equal(400, e.Status);
        Assert.Equal(StorageErrorCodes.InvalidInput, e.ErrorCode);
    }

    [Fact]
    public void EntityJson_TypesThatJsonCannotTell_CarryODataAnnotations()
    {
        var entity = new TableEntity("p", "r")
        {
            ["S"] = "x",
            ["I"] = 1,
            ["L"] = 2L,
            ["D"] = 3.0,
            ["T"] = new DateTimeOffset(2026, 9, 18, 9, 30, 0, TimeSpan.FromHours(8)),
            ["G"] = Guid.Empty,
            ["B"] = new byte[] { 1 },
            ["N"] = null,
        };

        var json = Encoding.UTF8.GetString(TableEntityJson.Serialize(entity));

        Assert.Equal(
            "{\"PartitionKey\":\"p\",\"RowKey\":\"r\",\"S\":\"x\",\"I\":1,\"L@odata.type\":\"Edm.Int64\",\"L\":\"2\",\"D@odata.type\":\"Edm.Double\",\"D\":3.0,"
            + "\"T@odata.type\":\"Edm.DateTime\",\"T\":\"2026-09-18T01:30:00.0000000Z\",\"G@odata.type\":\"Edm.Guid\",\"G\":\"00000000-0000-0000-0000-000000000000\","
            + "\"B@odata.type\":\"Edm.Binary\",\"B\":\"AQ==\"}",
            json);
    }

    [Fact]
    public void EntityJson_Read_MinimalMetadata_RestoresTypesETagAndTimestamp()
    {
        const string json = "{\"odata.etag\":\"W/\\\"datetime'2026'\\\"\",\"PartitionKey\":\"p\",\"RowKey\":\"r\",\"I\":7,\"D\":3.0,\"L@odata.type\":\"Edm.Int64\",\"L\":\"9\",\"Timestamp\":\"2026-09-18T01:30:00.1234567Z\"}";
        using var doc = JsonDocument.Parse(json);

        var entity = TableEntityJson.Read(doc.RootElement);

        Assert.Equal(new ETag("W/\"datetime'2026'\""), entity.ETag);
        Assert.Equal(7, Assert.IsType<int>(entity["I"]));
        Assert.Equal(3.0, Assert.IsType<double>(entity["D"]));
        Assert.Equal(9L, Assert.IsType<long>(entity["L"]));
        Assert.Equal(new DateTimeOffset(2026, 9, 18, 1, 30, 0, TimeSpan.Zero).AddTicks(1234567), entity.Timestamp);
        Assert.False(entity.Properties.ContainsKey("Timestamp"));
    }

    [Fact]
    public void EntityJson_SystemPropertyName_Throws400()
    {
        var e = Assert.Throws<RequestFailedException>(() => TableEntityJson.Serialize(new TableEntity("p", "r") { ["Timestamp"] = DateTimeOffset.UnixEpoch }));

        Assert.Equal(400, e.Status);
    }

    [Fact]
    public void Batch_Build_OneChangesetWithEachRequestAndItsConditions()
    {
        var (body, contentType) = TableBatch.Build(
            "http://h/acct/t",
            [
                new(TableTransactionActionType.Add, new TableEntity("p", "a")),
                new(TableTransactionActionType.UpdateReplace, new TableEntity("p", "b"), new ETag("W/\"1\"")),
                new(TableTransactionActionType.UpsertReplace, new TableEntity("p", "c")),
                new(TableTransactionActionType.Delete, new TableEntity("p", "d")),
            ],
            (pk, rk) => $"http://h/acct/t(PartitionKey='{pk}',RowKey='{rk}')",
            "B",
            "C");
        var text = Encoding.UTF8.GetString(body);

        Assert.Equal("multipart/mixed; boundary=batch_B", contentType);
        Assert.StartsWith("--batch_B\r\nContent-Type: multipart/mixed; boundary=changeset_C\r\n\r\n--changeset_C\r\n", text);
        Assert.EndsWith("--changeset_C--\r\n--batch_B--\r\n", text);
        Assert.Contains("POST http://h/acct/t HTTP/1.1\r\n", text);
        Assert.Contains("PUT http://h/acct/t(PartitionKey='p',RowKey='b') HTTP/1.1\r\nAccept: application/json;odata=minimalmetadata\r\nDataServiceVersion: 3.0\r\nIf-Match: W/\"1\"\r\n", text);
        Assert.Contains("PUT http://h/acct/t(PartitionKey='p',RowKey='c') HTTP/1.1\r\nAccept: application/json;odata=minimalmetadata\r\nDataServiceVersion: 3.0\r\nPrefer", text);
        Assert.Contains("DELETE http://h/acct/t(PartitionKey='p',RowKey='d') HTTP/1.1\r\nAccept: application/json;odata=minimalmetadata\r\nDataServiceVersion: 3.0\r\nIf-Match: *\r\n\r\n", text);
        Assert.Equal(4, CountOf(text, "Content-Type: application/http\r\n"));
    }

    [Fact]
    public void Batch_ParseFailure_TakesTheIndexFromTheErrorMessage()
    {
        const string response = "--batchresponse_1\r\nContent-Type: multipart/mixed; boundary=changesetresponse_2\r\n\r\n"
            + "--changesetresponse_2\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n"
            + "HTTP/1.1 409 Conflict\r\nContent-Type: application/json;odata=minimalmetadata;streaming=true;charset=utf-8\r\n\r\n"
            + "{\"odata.error\":{\"code\":\"EntityAlreadyExists\",\"message\":{\"lang\":\"en-US\",\"value\":\"3:The specified entity already exists.\\nRequestId:x\"}}}\r\n"
            + "--changesetresponse_2--\r\n--batchresponse_1--\r\n";

        var parts = TableBatch.Parse(response);
        var failed = Assert.Single(parts);

        Assert.Equal(409, failed.Status);
        Assert.Equal(3, TableBatch.FailedIndex(failed, parts, 5));
        var mapped = AzureErrors.Map(failed.Status, AzureErrors.ParseBody(failed.Body), "x", null);
        Assert.Equal(StorageErrorCodes.EntityAlreadyExists, mapped.ErrorCode);
    }

    [Fact]
    public void Batch_ParseSuccess_ReadsEachETagInOrder()
    {
        const string response = "--batchresponse_1\r\nContent-Type: multipart/mixed; boundary=changesetresponse_2\r\n\r\n"
            + "--changesetresponse_2\r\nContent-Type: application/http\r\n\r\nHTTP/1.1 204 No Content\r\nETag: W/\"a\"\r\n\r\n\r\n"
            + "--changesetresponse_2\r\nContent-Type: application/http\r\n\r\nHTTP/1.1 204 No Content\r\nETag: W/\"b\"\r\n\r\n\r\n"
            + "--changesetresponse_2--\r\n--batchresponse_1--\r\n";

        var parts = TableBatch.Parse(response);

        Assert.Equal(["W/\"a\"", "W/\"b\""], parts.Select(p => p.Headers["ETag"]));
        Assert.All(parts, p => Assert.Equal(204, p.Status));
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
    [InlineData(400, "PropertyValueTooLarge", 400, StorageErrorCodes.InvalidInput)]
    [InlineData(403, "AuthorizationPermissionMismatch", 403, "AuthorizationPermissionMismatch")]
    [InlineData(503, "ServerBusy", 503, "ServerBusy")]
    public void ErrorMapping_AzureCode_BecomesTheEmbeddedAdaptersCode(int status, string azureCode, int expectedStatus, string expectedCode)
    {
        var e = AzureErrors.Map(status, (azureCode, "detail\nRequestId:1"), "thing", "req-1");

        Assert.Equal(expectedStatus, e.Status);
        Assert.Equal(expectedCode, e.ErrorCode);
        Assert.Contains(azureCode, e.Message);
        Assert.Contains("req-1", e.Message);
    }

    [Theory]
    [InlineData("<?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>BlobNotFound</Code><Message>gone</Message></Error>", "BlobNotFound", "gone")]
    [InlineData("{\"odata.error\":{\"code\":\"TableNotFound\",\"message\":{\"lang\":\"en-US\",\"value\":\"no table\"}}}", "TableNotFound", "no table")]
    [InlineData("not json", null, null)]
    public void ErrorBody_XmlOrJson_GivesCodeAndMessage(string body, string? code, string? message)
    {
        Assert.Equal((code, message), AzureErrors.ParseBody(body));
    }

    [Theory]
    [InlineData("hello")]
    [InlineData("{\"case\":\"许可\",\"x\":\"<&>\"}")]
    [InlineData("")]
    public void QueueText_OnTheWire_IsBase64OfUtf8(string text)
    {
        var wire = AzureQueueClient.EncodeMessageText(text);

        Assert.Equal(Convert.ToBase64String(Encoding.UTF8.GetBytes(text)), wire);
        Assert.Equal(text, AzureQueueClient.DecodeMessageText(wire));
    }

    [Fact]
    public void QueueText_PlainTextFromAnotherWriter_ReadsAsIs()
    {
        Assert.Equal("not base64!", AzureQueueClient.DecodeMessageText("not base64!"));
    }

    [Theory]
    [InlineData("plain ascii")]
    [InlineData("不予许可决定书")]
    [InlineData(" leading space")]
    [InlineData("=?UTF-8?B?looks encoded?=")]
    public void BlobMetadata_AnyText_RoundTripsThroughAsciiHeaders(string value)
    {
        var wire = BlobMetadataCodec.Encode(value);

        Assert.All(wire, c => Assert.InRange(c, ' ', '~'));
        Assert.Equal(value, BlobMetadataCodec.Decode(wire));
    }

    [Fact]
    public void SharedKeyLite_Table_SignsDateAndCanonicalResourceWithComp()
    {
        var request = NewRequest(RequestMethod.Get, "http://127.0.0.1:10002/devstoreaccount1/t()?$filter=x&comp=list");
        request.Headers.SetValue("x-ms-date", "Fri, 18 Sep 2026 01:30:00 GMT");

        Assert.Equal("Fri, 18 Sep 2026 01:30:00 GMT\n/devstoreaccount1/devstoreaccount1/t()?comp=list", SharedKeyPolicy.LiteStringToSign(request, "devstoreaccount1"));
    }

    [Fact]
    public void SharedKey_BlobPut_StringToSignHasEveryStandardHeaderLineThenXmsHeadersAndSortedQuery()
    {
        var request = NewRequest(RequestMethod.Put, "https://acct.blob.core.windows.net/c/a%20b?timeout=30&comp=block&blockid=x");
        request.Headers.SetValue("x-ms-date", "Fri, 18 Sep 2026 01:30:00 GMT");
        request.Headers.SetValue("x-ms-version", "2021-12-02");
        request.Headers.SetValue("x-ms-blob-type", "BlockBlob");
        request.Headers.SetValue("Content-Type", "application/pdf");
        request.Headers.SetValue("If-None-Match", "*");
        request.Content = RequestContent.Create(new byte[] { 1, 2, 3 });

        var stringToSign = SharedKeyPolicy.FullStringToSign(request, "acct");

        Assert.Equal(
            "PUT\n\n\n3\n\napplication/pdf\n\n\n\n*\n\n\n"
            + "x-ms-blob-type:BlockBlob\nx-ms-date:Fri, 18 Sep 2026 01:30:00 GMT\nx-ms-version:2021-12-02\n"
            + "/acct/c/a%20b\nblockid:x\ncomp:block\ntimeout:30",
            stringToSign);
    }

    [Fact]
    public async Task Pipeline_SharedKey_SendsVersionDateClientRequestIdAndAuthorization()
    {
        var transport = new CapturingTransport();
        var options = new AzureStorageOptions { Transport = transport };
        var account = AzureStorageAccount.FromConnectionString("UseDevelopmentStorage=true", options);

        await account.GetQueueClient("jobs").GetApproximateCountAsync();
        await account.GetTableClient("Cases").GetEntityAsync("p", "r");

        var queue = transport.Requests[0];
        Assert.Equal("http://127.0.0.1:10001/devstoreaccount1/jobs?comp=metadata", queue.Uri);
        Assert.StartsWith("SharedKey devstoreaccount1:", queue.Headers["Authorization"]);
        Assert.Equal(AzureStorageOptions.DefaultApiVersion, queue.Headers["x-ms-version"]);
        Assert.True(queue.Headers.ContainsKey("x-ms-date"));
        Assert.True(Guid.TryParse(queue.Headers["x-ms-client-request-id"], out _));
        var table = transport.Requests[1];
        Assert.Equal("http://127.0.0.1:10002/devstoreaccount1/Cases(PartitionKey='p',RowKey='r')", table.Uri);
        Assert.StartsWith("SharedKeyLite devstoreaccount1:", table.Headers["Authorization"]);
        Assert.Equal("application/json;odata=minimalmetadata", table.Headers["Accept"]);
    }

    [Fact]
    public async Task Pipeline_ServerBusy_RetriesThenSucceeds()
    {
        var transport = new CapturingTransport { Statuses = new Queue<int>([503, 500, 200]) };
        var options = new AzureStorageOptions { Transport = transport };
        options.Retry.Delay = TimeSpan.FromMilliseconds(1);
        var account = AzureStorageAccount.FromConnectionString("UseDevelopmentStorage=true", options);

        await account.GetQueueClient("jobs").GetApproximateCountAsync();

        Assert.Equal(3, transport.Requests.Count);
        Assert.Single(transport.Requests.Select(r => r.Headers["x-ms-client-request-id"]).Distinct());
    }

    [Fact]
    public async Task Pipeline_EntraId_SendsBearerTokenForTheStorageScope()
    {
        var transport = new CapturingTransport();
        var credential = new FixedCredential();
        var account = AzureStorageAccount.FromAccountName("pfstore", credential, new AzureStorageOptions { Transport = transport });

        await account.GetQueueClient("jobs").GetApproximateCountAsync();

        var request = Assert.Single(transport.Requests);
        Assert.Equal("https://pfstore.queue.core.windows.net/jobs?comp=metadata", request.Uri);
        Assert.Equal("Bearer token-1", request.Headers["Authorization"]);
        Assert.Equal([AzureStorageAccount.StorageScope], credential.Scopes);
    }

    [Theory]
    [InlineData("UseDevelopmentStorage=true", "devstoreaccount1", "http://127.0.0.1:10002/devstoreaccount1", "http://127.0.0.1:10000/devstoreaccount1")]
    [InlineData("DefaultEndpointsProtocol=https;AccountName=pfstore;AccountKey=AAAA;EndpointSuffix=core.chinacloudapi.cn", "pfstore", "https://pfstore.table.core.chinacloudapi.cn/", "https://pfstore.blob.core.chinacloudapi.cn/")]
    [InlineData("AccountName=devstoreaccount1;AccountKey=AAAA;TableEndpoint=http://127.0.0.1:5002/devstoreaccount1;BlobEndpoint=http://127.0.0.1:5000/devstoreaccount1", "devstoreaccount1", "http://127.0.0.1:5002/devstoreaccount1", "http://127.0.0.1:5000/devstoreaccount1")]
    public void ConnectionString_Forms_GiveAccountAndEndpoints(string connectionString, string account, string table, string blob)
    {
        var parsed = StorageConnectionString.Parse(connectionString);

        Assert.Equal(account, parsed.AccountName);
        Assert.Equal(new Uri(table), parsed.TableEndpoint);
        Assert.Equal(new Uri(blob), parsed.BlobEndpoint);
        Assert.DoesNotContain("AAAA", parsed.ToString());
    }

    [Theory]
    [InlineData("AccountName=a")]
    [InlineData("AccountKey=AAAA")]
    [InlineData("AccountName=a;AccountKey=not base64!")]
    [InlineData("AccountName=a;AccountKey=AAAA;TableEndpoint=ftp://x")]
    [InlineData("nonsense")]
    public void ConnectionString_Broken_ThrowsFormatExceptionWithoutTheKey(string connectionString)
    {
        var e = Assert.Throws<FormatException>(() => StorageConnectionString.Parse(connectionString));

        Assert.DoesNotContain("AAAA", e.Message);
    }

    private static Request NewRequest(RequestMethod method, string uri)
    {
        var pipeline = HttpPipelineBuilder.Build(new AzureStorageOptions());
        var request = pipeline.CreateRequest();
        request.Method = method;
        request.Uri.Reset(new Uri(uri));
        return request;
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, string.Empty, StringComparison.Ordinal).Length) / part.Length;
}
