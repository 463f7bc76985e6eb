namespace PowerFunctions.Domain.Complaints;

/// <summary>Who complained: a name and a phone number to call back.</summary>
public sealed record ComplaintCaller(string Name, string Phone);
