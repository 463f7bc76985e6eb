namespace PowerFunctions.Domain.Catalog;

/// <summary>
/// A department that gives its opinion on a jointly handled item (联合审批): its code and name, and the
/// working days it has for its opinion from acceptance (its own stage limit).
/// </summary>
public sealed record JointDepartment(string Code, string Name, int LimitDays);
