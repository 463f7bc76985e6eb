namespace PowerFunctions.Domain.Catalog;

/// <summary>The limit of each stage (受理、审查、决定、公示、送达), in the unit of the promised limit.</summary>
public sealed record StageLimits(int Acceptance, int Review, int Decision, int Publicity, int Delivery)
{
    public static StageLimits None { get; } = new(0, 0, 0, 0, 0);

    public int Sum() => Acceptance + Review + Decision + Publicity + Delivery;

    /// <summary>Each stage with its API name.</summary>
    public IEnumerable<KeyValuePair<string, int>> Stages()
    {
        yield return new("acceptance", Acceptance);
        yield return new("review", Review);
        yield return new("decision", Decision);
        yield return new("publicity", Publicity);
        yield return new("delivery", Delivery);
    }
}
