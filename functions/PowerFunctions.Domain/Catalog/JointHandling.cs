using System.Text.Json.Serialization;

namespace PowerFunctions.Domain.Catalog;

/// <summary>
/// Joint handling (联合审批, 并联审批): one case, received and delivered by the <see cref="Lead"/>
/// department (the item's own department), on which each of the <see cref="Departments"/> gives its
/// opinion within its own limit; the decision limit is 45 working days, extensible once by 15. API
/// <c>jointHandling:{lead, departments:[{code, name, limitDays}]}</c>; absent (or the old <c>false</c>)
/// for an item one department handles alone. The rules are <see cref="PowerItemRules.JointHandlingIsWellFormed"/>
/// and <see cref="Cases.CaseRules"/>.
/// Source: 行政许可法 第二十六条, 第四十二条第二款.
/// </summary>
[JsonConverter(typeof(JointHandlingJsonConverter))]
public sealed record JointHandling(string Lead, IReadOnlyList<JointDepartment> Departments)
{
    /// <summary>The department of <paramref name="code"/> among those giving opinions, or null.</summary>
    public JointDepartment? Find(string? code) => Departments.FirstOrDefault(d => string.Equals(d.Code, code, StringComparison.Ordinal));
}
