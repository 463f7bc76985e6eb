using PowerFunctions.Domain.Catalog;

namespace PowerFunctions.Domain.Tests.Catalog;

/// <summary>A valid item to start each test from.</summary>
internal static class CatalogSamples
{
    public static readonly DateTimeOffset Now = new(2026, 9, 18, 9, 30, 0, TimeSpan.FromHours(8));

    public static PowerItem Drainage() => new()
    {
        Code = "XK-D01-0001",
        Name = "城镇污水排入排水管网许可",
        Kind = PowerKinds.Licensing,
        Department = new Department("D01", "市城市管理局"),
        ResponsiblePosts = [new ResponsiblePost("受理岗", "接收、查验材料"), new ResponsiblePost("审核岗", "审查、现场核查")],
        LegalBases = [new LegalBasis("《城镇排水与污水处理条例》", "第二十一条", "从事工业、建筑、餐饮、医疗等活动的企业事业单位、个体工商户向城镇排水设施排放污水的，应当向城镇排水主管部门申请领取污水排入排水管网许可证。")],
        Conditions = ["排水户已按规定建设预处理设施"],
        ReviewStandards = ["排放的污水符合国家或者地方规定的排放标准"],
        Materials =
        [
            new Material("M01", "排水许可申请表", true, MaterialForm.Original, 1, "排水许可申请表.docx"),
            new Material("M02", "营业执照", true, MaterialForm.Copy, 1),
        ],
        HandlingType = HandlingType.Promised,
        LegalLimit = TimeLimit.WorkingDays(20),
        PromisedLimit = TimeLimit.WorkingDays(10),
        StageLimits = new StageLimits(1, 5, 2, 0, 2),
        ReviewMode = ReviewMode.Substantive,
        RiskLevel = "B",
        Flowchart = new Flowchart("accept",
        [
            new FlowStage("accept", "受理", "受理岗", 1, ["review"]),
            new FlowStage("review", "审查", "审核岗", 5, ["decide"]),
            new FlowStage("decide", "决定", "分管领导", 2, ["deliver"]),
            new FlowStage("deliver", "送达", "窗口", 2, []),
        ]),
        SupervisionChannels = [new Channel("市纪委监委派驻纪检组", "0371-12388")],
        ComplaintChannels = [new Channel("12345政务服务便民热线", "12345")],
        CounterpartRights = ["陈述、申辩权", "依法申请行政复议或者提起行政诉讼"],
    };

    public static PowerItem Published() => PowerItem.CreateDraft(Drainage(), Now).Value.Publish(Now).Value;
}
