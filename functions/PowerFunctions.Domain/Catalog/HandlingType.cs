namespace PowerFunctions.Domain.Catalog;

/// <summary>办件类型: 即办件 (decided on the spot) or 承诺件 (decided within the promised limit).</summary>
public enum HandlingType
{
    Immediate,
    Promised,
}
