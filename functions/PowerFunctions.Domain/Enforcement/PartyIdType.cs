namespace PowerFunctions.Domain.Enforcement;

/// <summary>
/// The identity document of a penalty's party (当事人): a person's resident id, passport or other
/// personal document, or an organisation's unified social credit code (统一社会信用代码). API codes
/// <c>resident-id</c>, <c>passport</c>, <c>other-personal</c>, <c>credit-code</c>; the Chinese names
/// (身份证, 护照, 统一社会信用代码) are read too.
/// </summary>
public enum PartyIdType
{
    ResidentId,
    Passport,
    OtherPersonal,
    CreditCode,
}
