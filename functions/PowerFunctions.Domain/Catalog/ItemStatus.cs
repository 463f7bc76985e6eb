namespace PowerFunctions.Domain.Catalog;

/// <summary>
/// Where one version of a power item stands: a draft being edited, the published version in force,
/// a version superseded by a newer published revision (kept and readable), or abolished.
/// </summary>
public enum ItemStatus
{
    Draft,
    Published,
    Superseded,
    Abolished,
}
