namespace PowerFunctions.Domain.Complaints;

/// <summary>The clocks of a ticket (API deadline <c>kind</c>; supervision alert kind <c>complaint-{kind}</c>).</summary>
public enum ComplaintDeadlineKind
{
    /// <summary>1 wd (configurable) from receipt to reach a department; met when it is routed at intake or assigned (local 12345 rules).</summary>
    Dispatch,

    /// <summary>Petition-type matters only: 15 days from reaching the department to accept it (信访工作条例 (2022)).</summary>
    Acceptance,

    /// <summary>3 days from reaching the department to explain (with a date) or answer (seed 003 第五篇 首问负责制).</summary>
    Explanation,

    /// <summary>Per round: the category's limit from reaching the department (hotline categories), from acceptance (petition-type) or from the reopening.</summary>
    Answer,
}
