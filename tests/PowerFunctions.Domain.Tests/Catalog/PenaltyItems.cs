using PowerFunctions.Domain.Catalog;

namespace PowerFunctions.Domain.Tests.Catalog;

/// <summary>A penalty item as the sample catalog has it (安全生产法 第九十七条第（三）项), with its discretion benchmark.</summary>
internal static class PenaltyItems
{
    public static PowerItem Draft() => CatalogSamples.Drainage() with
    {
        Code = "CF-D04-0001",
        Name = "对生产经营单位未按照规定对从业人员进行安全生产教育和培训的行政处罚",
        Kind = PowerKinds.Penalty,
        Department = new Department("D04", "市应急管理局"),
        Materials = [],
        Conditions = [],
        LegalLimit = TimeLimit.CalendarDays(90),
        PromisedLimit = TimeLimit.CalendarDays(60),
        StageLimits = new StageLimits(7, 30, 15, 0, 7),
        ExcludedProcedures = ["hearing", "appraisal"],
        CollectiveDecision = true,
        RiskLevel = "A",
        Flowchart = new Flowchart("file",
        [
            new FlowStage("file", "立案", "执法岗", 7, ["investigate"]),
            new FlowStage("investigate", "调查取证", "执法岗", 20, ["decide"]),
            new FlowStage("decide", "作出处罚决定", "局长", 10, []),
        ]),
        Discretion = Benchmark(),
    };

    /// <summary>The item's benchmark: fines 2,000–10,000 / 10,000–50,000 / 50,000–100,000 within 十万元以下; first offence allowed; major from 60,000; 较大数额 5,000 (person) and 50,000 (organisation).</summary>
    public static DiscretionBenchmark Benchmark(bool firstOffence = true, bool major = false, decimal? majorAmount = 60000m) => new()
    {
        Source = "市应急管理局安全生产行政处罚裁量基准（测试）",
        LegalMinimum = 0,
        LegalMaximum = 100000,
        Tiers =
        [
            new DiscretionTier { Circumstance = Circumstance.Minor, Type = PenaltyType.Fine, Minimum = 2000, Maximum = 10000, Conditions = "未培训人员占10%以下，首次发现" },
            new DiscretionTier { Circumstance = Circumstance.Ordinary, Type = PenaltyType.Fine, Minimum = 10000, Maximum = 50000, Conditions = "未培训人员占10%以上30%以下" },
            new DiscretionTier { Circumstance = Circumstance.Serious, Type = PenaltyType.Fine, Minimum = 50000, Maximum = 100000, Conditions = "未培训人员占30%以上或者造成后果" },
        ],
        FirstOffenceNoPenalty = firstOffence,
        Major = major,
        MajorAmount = majorAmount,
        LargeAmountForPerson = 5000,
        LargeAmountForOrganisation = 50000,
        Field = "安全生产",
    };

    public static PowerItem Published() => PowerItem.CreateDraft(Draft(), CatalogSamples.Now).Bind(d => d.Publish(CatalogSamples.Now)).Value;
}
