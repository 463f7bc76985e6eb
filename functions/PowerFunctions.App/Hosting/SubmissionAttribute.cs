namespace PowerFunctions.App.Hosting;

/// <summary>
/// This HTTP function files something a citizen submits (an application, an objection): the pipeline admits at
/// most <c>Http:RateLimits:SubmissionsPerCitizenPerMinute</c> of them per citizen (<see cref="RequestLimiter"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SubmissionAttribute : Attribute;
