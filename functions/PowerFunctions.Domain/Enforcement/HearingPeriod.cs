namespace PowerFunctions.Domain.Enforcement;

/// <summary>A hearing from the day it was requested to the day it was held (null while pending).</summary>
public sealed record HearingPeriod(DateOnly RequestedOn, DateOnly? HeldOn);
