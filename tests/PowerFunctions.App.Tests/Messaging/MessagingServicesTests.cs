using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using PowerFunctions.App.Config;
using PowerFunctions.App.Features.Messaging;
using PowerFunctions.App.Features.Outbox;
using PowerFunctions.Storage;
using PowerFunctions.Storage.Embedded;
using PowerFunctions.Storage.Messaging;

namespace PowerFunctions.App.Tests.Messaging;

/// <summary><c>ServiceBus:*</c> settings pick the messaging adapter; <c>AddOutbox()</c> brings it with the outbox.</summary>
public sealed class MessagingServicesTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "pf-messaging-" + Guid.NewGuid().ToString("N"));

    public static TheoryData<string?, string?, string> Choices => new()
    {
        { null, null, "Embedded" },
        { "", " ", "Embedded" },
        { "Endpoint=sb://pf.servicebus.chinacloudapi.cn/;SharedAccessKeyName=send;SharedAccessKey=bm90LWEta2V5", null, "ServiceBus" },
        { null, "pf.servicebus.chinacloudapi.cn", "ServiceBus" },
        { null, "pf.servicebus.windows.net", "ServiceBus" },
    };

    [Theory]
    [MemberData(nameof(Choices))]
    public async Task AddOutbox_Settings_PickTheAdapter(string? connectionString, string? ns, string provider)
    {
        await using var services = Services(connectionString, ns);

        var messaging = services.GetRequiredService<IMessagingAccount>();

        Assert.Equal(provider, messaging.Provider);
        Assert.NotNull(services.GetRequiredService<OutboxPublisher>());
        Assert.NotNull(services.GetRequiredService<OutboxWriter>());
    }

    [Theory]
    [InlineData("not a connection string", null, "ServiceBus:ConnectionString")]
    [InlineData("SharedAccessKeyName=send;SharedAccessKey=x", null, "ServiceBus:ConnectionString")]
    [InlineData(null, "pf", "ServiceBus:Namespace")]
    [InlineData(null, "sb://pf.servicebus.windows.net/", "ServiceBus:Namespace")]
    public void Read_MalformedSetting_RefusedNamingIt(string? connectionString, string? ns, string setting)
    {
        var error = Assert.Throws<ConfigurationException>(() => ServiceBusSettings.Read(Configuration(connectionString, ns)));

        Assert.Contains(setting, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddOutbox_EmbeddedRoundTrip_PublishesThroughTheRegisteredAccount()
    {
        await using var services = Services(null, null);
        var storage = services.GetRequiredService<IStorageAccount>();
        await storage.GetTableClient("complaints").CreateIfNotExistsAsync();
        var outbox = await services.GetRequiredService<OutboxWriter>().PrepareAsync("complaints", "T1", [new OutboxMessage("T1-e-1", "ticket-status", "{}")], default);
        await storage.GetTableClient("complaints").SubmitTransactionAsync([new(TableTransactionActionType.Add, new TableEntity("T1", "snapshot")), .. outbox]);

        Assert.Equal(1, await services.GetRequiredService<OutboxPublisher>().PublishPendingAsync(default));

        var received = await services.GetRequiredService<IMessagingAccount>().GetReceiver("ticket-status", "hotline").ReceiveMessagesAsync(5, TimeSpan.FromSeconds(5));
        Assert.Equal("T1-e-1", Assert.Single(received).MessageId);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_path, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static IConfiguration Configuration(string? connectionString, string? ns) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ServiceBus:ConnectionString"] = connectionString,
            ["ServiceBus:Namespace"] = ns,
        }).Build();

    private ServiceProvider Services(string? connectionString, string? ns)
    {
        var services = new ServiceCollection();
        services.AddSingleton(Configuration(connectionString, ns));
        services.AddSingleton<IStorageAccount>(_ => new EmbeddedStorageAccount(_path)); // the container disposes it
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(typeof(Microsoft.Extensions.Logging.ILogger<>), typeof(NullLogger<>));
        services.AddOutbox();
        return services.BuildServiceProvider();
    }
}
