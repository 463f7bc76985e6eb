using PowerFunctions.Domain.Calendar;
using PowerFunctions.Domain.Common;

namespace PowerFunctions.Domain.Catalog;

/// <summary>
/// One version of an administrative power in the catalog (权力事项): everything a citizen needs to
/// use it (the service guide) and everything a supervisor needs to hold it to account. Immutable:
/// every transition returns a new value. Life cycle: draft → published → revised (a new version
/// draft, published in its turn; the old version becomes <see cref="ItemStatus.Superseded"/> and
/// stays readable) → abolished. The rules checked on publishing live in <see cref="PowerItemRules"/>.
/// </summary>
public sealed record PowerItem
{
    public required string Code { get; init; }

    public required string Name { get; init; }

    /// <summary>API code of the kind (<see cref="PowerKinds"/>); a string so that an unknown kind is reported with every other problem.</summary>
    public required string Kind { get; init; }

    public required Department Department { get; init; }

    public IReadOnlyList<ResponsiblePost> ResponsiblePosts { get; init; } = [];

    public IReadOnlyList<LegalBasis> LegalBases { get; init; } = [];

    /// <summary>受理条件 / 申请条件.</summary>
    public IReadOnlyList<string> Conditions { get; init; } = [];

    /// <summary>审查标准.</summary>
    public IReadOnlyList<string> ReviewStandards { get; init; } = [];

    public IReadOnlyList<Material> Materials { get; init; } = [];

    /// <summary>True when nothing is charged (行政许可法 第五十八条: no fee unless a law or administrative regulation sets one).</summary>
    public bool Free { get; init; } = true;

    public IReadOnlyList<Fee> Fees { get; init; } = [];

    public HandlingType HandlingType { get; init; } = HandlingType.Promised;

    public TimeLimit LegalLimit { get; init; } = TimeLimit.WorkingDays(20);

    public TimeLimit PromisedLimit { get; init; } = TimeLimit.WorkingDays(20);

    public StageLimits StageLimits { get; init; } = StageLimits.None;

    /// <summary>Procedures not counted in the limit (行政许可法 第四十五条), as the case API's suspension reasons: expert-review, testing, …</summary>
    public IReadOnlyList<string> ExcludedProcedures { get; init; } = [];

    public ReviewMode ReviewMode { get; init; } = ReviewMode.Formal;

    /// <summary>Approvals are posted for 7 cd (seed 000 §5(二)7); false for a confidential item, which states <see cref="ConfidentialityBasis"/>.</summary>
    public bool Publicised { get; init; } = true;

    public string? ConfidentialityBasis { get; init; }

    /// <summary>
    /// 涉密: the power itself is kept out of the public catalog and every public list (publicity,
    /// results); only staff of its department and supervisors see it (<see cref="CatalogVisibility"/>).
    /// A confidential item is never publicised and states its <see cref="ConfidentialityBasis"/>.
    /// Source: seed 001 §四(一)3.
    /// </summary>
    public bool Confidential { get; init; }

    public bool ExpertReview { get; init; }

    /// <summary>The field (专业领域) of the expert register experts are drawn from, for an item that requires an expert review.</summary>
    public string? ExpertField { get; init; }

    public bool CollectiveDecision { get; init; }

    /// <summary>现场核查: a site inspection by two or more staff with a signed record must precede the decision. Source: seed 000 §5(二)6.</summary>
    public bool SiteInspection { get; init; }

    /// <summary>接办分离: whoever accepts a case may not review it.</summary>
    public bool SeparateAcceptance { get; init; }

    /// <summary>联合审批: the lead department and the departments giving opinions; null when one department handles the item alone (行政许可法 第二十六条, 第四十二条第二款).</summary>
    public JointHandling? JointHandling { get; init; }

    /// <summary>廉政风险等级 A (high), B or C.</summary>
    public string RiskLevel { get; init; } = "C";

    public Flowchart Flowchart { get; init; } = Flowchart.Empty;

    public IReadOnlyList<Channel> SupervisionChannels { get; init; } = [];

    public IReadOnlyList<Channel> ComplaintChannels { get; init; } = [];

    /// <summary>行政相对人的权利: statement, defence, hearing, review, litigation, compensation …</summary>
    public IReadOnlyList<string> CounterpartRights { get; init; } = [];

    /// <summary>
    /// A penalty item's discretion benchmark (裁量基准: tiers, first-offence allowance, the major and
    /// hearing thresholds); required for penalty items, absent for others (<see cref="DiscretionBenchmarkRules"/>).
    /// </summary>
    public DiscretionBenchmark? Discretion { get; init; }

    // ---- life cycle ----

    public ItemStatus Status { get; init; } = ItemStatus.Draft;

    /// <summary>1 for the first version; every revision of a published item is the next number.</summary>
    public int Version { get; init; } = 1;

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public DateTimeOffset? PublishedAt { get; init; }

    public DateTimeOffset? AbolishedAt { get; init; }

    public string? AbolishReason { get; init; }

    /// <summary>The last change of the legal basis that this item has not yet answered with a published revision.</summary>
    public BasisChange? PendingBasisChange { get; init; }

    /// <summary>By when the entry must be revised (seed 002 第十条), while a legal-basis change is pending.</summary>
    public DateOnly? RevisionDue => PendingBasisChange?.RevisionDue;

    /// <summary>A new draft (version 1) from the submitted content; only what a draft cannot do without is checked here.</summary>
    public static Result<PowerItem> CreateDraft(PowerItem content, DateTimeOffset now)
    {
        var errors = PowerItemRules.CheckDraft(content);
        if (errors.Count > 0)
        {
            return PowerItemRules.Invalid(errors);
        }

        return content with
        {
            Status = ItemStatus.Draft,
            Version = 1,
            CreatedAt = now,
            UpdatedAt = now,
            PublishedAt = null,
            AbolishedAt = null,
            AbolishReason = null,
            PendingBasisChange = null,
        };
    }

    /// <summary>
    /// Edits this version: a draft is edited in place (same version); a published item gets a new
    /// revision draft (version + 1) while the published version stays in force until the draft is
    /// published. Abolished and superseded versions cannot be edited. Code and department stay.
    /// </summary>
    public Result<PowerItem> Edit(PowerItem content, DateTimeOffset now)
    {
        if (Status is ItemStatus.Abolished or ItemStatus.Superseded)
        {
            return DomainError.Conflict("catalog.item_not_editable", "该事项已废止或已被新版本取代，不能修改", $"version {Version} is {Status.ToString().ToLowerInvariant()}");
        }

        if (!string.Equals(content.Department.Code, Department.Code, StringComparison.Ordinal))
        {
            return PowerItemRules.Invalid(new Dictionary<string, List<string>> { ["department.code"] = ["实施主体不能通过修改事项变更，请废止后重新创建"] });
        }

        var errors = PowerItemRules.CheckDraft(content with { Code = Code });
        if (errors.Count > 0)
        {
            return PowerItemRules.Invalid(errors);
        }

        return content with
        {
            Code = Code,
            Status = ItemStatus.Draft,
            Version = Status == ItemStatus.Draft ? Version : Version + 1,
            CreatedAt = Status == ItemStatus.Draft ? CreatedAt : now,
            UpdatedAt = now,
            PublishedAt = null,
            AbolishedAt = null,
            AbolishReason = null,
            PendingBasisChange = PendingBasisChange,
        };
    }

    /// <summary>Publishes a draft after checking every rule of <see cref="PowerItemRules"/>; refused with every problem at once. Publishing answers any pending legal-basis change.</summary>
    public Result<PowerItem> Publish(DateTimeOffset now)
    {
        if (Status != ItemStatus.Draft)
        {
            return DomainError.Conflict("catalog.not_a_draft", "只有草稿可以发布", $"version {Version} is {Status.ToString().ToLowerInvariant()}");
        }

        var errors = PowerItemRules.CheckForPublishing(this);
        if (errors.Count > 0)
        {
            return PowerItemRules.Invalid(errors);
        }

        return this with { Status = ItemStatus.Published, PublishedAt = now, UpdatedAt = now, PendingBasisChange = null };
    }

    /// <summary>This published version, replaced by a newer published revision: kept and readable.</summary>
    public PowerItem Supersede(DateTimeOffset now) =>
        Status == ItemStatus.Published ? this with { Status = ItemStatus.Superseded, UpdatedAt = now } : this;

    /// <summary>Abolishes the published item (废止), with the reason made public.</summary>
    public Result<PowerItem> Abolish(string? reason, DateTimeOffset now)
    {
        if (Status != ItemStatus.Published)
        {
            return DomainError.Conflict("catalog.not_published", "只有已发布的事项可以废止", $"version {Version} is {Status.ToString().ToLowerInvariant()}");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return PowerItemRules.Invalid(new Dictionary<string, List<string>> { ["reason"] = ["废止须说明理由"] });
        }

        return this with { Status = ItemStatus.Abolished, AbolishedAt = now, UpdatedAt = now, AbolishReason = reason.Trim() };
    }

    /// <summary>
    /// Records that the law this item rests on changed on <paramref name="changedOn"/>: the entry must
    /// be revised within 7 days and the flowchart within 20 working days (<see cref="PowerItemRules.RevisionDeadlines"/>).
    /// An earlier pending change keeps its (earlier) deadline.
    /// </summary>
    public Result<PowerItem> RecordBasisChange(DateOnly changedOn, string? description, IWorkingCalendar calendar, DateTimeOffset now)
    {
        if (Status is ItemStatus.Abolished or ItemStatus.Superseded)
        {
            return DomainError.Conflict("catalog.item_not_editable", "该事项已废止或已被新版本取代", $"version {Version} is {Status.ToString().ToLowerInvariant()}");
        }

        if (string.IsNullOrWhiteSpace(description))
        {
            return PowerItemRules.Invalid(new Dictionary<string, List<string>> { ["description"] = ["须说明法律依据的变化"] });
        }

        if (changedOn > Common.ChinaTime.DateOf(now))
        {
            return PowerItemRules.Invalid(new Dictionary<string, List<string>> { ["changedOn"] = ["变化日期不能晚于今天"] });
        }

        if (PendingBasisChange is { } pending && pending.ChangedOn <= changedOn)
        {
            return this with { UpdatedAt = now };
        }

        return this with { PendingBasisChange = PowerItemRules.RevisionDeadlines(changedOn, description.Trim(), calendar), UpdatedAt = now };
    }

    /// <summary>
    /// This item with the deadlines of its pending legal-basis change computed again under
    /// <paramref name="calendar"/> (a changed official schedule), or null when they stay where they are.
    /// Source: seed 002 第十条; seed 001; the rule of <see cref="Deadlines.DeadlineRedating"/>.
    /// </summary>
    public PowerItem? RedateRevision(IWorkingCalendar calendar)
    {
        if (PendingBasisChange is not { } pending)
        {
            return null;
        }

        var redated = PowerItemRules.RevisionDeadlines(pending.ChangedOn, pending.Description, calendar);
        return redated == pending ? null : this with { PendingBasisChange = redated };
    }

    /// <summary>True when a legal-basis change is pending past its 7-day revision deadline on <paramref name="today"/>.</summary>
    public bool IsRevisionOverdue(DateOnly today) => PendingBasisChange is { } p && today > p.RevisionDue;

    /// <summary>The problems that would stop this version from being published (empty when it may be).</summary>
    public IReadOnlyDictionary<string, string[]> PublishingProblems() =>
        PowerItemRules.CheckForPublishing(this).ToDictionary(e => e.Key, e => e.Value.ToArray());

    /// <summary>What a case needs of this item, frozen into the case when it is received.</summary>
    public ItemTerms ToTerms() => new()
    {
        ItemCode = Code,
        ItemVersion = Version,
        ItemName = Name,
        DepartmentCode = Department.Code,
        DepartmentName = Department.Name,
        Kind = Kind,
        Immediate = HandlingType == HandlingType.Immediate,
        PromisedWorkingDays = PromisedLimit.Days,
        LegalWorkingDays = LegalLimit.Days,
        LimitUnit = PromisedLimit.Unit,
        StageLimits = StageLimits,
        Substantive = ReviewMode == ReviewMode.Substantive,
        Publicised = Publicised && !Confidential,
        Confidential = Confidential,
        ExpertReview = ExpertReview,
        ExpertField = ExpertField,
        CollectiveDecision = CollectiveDecision,
        SiteInspection = SiteInspection,
        SeparateAcceptance = SeparateAcceptance,
        JointHandling = JointHandling,
        Materials = Materials.Select(m => new MaterialTerm(m.Code, m.Name, m.Required)).ToList(),
    };
}
