using System.Text.RegularExpressions;
using PowerFunctions.Domain.Cases;
using PowerFunctions.Domain.Common;

namespace PowerFunctions.Domain.Experts;

/// <summary>
/// The expert register, managed apart from the draws made from it (管用分离): administrators keep the
/// experts (<see cref="Put"/>, <see cref="SetAvailable"/>); reviewers only draw, and a draw takes the
/// register's available experts of the case's field (<see cref="PoolFor"/>), at least one third of them
/// external (<see cref="ExpertDraw"/>). Immutable: every change answers a new register.
/// Source: seed 000 配套2 (专家库 管用分离); seed 000 §5(三)2 (one third external, random draw).
/// </summary>
public sealed partial class ExpertRegister
{
    private ExpertRegister(IReadOnlyList<Expert> experts) => Experts = experts;

    /// <summary>The register with no expert.</summary>
    public static ExpertRegister Empty { get; } = new([]);

    /// <summary>Every expert, by id.</summary>
    public IReadOnlyList<Expert> Experts { get; }

    /// <summary>A register of <paramref name="experts"/>, each checked, ids unique; every problem at once (<c>experts.invalid</c>).</summary>
    public static Result<ExpertRegister> Of(IEnumerable<Expert> experts)
    {
        ArgumentNullException.ThrowIfNull(experts);
        var list = experts.ToList();
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        for (var i = 0; i < list.Count; i++)
        {
            foreach (var (field, problems) in Check(list[i]))
            {
                errors[$"experts[{i}].{field}"] = problems;
            }
        }

        foreach (var duplicate in list.GroupBy(e => e.Id, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            errors["experts"] = [$"专家编号“{duplicate.Key}”重复"];
        }

        return errors.Count > 0 ? Invalid(errors) : new ExpertRegister([.. list.Select(Clean).OrderBy(e => e.Id, StringComparer.Ordinal)]);
    }

    /// <summary>Adds <paramref name="expert"/>, or replaces the expert of the same id; refused with every problem of the record.</summary>
    public Result<ExpertRegister> Put(Expert expert)
    {
        ArgumentNullException.ThrowIfNull(expert);
        var errors = Check(expert);
        if (errors.Count > 0)
        {
            return Invalid(errors);
        }

        var clean = Clean(expert);
        return new ExpertRegister([.. Experts.Where(e => e.Id != clean.Id).Append(clean).OrderBy(e => e.Id, StringComparer.Ordinal)]);
    }

    /// <summary>Marks an expert available or not for later draws (draws already made keep their record); 404 <c>experts.not_found</c>.</summary>
    public Result<ExpertRegister> SetAvailable(string id, bool available)
    {
        var expert = Find(id);
        if (expert is null)
        {
            return DomainError.NotFound("experts.not_found", "专家不存在", $"no expert '{id}' in the register");
        }

        return new ExpertRegister([.. Experts.Select(e => e.Id == id ? e with { Available = available } : e)]);
    }

    public Expert? Find(string? id) => Experts.FirstOrDefault(e => string.Equals(e.Id, id, StringComparison.Ordinal));

    /// <summary>
    /// The pool a draw for <paramref name="field"/> takes: the available experts of that field (every
    /// available expert when the item names none), by id so a re-run sees the same order.
    /// Source: seed 000 配套2; seed 000 §5(三)2
    /// </summary>
    public IReadOnlyList<ExpertCandidate> PoolFor(string? field) =>
        Experts.Where(e => e.Available && (string.IsNullOrWhiteSpace(field) || e.Fields.Contains(field.Trim(), StringComparer.Ordinal)))
            .Select(e => new ExpertCandidate(e.Id, e.Name, e.External))
            .ToArray();

    /// <summary>The problems of one record: an id usable as a key, a name, at least one field.</summary>
    public static Dictionary<string, string[]> Check(Expert expert)
    {
        ArgumentNullException.ThrowIfNull(expert);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(expert.Id) || !IdPattern().IsMatch(expert.Id))
        {
            errors["id"] = ["专家编号须为1至32位字母、数字、短横线或下划线"];
        }

        if (string.IsNullOrWhiteSpace(expert.Name) || expert.Name.Trim().Length > 50)
        {
            errors["name"] = ["专家姓名不能为空，且不超过50字"];
        }

        if (expert.Fields is null || expert.Fields.Count == 0 || expert.Fields.Any(string.IsNullOrWhiteSpace))
        {
            errors["fields"] = ["须写明至少一个专业领域"];
        }

        return errors;
    }

    private static Expert Clean(Expert e) =>
        e with { Name = e.Name.Trim(), Fields = e.Fields.Select(f => f.Trim()).Distinct(StringComparer.Ordinal).ToArray() };

    private static DomainError Invalid(IReadOnlyDictionary<string, string[]> errors) =>
        DomainError.Validation("experts.invalid", "专家信息不完整", string.Join("; ", errors.SelectMany(e => e.Value.Select(v => $"{e.Key}: {v}"))), errors);

    [GeneratedRegex("^[A-Za-z0-9_-]{1,32}$")]
    private static partial Regex IdPattern();
}
