namespace PowerFunctions.Domain.Complaints;

/// <summary>
/// Who is looking at a ticket: the role, the department a handler works for, the token subject, and
/// whether the request carried the ticket's query code (the filer following it).
/// </summary>
public sealed record ComplaintViewer(string Role, string? Department = null, string? Subject = null, bool HoldsQueryCode = false);
