namespace PowerFunctions.Domain.Cases;

/// <summary>Who did something to a case: token subject, display name and the role acted in.</summary>
public sealed record CaseActor(string Subject, string Name, string Role)
{
    /// <summary>The durable-timer engine acting on the law's behalf (deemed acceptance, publicity end, result publication).</summary>
    public static CaseActor System { get; } = new("system", "系统", "system");

    /// <summary>A member of the public (objection during publicity).</summary>
    public static CaseActor Public(string name) => new("public", name, "public");
}
