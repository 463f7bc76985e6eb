namespace PowerFunctions.App.Features.Cases;

/// <summary>
/// A complaint ticket as the case view lists it: number, category, state and owning department (API names),
/// and when it was received. Nothing about the filer: a 举报 may name the department handling the case.
/// </summary>
public sealed record CaseTicket(string TicketNo, string Category, string State, string? Department, DateTimeOffset ReceivedAt);
