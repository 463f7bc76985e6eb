namespace PowerFunctions.Domain.Catalog;

/// <summary>
/// The circumstance (情节) found for an offence, which picks the discretion tier (裁量基准 档次): minor
/// (轻微), ordinary (一般), serious (严重); and first offence (首违), which allows no penalty where the
/// item is on the first-offence list. API codes <c>first-offence</c>, <c>minor</c>, <c>ordinary</c>,
/// <c>serious</c>. Source: 国办发〔2022〕27号; 行政处罚法 第三十三条第一款.
/// </summary>
public enum Circumstance
{
    /// <summary>初次违法且危害后果轻微并及时改正: no penalty where the item allows it (行政处罚法 第三十三条第一款).</summary>
    FirstOffence,

    /// <summary>轻微.</summary>
    Minor,

    /// <summary>一般.</summary>
    Ordinary,

    /// <summary>严重.</summary>
    Serious,
}
