using PowerFunctions.Storage.Messaging;

namespace PowerFunctions.Storage.Tests.Messaging;

/// <summary>The messaging contract on the embedded adapter over real SQLite.</summary>
public sealed class EmbeddedMessagingContractTests(EmbeddedMessagingFixture fixture) : MessagingContractTests, IClassFixture<EmbeddedMessagingFixture>
{
    protected override IMessagingAccount Account => fixture.Messaging;

    protected override DateTimeOffset Now => fixture.Clock.GetUtcNow();

    protected override void ExpireLocks() => fixture.Clock.Advance(LockDuration + TimeSpan.FromSeconds(1));
}
