namespace PowerFunctions.Domain.Catalog;

/// <summary>
/// The publishing rules of a penalty item's discretion benchmark (<see cref="DiscretionBenchmark"/>),
/// each in one method with its source. <see cref="PowerItemRules.CheckForPublishing"/> runs them with
/// every other rule and reports every problem at once, under the field <c>discretion…</c>.
/// </summary>
public static class DiscretionBenchmarkRules
{
    /// <summary>The circumstances every benchmark has a tier for, lightest first. Source: 国办发〔2022〕27号 (从轻、一般、从重 档次).</summary>
    public static IReadOnlyList<Circumstance> TieredCircumstances { get; } = [Circumstance.Minor, Circumstance.Ordinary, Circumstance.Serious];

    /// <summary>Runs every rule below.</summary>
    public static void Check(PowerItem item, Dictionary<string, List<string>> errors)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(errors);
        if (!BenchmarkMatchesKind(item, errors) || item.Discretion is not { } benchmark)
        {
            return;
        }

        SourceIsPublished(benchmark, errors);
        LegalRangeIsStated(benchmark, errors);
        TiersCoverEveryCircumstance(benchmark, errors);
        TiersStayWithinTheLaw(benchmark, errors);
        TiersRiseWithCircumstance(benchmark, errors);
        ThresholdsAreStated(benchmark, errors);
    }

    /// <summary>
    /// A penalty item publishes its discretion benchmark; other kinds carry none (the benchmark here is
    /// the penalty's). Answers whether there is a benchmark to check further.
    /// Source: 行政处罚法 第三十四条; 国办发〔2022〕27号.
    /// </summary>
    public static bool BenchmarkMatchesKind(PowerItem item, Dictionary<string, List<string>> errors)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item.Kind == PowerKinds.Penalty && item.Discretion is null)
        {
            Add(errors, "discretion", "行政处罚事项须公布裁量基准（行政处罚法第三十四条）");
            return false;
        }

        if (item.Kind != PowerKinds.Penalty && item.Discretion is not null)
        {
            Add(errors, "discretion", "裁量基准（处罚种类和幅度）只适用于行政处罚事项");
            return false;
        }

        return item.Discretion is not null;
    }

    /// <summary>The benchmark names where it is published. Source: 行政处罚法 第三十四条 (裁量基准应当向社会公布).</summary>
    public static void SourceIsPublished(DiscretionBenchmark benchmark, Dictionary<string, List<string>> errors)
    {
        if (string.IsNullOrWhiteSpace(benchmark.Source))
        {
            Add(errors, "discretion.source", "须写明裁量基准的名称和公布文号");
        }
    }

    /// <summary>The statutory range of the amount is stated: 0 ≤ minimum ≤ maximum. Source: 国办发〔2022〕27号 (在法定范围内细化量化).</summary>
    public static void LegalRangeIsStated(DiscretionBenchmark benchmark, Dictionary<string, List<string>> errors)
    {
        if (benchmark.LegalMinimum < 0 || benchmark.LegalMaximum < benchmark.LegalMinimum)
        {
            Add(errors, "discretion.legalMaximum", "法定罚款幅度无效：下限不能为负，上限不能低于下限");
        }
        else if (benchmark.Tiers.Any(t => t is not null && PenaltyTypes.HasAmount(t.Type)) && benchmark.LegalMaximum <= 0)
        {
            Add(errors, "discretion.legalMaximum", "有罚款或没收档次的，须写明法定数额上限");
        }
    }

    /// <summary>One tier for each of minor, ordinary and serious; first offence is not a tier (it means no penalty). Source: 国办发〔2022〕27号.</summary>
    public static void TiersCoverEveryCircumstance(DiscretionBenchmark benchmark, Dictionary<string, List<string>> errors)
    {
        for (var i = 0; i < benchmark.Tiers.Count; i++)
        {
            if (benchmark.Tiers[i] is null)
            {
                Add(errors, $"discretion.tiers[{i}]", "不能为空");
            }
            else if (benchmark.Tiers[i].Circumstance == Circumstance.FirstOffence)
            {
                Add(errors, $"discretion.tiers[{i}].circumstance", "首违不罚不设处罚档次，以 firstOffenceNoPenalty 标明");
            }
        }

        foreach (var circumstance in TieredCircumstances)
        {
            var count = benchmark.Tiers.Count(t => t is not null && t.Circumstance == circumstance);
            if (count != 1)
            {
                Add(errors, "discretion.tiers", $"须为“{ChineseName(circumstance)}”情节设且只设一个档次");
            }
        }
    }

    /// <summary>
    /// Each tier states its conditions and stays inside the law: a monetary tier between the legal
    /// minimum and maximum with minimum ≤ maximum; any other type has no amount.
    /// Source: 国办发〔2022〕27号 (不得超出法定的种类和幅度).
    /// </summary>
    public static void TiersStayWithinTheLaw(DiscretionBenchmark benchmark, Dictionary<string, List<string>> errors)
    {
        for (var i = 0; i < benchmark.Tiers.Count; i++)
        {
            if (benchmark.Tiers[i] is not { } tier)
            {
                continue;
            }

            if (string.IsNullOrWhiteSpace(tier.Conditions))
            {
                Add(errors, $"discretion.tiers[{i}].conditions", "须写明该档次的具体适用情形");
            }

            if (!Enum.IsDefined(tier.Type))
            {
                Add(errors, $"discretion.tiers[{i}].type", "未知的处罚种类");
                continue;
            }

            if (!PenaltyTypes.HasAmount(tier.Type))
            {
                if (tier.Minimum != 0 || tier.Maximum != 0)
                {
                    Add(errors, $"discretion.tiers[{i}]", $"{PenaltyTypes.ChineseName(tier.Type)}没有数额，上下限须为0");
                }
            }
            else if (tier.Minimum > tier.Maximum)
            {
                Add(errors, $"discretion.tiers[{i}]", "档次下限不能高于上限");
            }
            else if (tier.Minimum < benchmark.LegalMinimum || tier.Maximum > benchmark.LegalMaximum || tier.Maximum <= 0)
            {
                Add(errors, $"discretion.tiers[{i}]", $"档次须在法定幅度 {benchmark.LegalMinimum}–{benchmark.LegalMaximum} 元之内，且上限大于0");
            }
        }
    }

    /// <summary>
    /// A heavier circumstance never gets a lighter tier: the type's group (第九条) does not fall, and
    /// tiers of the same monetary type do not overlap (they may share a boundary amount).
    /// Source: 国办发〔2022〕27号 (过罚相当); 行政处罚法 第五条.
    /// </summary>
    public static void TiersRiseWithCircumstance(DiscretionBenchmark benchmark, Dictionary<string, List<string>> errors)
    {
        var ordered = TieredCircumstances.Select(benchmark.TierFor).ToArray();
        for (var k = 1; k < ordered.Length; k++)
        {
            if (ordered[k - 1] is not { } lighter || ordered[k] is not { } heavier || !Enum.IsDefined(lighter.Type) || !Enum.IsDefined(heavier.Type))
            {
                continue;
            }

            if (PenaltyTypes.Group(heavier.Type) < PenaltyTypes.Group(lighter.Type))
            {
                Add(errors, "discretion.tiers", $"“{ChineseName(heavier.Circumstance)}”档次的处罚种类轻于“{ChineseName(lighter.Circumstance)}”档次");
            }
            else if (heavier.Type == lighter.Type && PenaltyTypes.HasAmount(heavier.Type) && heavier.Minimum < lighter.Maximum)
            {
                Add(errors, "discretion.tiers", $"“{ChineseName(lighter.Circumstance)}”与“{ChineseName(heavier.Circumstance)}”档次的数额重叠（至多共用边界数额）");
            }
        }
    }

    /// <summary>
    /// Where a tier has an amount, the 较大数额 from which the party may ask for a hearing is stated for
    /// persons and for organisations (行政处罚法 第六十三条); the major-decision amount, if any, lies
    /// within the legal range (行政处罚法 第五十八条; 国办发〔2018〕118号).
    /// </summary>
    public static void ThresholdsAreStated(DiscretionBenchmark benchmark, Dictionary<string, List<string>> errors)
    {
        if (benchmark.Tiers.Any(t => t is not null && Enum.IsDefined(t.Type) && PenaltyTypes.HasAmount(t.Type)))
        {
            if (benchmark.LargeAmountForPerson is not > 0)
            {
                Add(errors, "discretion.largeAmountForPerson", "须写明对公民“较大数额”罚款的标准（听证，行政处罚法第六十三条）");
            }

            if (benchmark.LargeAmountForOrganisation is not > 0)
            {
                Add(errors, "discretion.largeAmountForOrganisation", "须写明对法人或者其他组织“较大数额”罚款的标准（听证，行政处罚法第六十三条）");
            }
        }

        if (benchmark.MajorAmount is { } major && (major <= 0 || major > benchmark.LegalMaximum))
        {
            Add(errors, "discretion.majorAmount", "重大执法决定的数额标准须大于0且不超过法定上限");
        }
    }

    /// <summary>轻微 / 一般 / 严重 / 首违.</summary>
    public static string ChineseName(Circumstance circumstance) => circumstance switch
    {
        Circumstance.FirstOffence => "初次违法",
        Circumstance.Minor => "轻微",
        Circumstance.Ordinary => "一般",
        Circumstance.Serious => "严重",
        _ => circumstance.ToString(),
    };

    private static void Add(Dictionary<string, List<string>> errors, string field, string message)
    {
        if (!errors.TryGetValue(field, out var list))
        {
            errors[field] = list = [];
        }

        list.Add(message);
    }
}
