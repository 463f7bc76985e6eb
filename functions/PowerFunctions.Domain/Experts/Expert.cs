namespace PowerFunctions.Domain.Experts;

/// <summary>
/// One expert of the register (专家库): id, name, whether external (not on the staff of any department
/// that uses the register), the fields (专业领域) the expert reviews, and whether available for draws
/// now (回避, illness, term ended … make an expert unavailable without removing the record).
/// </summary>
public sealed record Expert(string Id, string Name, bool External, IReadOnlyList<string> Fields, bool Available);
