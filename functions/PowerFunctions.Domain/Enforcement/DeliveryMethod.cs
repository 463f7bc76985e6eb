namespace PowerFunctions.Domain.Enforcement;

/// <summary>
/// How the decision reaches the party (API codes <c>in-person</c>, <c>post</c>, <c>electronic</c>): handed
/// over, by post under the civil procedure law, or electronically only with the party's signed consent.
/// Source: 行政处罚法 第六十一条.
/// </summary>
public enum DeliveryMethod
{
    InPerson,
    Post,
    Electronic,
}
