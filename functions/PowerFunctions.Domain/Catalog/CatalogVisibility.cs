namespace PowerFunctions.Domain.Catalog;

/// <summary>
/// Who may see a power item and what follows from it. A 涉密 (confidential) power is not in the public
/// catalog and none of its cases appears in a public list (publicity, results); staff of its own
/// department see it, and so do supervisors, whose 电子监察 covers every power. Every other item is public.
/// Source: seed 001 §四(一)3 (涉密事项 不予公开).
/// </summary>
public static class CatalogVisibility
{
    /// <summary>True when the item is in the public catalog. Source: seed 001 §四(一)3.</summary>
    public static bool IsPublic(PowerItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return !item.Confidential;
    }

    /// <summary>True when cases of the item may appear in public lists (publicity, results). Source: seed 001 §四(一)3.</summary>
    public static bool IsPublic(ItemTerms terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        return !terms.Confidential;
    }

    /// <summary>
    /// True when a viewer of <paramref name="viewerDepartment"/> (null: the public) may see the item;
    /// <paramref name="oversight"/> for supervisors. Source: seed 001 §四(一)3.
    /// </summary>
    public static bool CanSee(PowerItem item, string? viewerDepartment, bool oversight)
    {
        ArgumentNullException.ThrowIfNull(item);
        return IsPublic(item) || oversight || string.Equals(viewerDepartment, item.Department.Code, StringComparison.Ordinal);
    }
}
