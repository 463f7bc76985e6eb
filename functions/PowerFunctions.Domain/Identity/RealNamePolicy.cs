namespace PowerFunctions.Domain.Identity;

/// <summary>Whether submitting needs a proven identity, and of which level at least.</summary>
public sealed record RealNamePolicy(bool Required, int MinimumLevel)
{
    public static RealNamePolicy Off { get; } = new(false, 1);
}
