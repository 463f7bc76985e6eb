namespace PowerFunctions.Domain.Catalog;

/// <summary>形式审查 (one reviewer) or 实质审查 (A角 and B角, two different people). Source: seed 000 §5(二)6.</summary>
public enum ReviewMode
{
    Formal,
    Substantive,
}
