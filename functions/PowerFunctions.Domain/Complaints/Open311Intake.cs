namespace PowerFunctions.Domain.Complaints;

/// <summary>An Open311 request mapped to a ticket: the intake and the department its service code names.</summary>
public sealed record Open311Intake(ComplaintIntake Intake, string Department);
