namespace PowerFunctions.App.Features.Complaints;

/// <summary>What a key holds: the hash of the body it came with and the ticket reserved for it (number, query code, receipt instant).</summary>
public sealed record TicketReservation(string BodyHash, string TicketNo, string QueryCode, DateTimeOffset ReceivedAt);
