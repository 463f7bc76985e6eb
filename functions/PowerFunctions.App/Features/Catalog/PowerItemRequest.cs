using PowerFunctions.Domain.Catalog;

namespace PowerFunctions.App.Features.Catalog;

/// <summary>
/// The body of <c>POST /api/catalog/items</c> and <c>PUT /api/catalog/items/{code}</c> (and each entry
/// of the sample catalog): the item's content, every field optional on the wire. <see cref="ToContent"/>
/// turns it into a <see cref="PowerItem"/>, reporting nulls inside lists; the domain checks the rest.
/// </summary>
public sealed class PowerItemRequest
{
    public string? Code { get; set; }

    public string? Name { get; set; }

    public string? Kind { get; set; }

    public DepartmentDto? Department { get; set; }

    public List<ResponsiblePost?>? ResponsiblePosts { get; set; }

    public List<LegalBasis?>? LegalBases { get; set; }

    public List<string?>? Conditions { get; set; }

    public List<string?>? ReviewStandards { get; set; }

    public List<MaterialDto?>? Materials { get; set; }

    public bool? Free { get; set; }

    public List<Fee?>? Fees { get; set; }

    public HandlingType? HandlingType { get; set; }

    public TimeLimitDto? LegalLimit { get; set; }

    public TimeLimitDto? PromisedLimit { get; set; }

    public StageLimitsDto? StageLimits { get; set; }

    public List<string?>? ExcludedProcedures { get; set; }

    public ReviewMode? ReviewMode { get; set; }

    public bool? Publicised { get; set; }

    public string? ConfidentialityBasis { get; set; }

    public bool? Confidential { get; set; }

    public bool? ExpertReview { get; set; }

    public string? ExpertField { get; set; }

    public bool? SiteInspection { get; set; }

    public bool? CollectiveDecision { get; set; }

    public bool? SeparateAcceptance { get; set; }

    public JointHandlingDto? JointHandling { get; set; }

    public string? RiskLevel { get; set; }

    public FlowchartDto? Flowchart { get; set; }

    public List<Channel?>? SupervisionChannels { get; set; }

    public List<Channel?>? ComplaintChannels { get; set; }

    public List<string?>? CounterpartRights { get; set; }

    /// <summary>A penalty item's discretion benchmark, read as the domain value (its publishing rules check it).</summary>
    public DiscretionBenchmark? Discretion { get; set; }

    /// <summary>The content as a domain value, or the fields that cannot be read (nulls in lists, missing numbers).</summary>
    public (PowerItem? Item, Dictionary<string, string[]> Errors) ToContent(string? codeFromRoute = null)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);

        List<T> Items<T>(List<T?>? list, string field)
            where T : class
        {
            var result = new List<T>();
            for (var i = 0; i < (list?.Count ?? 0); i++)
            {
                if (list![i] is { } value)
                {
                    result.Add(value);
                }
                else
                {
                    errors[$"{field}[{i}]"] = ["不能为空"];
                }
            }

            return result;
        }

        List<string> Texts(List<string?>? list, string field) =>
            Items(list, field).Select(s => s.Trim()).ToList();

        TimeLimit Limit(TimeLimitDto? dto, string field, TimeLimit fallback)
        {
            if (dto is null)
            {
                return fallback;
            }

            if (dto.Days is null)
            {
                errors[$"{field}.days"] = ["须写明天数"];
                return fallback;
            }

            return new TimeLimit(dto.Days.Value, dto.Unit ?? LimitUnit.Working);
        }

        var materials = new List<Material>();
        for (var i = 0; i < (Materials?.Count ?? 0); i++)
        {
            if (Materials![i] is not { } m)
            {
                errors[$"materials[{i}]"] = ["不能为空"];
                continue;
            }

            materials.Add(new Material(m.Code?.Trim() ?? string.Empty, m.Name?.Trim() ?? string.Empty, m.Required ?? true, m.Form ?? MaterialForm.Original, m.Copies ?? 1, m.FormTemplate, m.AcceptanceStandard));
        }

        var stages = new List<FlowStage>();
        for (var i = 0; i < (Flowchart?.Stages?.Count ?? 0); i++)
        {
            if (Flowchart!.Stages![i] is not { } s)
            {
                errors[$"flowchart.stages[{i}]"] = ["不能为空"];
                continue;
            }

            stages.Add(new FlowStage(s.Id ?? string.Empty, s.Name ?? string.Empty, s.Post ?? string.Empty, s.LimitDays ?? 0, Texts(s.Next, $"flowchart.stages[{i}].next")));
        }

        var item = new PowerItem
        {
            Code = (codeFromRoute ?? Code)?.Trim() ?? string.Empty,
            Name = Name?.Trim() ?? string.Empty,
            Kind = Kind?.Trim() ?? string.Empty,
            Department = new Department(Department?.Code?.Trim() ?? string.Empty, Department?.Name?.Trim() ?? string.Empty),
            ResponsiblePosts = Items(ResponsiblePosts, "responsiblePosts").Select(p => new ResponsiblePost(p.Post?.Trim() ?? string.Empty, p.Duty?.Trim() ?? string.Empty)).ToList(),
            LegalBases = Items(LegalBases, "legalBases").Select(b => new LegalBasis(b.Law?.Trim() ?? string.Empty, b.Article?.Trim() ?? string.Empty, b.Text?.Trim() ?? string.Empty)).ToList(),
            Conditions = Texts(Conditions, "conditions"),
            ReviewStandards = Texts(ReviewStandards, "reviewStandards"),
            Materials = materials,
            Free = Free ?? (Fees is not { Count: > 0 }),
            Fees = Items(Fees, "fees").Select(f => new Fee(f.Item?.Trim() ?? string.Empty, f.Standard?.Trim() ?? string.Empty, f.Basis?.Trim() ?? string.Empty)).ToList(),
            HandlingType = HandlingType ?? Domain.Catalog.HandlingType.Promised,
            LegalLimit = Limit(LegalLimit, "legalLimit", TimeLimit.WorkingDays(20)),
            PromisedLimit = Limit(PromisedLimit, "promisedLimit", TimeLimit.WorkingDays(20)),
            StageLimits = StageLimits is { } sl
                ? new StageLimits(sl.Acceptance ?? 0, sl.Review ?? 0, sl.Decision ?? 0, sl.Publicity ?? 0, sl.Delivery ?? 0)
                : Domain.Catalog.StageLimits.None,
            ExcludedProcedures = Texts(ExcludedProcedures, "excludedProcedures"),
            ReviewMode = ReviewMode ?? Domain.Catalog.ReviewMode.Formal,
            Publicised = Publicised ?? true,
            ConfidentialityBasis = string.IsNullOrWhiteSpace(ConfidentialityBasis) ? null : ConfidentialityBasis.Trim(),
            Confidential = Confidential ?? false,
            ExpertReview = ExpertReview ?? false,
            ExpertField = string.IsNullOrWhiteSpace(ExpertField) ? null : ExpertField.Trim(),
            CollectiveDecision = CollectiveDecision ?? false,
            SiteInspection = SiteInspection ?? false,
            SeparateAcceptance = SeparateAcceptance ?? false,
            JointHandling = JointHandling is { } joint
                ? new JointHandling(joint.Lead?.Trim() ?? string.Empty, Items(joint.Departments, "jointHandling.departments").Select(d => new JointDepartment(d.Code?.Trim() ?? string.Empty, d.Name?.Trim() ?? string.Empty, d.LimitDays ?? 0)).ToList())
                : null,
            RiskLevel = RiskLevel?.Trim() ?? "C",
            Flowchart = Flowchart is null ? Domain.Catalog.Flowchart.Empty : new Flowchart(Flowchart.Start?.Trim() ?? stages.FirstOrDefault()?.Id ?? string.Empty, stages),
            SupervisionChannels = Items(SupervisionChannels, "supervisionChannels").Select(Clean).ToList(),
            ComplaintChannels = Items(ComplaintChannels, "complaintChannels").Select(Clean).ToList(),
            CounterpartRights = Texts(CounterpartRights, "counterpartRights"),
            Discretion = Discretion,
        };
        return (errors.Count == 0 ? item : null, errors);
    }

    private static Channel Clean(Channel c) => new(c.Name?.Trim() ?? string.Empty, c.Contact?.Trim() ?? string.Empty);

    public sealed class DepartmentDto
    {
        public string? Code { get; set; }

        public string? Name { get; set; }
    }

    public sealed class MaterialDto
    {
        public string? Code { get; set; }

        public string? Name { get; set; }

        public bool? Required { get; set; }

        public MaterialForm? Form { get; set; }

        public int? Copies { get; set; }

        public string? FormTemplate { get; set; }

        public string? AcceptanceStandard { get; set; }
    }

    public sealed class TimeLimitDto
    {
        public int? Days { get; set; }

        public LimitUnit? Unit { get; set; }
    }

    public sealed class StageLimitsDto
    {
        public int? Acceptance { get; set; }

        public int? Review { get; set; }

        public int? Decision { get; set; }

        public int? Publicity { get; set; }

        public int? Delivery { get; set; }
    }

    /// <summary><c>{lead, departments:[{code, name, limitDays}]}</c> (行政许可法 第二十六条).</summary>
    public sealed class JointHandlingDto
    {
        public string? Lead { get; set; }

        public List<JointDepartmentDto?>? Departments { get; set; }
    }

    public sealed class JointDepartmentDto
    {
        public string? Code { get; set; }

        public string? Name { get; set; }

        public int? LimitDays { get; set; }
    }

    public sealed class FlowchartDto
    {
        public string? Start { get; set; }

        public List<FlowStageDto?>? Stages { get; set; }
    }

    public sealed class FlowStageDto
    {
        public string? Id { get; set; }

        public string? Name { get; set; }

        public string? Post { get; set; }

        public int? LimitDays { get; set; }

        public List<string?>? Next { get; set; }
    }
}
