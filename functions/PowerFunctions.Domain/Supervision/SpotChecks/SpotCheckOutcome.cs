namespace PowerFunctions.Domain.Supervision.SpotChecks;

/// <summary>The result of checking one drawn case (API <c>conforming</c> or <c>findings</c>).</summary>
public enum SpotCheckOutcome
{
    /// <summary>The case was handled as the law and the catalog require.</summary>
    Conforming,

    /// <summary>Problems were found: they lead to a rectification notice.</summary>
    Findings,
}
