using System.Text.RegularExpressions;
using PowerFunctions.Domain.Calendar;
using PowerFunctions.Domain.Common;
using PowerFunctions.Domain.Deadlines;

namespace PowerFunctions.Domain.Catalog;

/// <summary>
/// Every rule a power item must satisfy, each in one method with its source. Publishing runs them
/// all and reports every problem at once, per field (<c>catalog.invalid_item</c>); a draft only
/// needs what identifies it (code, name, department).
/// </summary>
public static partial class PowerItemRules
{
    public const string InvalidItemCode = "catalog.invalid_item";

    /// <summary>The statutory limit of joint handling, in working days. Source: 行政许可法 第四十二条第二款.</summary>
    public const int JointLegalWorkingDays = 45;

    /// <summary>Days (calendar days, last day rolled to a working day) to revise an entry after its legal basis changed. Source: seed 002 第十条.</summary>
    public const int RevisionDays = 7;

    /// <summary>Working days to revise the flowchart after the legal basis changed. Source: seed 001.</summary>
    public const int FlowchartRevisionWorkingDays = 20;

    /// <summary>The supervision alert raised, once, when an entry's revision deadline passed unrevised. Source: seed 002 第十条.</summary>
    public const string RevisionAlertKind = "catalog-revision";

    public static IReadOnlySet<string> RiskLevels { get; } = new HashSet<string>(StringComparer.Ordinal) { "A", "B", "C" };

    /// <summary>The error every refused item gets: every problem, per field.</summary>
    public static DomainError Invalid(IReadOnlyDictionary<string, List<string>> errors) =>
        DomainError.Validation(
            InvalidItemCode,
            "权力事项信息不完整或不符合规定",
            string.Join("; ", errors.SelectMany(e => e.Value.Select(v => $"{e.Key}: {v}"))),
            errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));

    /// <summary>What even a draft needs: a code usable as a key, a name, a department.</summary>
    public static Dictionary<string, List<string>> CheckDraft(PowerItem item)
    {
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        CodeIsWellFormed(item, errors);
        if (string.IsNullOrWhiteSpace(item.Name) || item.Name.Length > 200)
        {
            Add(errors, "name", "事项名称不能为空，且不超过200字");
        }

        if (item.Department is null || string.IsNullOrWhiteSpace(item.Department.Code) || !DepartmentCodePattern().IsMatch(item.Department.Code))
        {
            Add(errors, "department.code", "实施主体编码不能为空（字母、数字、短横线，不超过32位）");
        }

        if (item.Department is null || string.IsNullOrWhiteSpace(item.Department.Name))
        {
            Add(errors, "department.name", "实施主体名称不能为空");
        }

        return errors;
    }

    /// <summary>Every rule, for publishing.</summary>
    public static Dictionary<string, List<string>> CheckForPublishing(PowerItem item)
    {
        var errors = CheckDraft(item);
        KindIsKnown(item, errors);
        LegalBasisRequired(item, errors);
        PromisedWithinLegal(item, errors);
        HandlingTypeFitsLimit(item, errors);
        StageLimitsFitPromised(item, errors);
        FlowchartIsWellFormed(item, errors);
        MaterialsAreListed(item, errors);
        LicensingStatesConditions(item, errors);
        FeesHaveBasis(item, errors);
        ExcludedProceduresAreStatutory(item, errors);
        ExpertReviewNamesItsField(item, errors);
        DiscretionNeedsSubstantiveReview(item, errors);
        ConfidentialStatesBasis(item, errors);
        JointHandlingIsWellFormed(item, errors);
        RiskLevelIsGraded(item, errors);
        ChannelsAndRightsArePublished(item, errors);
        DiscretionBenchmarkRules.Check(item, errors);
        return errors;
    }

    /// <summary>A code is 2–64 letters, digits, dashes or underscores (it is a storage key and part of URLs).</summary>
    public static void CodeIsWellFormed(PowerItem item, Dictionary<string, List<string>> errors)
    {
        if (string.IsNullOrWhiteSpace(item.Code) || !CodePattern().IsMatch(item.Code))
        {
            Add(errors, "code", "事项编码须为2至64位字母、数字、短横线或下划线");
        }
    }

    /// <summary>The kind is one of the eleven. Source: 郑州/河南 权力清单 分类 (GLOSSARY.md).</summary>
    public static void KindIsKnown(PowerItem item, Dictionary<string, List<string>> errors)
    {
        if (!PowerKinds.IsKnown(item.Kind))
        {
            Add(errors, "kind", $"未知的权力类别“{item.Kind}”，须为: {string.Join(", ", PowerKinds.All.Select(k => k.Key))}");
        }
    }

    /// <summary>
    /// A power with no legal basis may not be exercised; each basis names the law, the article and the text.
    /// Source: seed 001 §四(一)4; seed 002 “法无授权不可为”.
    /// </summary>
    public static void LegalBasisRequired(PowerItem item, Dictionary<string, List<string>> errors)
    {
        if (item.LegalBases.Count == 0)
        {
            Add(errors, "legalBases", "没有法律依据的权力不得行使（法无授权不可为），至少须有一项设定依据");
            return;
        }

        for (var i = 0; i < item.LegalBases.Count; i++)
        {
            var basis = item.LegalBases[i];
            if (basis is null || string.IsNullOrWhiteSpace(basis.Law))
            {
                Add(errors, $"legalBases[{i}].law", "须写明法律法规名称");
            }

            if (basis is null || string.IsNullOrWhiteSpace(basis.Article))
            {
                Add(errors, $"legalBases[{i}].article", "须写明条款");
            }

            if (basis is null || string.IsNullOrWhiteSpace(basis.Text))
            {
                Add(errors, $"legalBases[{i}].text", "须引用条文内容");
            }
        }
    }

    /// <summary>
    /// The promised limit is no longer than the legal one, in the same unit, and limits are not negative.
    /// Source: 行政许可法 第四十二条 (statutory limit); seed 001 (承诺时限 短于法定时限).
    /// </summary>
    public static void PromisedWithinLegal(PowerItem item, Dictionary<string, List<string>> errors)
    {
        if (item.LegalLimit is null || item.LegalLimit.Days < 0)
        {
            Add(errors, "legalLimit", "须写明法定时限（天数不能为负）");
        }

        if (item.PromisedLimit is null || item.PromisedLimit.Days < 0)
        {
            Add(errors, "promisedLimit", "须写明承诺时限（天数不能为负）");
        }

        if (item.LegalLimit is null || item.PromisedLimit is null)
        {
            return;
        }

        if (item.LegalLimit.Unit != item.PromisedLimit.Unit)
        {
            Add(errors, "promisedLimit.unit", "承诺时限与法定时限须使用同一计算单位");
        }
        else if (item.PromisedLimit.Days > item.LegalLimit.Days)
        {
            Add(errors, "promisedLimit", $"承诺时限（{item.PromisedLimit.Days}天）不得超过法定时限（{item.LegalLimit.Days}天）");
        }
    }

    /// <summary>
    /// 即办件 are decided on the spot (promised limit 0) and cannot wait for experts or a meeting;
    /// 承诺件 promise at least one day. Source: seed 000 §5 (即办件/承诺件).
    /// </summary>
    public static void HandlingTypeFitsLimit(PowerItem item, Dictionary<string, List<string>> errors)
    {
        if (item.PromisedLimit is null)
        {
            return;
        }

        if (item.HandlingType == HandlingType.Immediate)
        {
            if (item.PromisedLimit.Days != 0)
            {
                Add(errors, "promisedLimit", "即办件当场办结，承诺时限应为0天");
            }

            if (item.ExpertReview || item.CollectiveDecision)
            {
                Add(errors, "handlingType", "需专家评审或集体讨论的事项不能作为即办件");
            }

            if (item.JointHandling is not null)
            {
                Add(errors, "handlingType", "联合审批事项不能作为即办件");
            }
        }
        else if (item.PromisedLimit.Days < 1)
        {
            Add(errors, "promisedLimit", "承诺件的承诺时限至少为1天");
        }
    }

    /// <summary>
    /// The stage limits (受理、审查、决定、公示、送达) are not negative and add up within the promised limit.
    /// Source: seed 001 (各环节时限 控制在承诺时限内).
    /// </summary>
    public static void StageLimitsFitPromised(PowerItem item, Dictionary<string, List<string>> errors)
    {
        if (item.StageLimits is null)
        {
            Add(errors, "stageLimits", "须写明各环节时限");
            return;
        }

        foreach (var (stage, days) in item.StageLimits.Stages())
        {
            if (days < 0)
            {
                Add(errors, $"stageLimits.{stage}", "环节时限不能为负");
            }
        }

        if (item.PromisedLimit is not null && item.StageLimits.Sum() > item.PromisedLimit.Days)
        {
            Add(errors, "stageLimits", $"各环节时限之和（{item.StageLimits.Sum()}天）超过承诺时限（{item.PromisedLimit.Days}天）");
        }

        if (item.Flowchart is { Stages.Count: > 0 } chart && item.PromisedLimit is not null)
        {
            var longest = LongestPath(chart);
            if (longest > item.PromisedLimit.Days)
            {
                Add(errors, "flowchart", $"流程图中最长路径的环节时限之和（{longest}天）超过承诺时限（{item.PromisedLimit.Days}天）");
            }
        }
    }

    /// <summary>
    /// The flowchart has a start, unique stage ids, arrows only to existing stages, every stage
    /// reachable from the start, at least one end, and from every stage an end can be reached.
    /// Source: seed 001 (权力运行流程图: 每项权力 一图一表).
    /// </summary>
    public static void FlowchartIsWellFormed(PowerItem item, Dictionary<string, List<string>> errors)
    {
        var chart = item.Flowchart;
        if (chart is null || chart.Stages.Count == 0)
        {
            Add(errors, "flowchart", "须有运行流程图（至少一个环节）");
            return;
        }

        foreach (var duplicate in chart.Stages.GroupBy(s => s.Id, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            Add(errors, "flowchart.stages", $"环节编号“{duplicate.Key}”重复");
        }

        for (var i = 0; i < chart.Stages.Count; i++)
        {
            var stage = chart.Stages[i];
            if (string.IsNullOrWhiteSpace(stage.Id) || string.IsNullOrWhiteSpace(stage.Name))
            {
                Add(errors, $"flowchart.stages[{i}]", "环节须有编号和名称");
            }

            if (string.IsNullOrWhiteSpace(stage.Post))
            {
                Add(errors, $"flowchart.stages[{i}].post", $"环节“{stage.Name}”须写明承办岗位");
            }

            if (stage.LimitDays < 0)
            {
                Add(errors, $"flowchart.stages[{i}].limitDays", "环节时限不能为负");
            }

            foreach (var next in stage.Next ?? [])
            {
                if (chart.Find(next) is null)
                {
                    Add(errors, $"flowchart.stages[{i}].next", $"环节“{stage.Name}”指向不存在的环节“{next}”");
                }
            }
        }

        if (chart.Find(chart.Start) is null)
        {
            Add(errors, "flowchart.start", $"起始环节“{chart.Start}”不存在");
            return;
        }

        var reachable = chart.Reachable();
        foreach (var stage in chart.Stages.Where(s => !reachable.Contains(s.Id)))
        {
            Add(errors, "flowchart", $"环节“{stage.Name}”（{stage.Id}）从起始环节无法到达");
        }

        if (!chart.Ends().Any(e => reachable.Contains(e.Id)))
        {
            Add(errors, "flowchart", "流程图没有结束环节（没有后续环节的环节）");
            return;
        }

        var canFinish = CanReachEnd(chart);
        foreach (var stage in chart.Stages.Where(s => reachable.Contains(s.Id) && !canFinish.Contains(s.Id)))
        {
            Add(errors, "flowchart", $"环节“{stage.Name}”（{stage.Id}）无法到达结束环节（死循环）");
        }
    }

    /// <summary>
    /// The material list is published in full: unique codes, names, at least one copy; a licensing item lists at least one material.
    /// Source: 行政许可法 第三十条 (公示 需要提交的全部材料的目录); 第三十一条.
    /// </summary>
    public static void MaterialsAreListed(PowerItem item, Dictionary<string, List<string>> errors)
    {
        if (item.Kind == PowerKinds.Licensing && item.Materials.Count == 0)
        {
            Add(errors, "materials", "行政许可事项须公示申请材料目录");
        }

        foreach (var duplicate in item.Materials.GroupBy(m => m.Code, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            Add(errors, "materials", $"材料编码“{duplicate.Key}”重复");
        }

        for (var i = 0; i < item.Materials.Count; i++)
        {
            var material = item.Materials[i];
            if (string.IsNullOrWhiteSpace(material.Code))
            {
                Add(errors, $"materials[{i}].code", "材料须有编码");
            }

            if (string.IsNullOrWhiteSpace(material.Name))
            {
                Add(errors, $"materials[{i}].name", "材料须有名称");
            }

            if (material.Copies < 1)
            {
                Add(errors, $"materials[{i}].copies", "材料份数至少为1");
            }
        }
    }

    /// <summary>A licensing item publishes its conditions (申请条件). Source: 行政许可法 第三十条.</summary>
    public static void LicensingStatesConditions(PowerItem item, Dictionary<string, List<string>> errors)
    {
        if (item.Kind == PowerKinds.Licensing && item.Conditions.Count == 0)
        {
            Add(errors, "conditions", "行政许可事项须公示申请条件");
        }
    }

    /// <summary>
    /// An item is either free or lists its fees, each with its standard and the law that allows it.
    /// Source: 行政许可法 第五十八条 (不得收取任何费用，法律、行政法规另有规定的除外；按公布的法定项目和标准收费).
    /// </summary>
    public static void FeesHaveBasis(PowerItem item, Dictionary<string, List<string>> errors)
    {
        if (item.Free && item.Fees.Count > 0)
        {
            Add(errors, "fees", "标明不收费的事项不能列出收费项目");
        }

        if (!item.Free && item.Fees.Count == 0)
        {
            Add(errors, "fees", "收费事项须列出收费项目、标准和依据");
        }

        for (var i = 0; i < item.Fees.Count; i++)
        {
            var fee = item.Fees[i];
            if (string.IsNullOrWhiteSpace(fee.Item) || string.IsNullOrWhiteSpace(fee.Standard))
            {
                Add(errors, $"fees[{i}]", "须写明收费项目和标准");
            }

            if (string.IsNullOrWhiteSpace(fee.Basis))
            {
                Add(errors, $"fees[{i}].basis", "收费须有法律、行政法规依据");
            }
        }
    }

    /// <summary>
    /// Only hearing, bidding, auction, testing, inspection, quarantine, appraisal and expert review
    /// are left out of the limit; an item that requires expert review excludes its time.
    /// Source: 行政许可法 第四十五条.
    /// </summary>
    public static void ExcludedProceduresAreStatutory(PowerItem item, Dictionary<string, List<string>> errors)
    {
        foreach (var procedure in item.ExcludedProcedures.Where(p => ApiCode<SuspensionReason>.Parse(p) is null))
        {
            Add(errors, "excludedProcedures", $"“{procedure}”不是法定可不计入时限的程序（{string.Join(", ", ApiCode<SuspensionReason>.Codes)}）");
        }

        if (item.ExpertReview && !item.ExcludedProcedures.Contains(ApiCode<SuspensionReason>.Of(SuspensionReason.ExpertReview)))
        {
            Add(errors, "excludedProcedures", "需专家评审的事项须将专家评审（expert-review）列为不计入时限的程序");
        }
    }

    /// <summary>
    /// Matters that go to experts or to a collective meeting are discretionary: they are reviewed
    /// substantively, by A角 and B角. Source: seed 000 §5(二)6, §5(三)1.
    /// </summary>
    public static void DiscretionNeedsSubstantiveReview(PowerItem item, Dictionary<string, List<string>> errors)
    {
        if ((item.ExpertReview || item.CollectiveDecision) && item.ReviewMode != ReviewMode.Substantive)
        {
            Add(errors, "reviewMode", "需专家评审或集体讨论决定的事项须实行实质审查（A角、B角）");
        }
    }

    /// <summary>
    /// Approvals are posted for a week; an item that is not, states why; a 涉密 item is never posted.
    /// Source: seed 000 §5(二)7; seed 001 §四(一)3.
    /// </summary>
    public static void ConfidentialStatesBasis(PowerItem item, Dictionary<string, List<string>> errors)
    {
        if ((!item.Publicised || item.Confidential) && string.IsNullOrWhiteSpace(item.ConfidentialityBasis))
        {
            Add(errors, "confidentialityBasis", "不予公示的事项须写明不公示的依据（国家秘密、商业秘密或个人隐私）");
        }

        if (item.Confidential && item.Publicised)
        {
            Add(errors, "publicised", "涉密事项不得公示");
        }
    }

    /// <summary>
    /// An item that requires an expert review names the field of the expert register its experts are
    /// drawn from (专家库 管用分离: the draw takes the register's available experts of that field).
    /// Source: seed 000 §5(三)2; seed 000 配套2.
    /// </summary>
    public static void ExpertReviewNamesItsField(PowerItem item, Dictionary<string, List<string>> errors)
    {
        if (item.ExpertReview && string.IsNullOrWhiteSpace(item.ExpertField))
        {
            Add(errors, "expertField", "需专家评审的事项须写明专家库的专业领域");
        }
    }

    /// <summary>
    /// Joint handling: the lead is the item's own department (it receives and delivers); at least one
    /// other department gives an opinion, each named once, with its own limit of at least one working
    /// day within the promised limit; the statutory limit is at most 45 working days.
    /// Source: 行政许可法 第二十六条, 第四十二条第二款.
    /// </summary>
    public static void JointHandlingIsWellFormed(PowerItem item, Dictionary<string, List<string>> errors)
    {
        if (item.JointHandling is not { } joint)
        {
            return;
        }

        if (!string.Equals(joint.Lead, item.Department?.Code, StringComparison.Ordinal))
        {
            Add(errors, "jointHandling.lead", "联合审批的牵头部门须为本事项的实施主体（统一受理、统一送达）");
        }

        if (joint.Departments.Count == 0)
        {
            Add(errors, "jointHandling.departments", "联合审批须列明提出意见的其他部门");
        }

        foreach (var duplicate in joint.Departments.GroupBy(d => d.Code, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            Add(errors, "jointHandling.departments", $"部门“{duplicate.Key}”重复");
        }

        for (var i = 0; i < joint.Departments.Count; i++)
        {
            var d = joint.Departments[i];
            if (string.IsNullOrWhiteSpace(d.Code) || !DepartmentCodePattern().IsMatch(d.Code) || string.IsNullOrWhiteSpace(d.Name))
            {
                Add(errors, $"jointHandling.departments[{i}]", "须写明部门编码和名称");
            }
            else if (string.Equals(d.Code, joint.Lead, StringComparison.Ordinal))
            {
                Add(errors, $"jointHandling.departments[{i}]", "牵头部门不另行提出意见");
            }

            if (d.LimitDays < 1 || (item.PromisedLimit is not null && d.LimitDays > item.PromisedLimit.Days))
            {
                Add(errors, $"jointHandling.departments[{i}].limitDays", $"部门意见时限须在 1 至承诺时限（{item.PromisedLimit?.Days}天）之间");
            }
        }

        if (item.LegalLimit is { } legal && (legal.Unit != LimitUnit.Working || legal.Days > JointLegalWorkingDays))
        {
            Add(errors, "legalLimit", $"联合办理的法定时限为 {JointLegalWorkingDays} 个工作日以内");
        }
    }

    /// <summary>Every power carries a 廉政风险等级 A, B or C. Source: seed 001 (廉政风险点 排查 分级).</summary>
    public static void RiskLevelIsGraded(PowerItem item, Dictionary<string, List<string>> errors)
    {
        if (!RiskLevels.Contains(item.RiskLevel ?? string.Empty))
        {
            Add(errors, "riskLevel", "廉政风险等级须为A、B或C");
        }
    }

    /// <summary>
    /// The guide tells where to complain and who supervises, and what rights the counterpart has; at least one responsible post is named.
    /// Source: seed 001 (权力运行 十一要素: 监督渠道、投诉渠道、相对人权利、责任岗位).
    /// </summary>
    public static void ChannelsAndRightsArePublished(PowerItem item, Dictionary<string, List<string>> errors)
    {
        if (item.ResponsiblePosts.Count == 0)
        {
            Add(errors, "responsiblePosts", "须写明责任岗位");
        }

        if (item.SupervisionChannels.Count == 0)
        {
            Add(errors, "supervisionChannels", "须公布监督渠道");
        }

        if (item.ComplaintChannels.Count == 0)
        {
            Add(errors, "complaintChannels", "须公布投诉渠道");
        }

        if (item.CounterpartRights.Count == 0)
        {
            Add(errors, "counterpartRights", "须告知行政相对人享有的权利");
        }
    }

    /// <summary>
    /// A change to an item's legal basis must be reflected in the entry within 7 days, and in its
    /// flowchart within 20 working days. Convention: a period starts the day after the change
    /// (民法典 第二百零一条); the 7 days are calendar days and a last day that is not a working day
    /// rolls to the next working day (民法典 第二百零三条); provisional when the calendar year is not loaded.
    /// Source: seed 002 第十条 (7日内调整); seed 001 (流程图 20个工作日内调整).
    /// </summary>
    public static BasisChange RevisionDeadlines(DateOnly changedOn, string description, IWorkingCalendar calendar)
    {
        var entry = RevisionPeriod(changedOn).DueUnder(calendar);
        var flowchart = FlowchartRevisionPeriod(changedOn).DueUnder(calendar);
        return new BasisChange(changedOn, description, entry.Date, flowchart.Date, entry.Provisional || flowchart.Provisional);
    }

    /// <summary>The entry's revision period: 7 calendar days from the change. Source: seed 002 第十条.</summary>
    public static DeadlinePeriod RevisionPeriod(DateOnly changedOn) => new(changedOn, RevisionDays, PeriodUnit.Calendar);

    /// <summary>The flowchart's revision period: 20 working days from the change. Source: seed 001.</summary>
    public static DeadlinePeriod FlowchartRevisionPeriod(DateOnly changedOn) => new(changedOn, FlowchartRevisionWorkingDays, PeriodUnit.Working);

    /// <summary>
    /// When the red alert of an unrevised entry is due: the end (China) of its revision deadline; null
    /// when no legal-basis change is pending. Raised once (one alert per item and kind), and only if the
    /// change is still pending then. Source: seed 002 第十条; municipal 电子监察 rules (red once expired).
    /// </summary>
    public static DateTimeOffset? RevisionAlertAt(PowerItem item) =>
        item.PendingBasisChange is { } pending ? AlertRules.RedFrom(pending.RevisionDue) : null;

    private static int LongestPath(Flowchart chart)
    {
        var memo = new Dictionary<string, int>(StringComparer.Ordinal);
        var visiting = new HashSet<string>(StringComparer.Ordinal);

        int Walk(string id)
        {
            if (memo.TryGetValue(id, out var known))
            {
                return known;
            }

            var stage = chart.Find(id);
            if (stage is null || !visiting.Add(id))
            {
                return 0; // unknown or a loop: reported by the flowchart rule
            }

            var best = Math.Max(0, stage.LimitDays) + (stage.Next.Count == 0 ? 0 : stage.Next.Max(Walk));
            visiting.Remove(id);
            memo[id] = best;
            return best;
        }

        return chart.Find(chart.Start) is null ? 0 : Walk(chart.Start);
    }

    private static HashSet<string> CanReachEnd(Flowchart chart)
    {
        var done = new HashSet<string>(chart.Ends().Select(e => e.Id), StringComparer.Ordinal);
        bool changed;
        do
        {
            changed = false;
            foreach (var stage in chart.Stages.Where(s => !done.Contains(s.Id) && s.Next.Any(done.Contains)))
            {
                done.Add(stage.Id);
                changed = true;
            }
        }
        while (changed);
        return done;
    }

    private static void Add(Dictionary<string, List<string>> errors, string field, string message)
    {
        if (!errors.TryGetValue(field, out var list))
        {
            errors[field] = list = [];
        }

        list.Add(message);
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]{1,63}$")]
    private static partial Regex CodePattern();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$")]
    private static partial Regex DepartmentCodePattern();
}
