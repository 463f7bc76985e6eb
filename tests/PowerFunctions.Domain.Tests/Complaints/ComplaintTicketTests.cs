using PowerFunctions.Domain.Common;
using PowerFunctions.Domain.Complaints;

namespace PowerFunctions.Domain.Tests.Complaints;

public sealed class ComplaintTicketTests
{
    private static readonly DateTimeOffset Received = DateTimeOffset.Parse("2026-09-18T09:30:00+08:00");

    [Fact]
    public void Create_ValidTicket_Succeeds()
    {
        var ticket = ComplaintTicket.Create("T-1", "hotline", " 李四 ", "138-0000-1234", "窗口推诿", "内容", "C1", "D01", Received);

        Assert.True(ticket.IsSuccess);
        Assert.Equal(ComplaintChannel.Hotline, ticket.Value.Channel);
        Assert.Equal("李四", ticket.Value.Caller.Name);
    }

    [Fact]
    public void Create_EverythingMissing_ListsEveryField()
    {
        var ticket = ComplaintTicket.Create(null, null, null, null, null, null, null, null, null);

        Assert.False(ticket.IsSuccess);
        Assert.Equal(ErrorKind.Validation, ticket.Error.Kind);
        Assert.Equal("complaint.invalid", ticket.Error.Code);
        Assert.Equal(["caller.name", "caller.phone", "channel", "content", "receivedAt", "subject", "ticketId"], ticket.Error.Errors!.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("ticketId", "a/b", "hotline", "13800001234")]
    [InlineData("ticketId", "a#b", "hotline", "13800001234")]
    [InlineData("channel", "T-1", "fax", "13800001234")]
    [InlineData("caller.phone", "T-1", "hotline", "call me")]
    [InlineData("caller.phone", "T-1", "hotline", "12")]
    public void Create_BadField_NamesIt(string field, string ticketId, string channel, string phone)
    {
        var ticket = ComplaintTicket.Create(ticketId, channel, "李四", phone, "主题", "内容", null, null, Received);

        Assert.False(ticket.IsSuccess);
        Assert.Equal([field], ticket.Error.Errors!.Keys);
    }

    [Fact]
    public void Create_ContentTooLong_Refused()
    {
        var ticket = ComplaintTicket.Create("T-1", "email", "李四", "13800001234", "主题", new string('长', ComplaintTicket.MaxContentLength + 1), null, null, Received);

        Assert.Contains("content", ticket.Error!.Errors!.Keys);
    }
}
