using PowerFunctions.Storage.Messaging;

namespace PowerFunctions.Storage.Tests.Messaging;

public sealed class BusMessageTests
{
    [Theory]
    [InlineData("")]
    [InlineData("x12345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678")]
    public void BusMessage_BadMessageId_Refused(string messageId)
    {
        Assert.ThrowsAny<ArgumentException>(() => new BusMessage(messageId, BinaryData.Empty));
    }

    [Fact]
    public void BusMessage_MessageIdOf128Characters_Accepted()
    {
        var id = new string('e', BusMessage.MaxMessageIdLength);

        Assert.Equal(id, new BusMessage(id, BinaryData.Empty).MessageId);
    }

    [Fact]
    public void Json_Message_Utf8BodyAndJsonContentType()
    {
        var message = BusMessage.Json("e1", "{\"状态\":\"已办结\"}");

        Assert.Equal("application/json", message.ContentType);
        Assert.Equal("{\"状态\":\"已办结\"}"u8.ToArray(), message.Body.ToArray());
        Assert.Empty(message.ApplicationProperties);
    }

    [Theory]
    [InlineData("q", null, BusSubQueue.None, "q")]
    [InlineData("q", null, BusSubQueue.DeadLetter, "q/$deadletterqueue")]
    [InlineData("t", "s", BusSubQueue.None, "t/Subscriptions/s")]
    [InlineData("t", "s", BusSubQueue.DeadLetter, "t/Subscriptions/s/$deadletterqueue")]
    public void ReceiverPath_Entity_AsServiceBusWritesIt(string entity, string? subscription, BusSubQueue subQueue, string expected)
    {
        Assert.Equal(expected, BusNames.ReceiverPath(entity, subscription, subQueue));
    }
}
