using System.Text.Json.Nodes;

namespace PowerFunctions.App.Tests.Catalog;

/// <summary>Request bodies for the catalog routes.</summary>
internal static class CatalogTestData
{
    /// <summary>A complete, publishable licensing item of department <paramref name="department"/>.</summary>
    public static JsonObject Item(string code, string department = "D01", string name = "城镇污水排入排水管网许可") => new()
    {
        ["code"] = code,
        ["name"] = name,
        ["kind"] = "licensing",
        ["department"] = new JsonObject { ["code"] = department, ["name"] = "市城市管理局" },
        ["responsiblePosts"] = new JsonArray(new JsonObject { ["post"] = "受理岗", ["duty"] = "查验材料" }),
        ["legalBases"] = new JsonArray(new JsonObject { ["law"] = "《城镇排水与污水处理条例》", ["article"] = "第二十一条", ["text"] = "排水户向城镇排水设施排放污水的，应当申请领取污水排入排水管网许可证。" }),
        ["conditions"] = new JsonArray("排放的污水符合排放标准"),
        ["reviewStandards"] = new JsonArray("GB/T 31962"),
        ["materials"] = new JsonArray(
            new JsonObject { ["code"] = "M01", ["name"] = "申请表", ["required"] = true, ["form"] = "original", ["copies"] = 1, ["formTemplate"] = "排水许可申请表" },
            new JsonObject { ["code"] = "M02", ["name"] = "营业执照", ["required"] = true, ["form"] = "copy", ["copies"] = 1 }),
        ["free"] = true,
        ["handlingType"] = "promised",
        ["legalLimit"] = new JsonObject { ["days"] = 20, ["unit"] = "working" },
        ["promisedLimit"] = new JsonObject { ["days"] = 10, ["unit"] = "working" },
        ["stageLimits"] = new JsonObject { ["acceptance"] = 1, ["review"] = 5, ["decision"] = 2, ["publicity"] = 0, ["delivery"] = 2 },
        ["excludedProcedures"] = new JsonArray("inspection"),
        ["reviewMode"] = "substantive",
        ["publicised"] = true,
        ["expertReview"] = false,
        ["collectiveDecision"] = false,
        ["riskLevel"] = "B",
        ["flowchart"] = new JsonObject
        {
            ["start"] = "accept",
            ["stages"] = new JsonArray(
                new JsonObject { ["id"] = "accept", ["name"] = "受理", ["post"] = "受理岗", ["limitDays"] = 1, ["next"] = new JsonArray("review") },
                new JsonObject { ["id"] = "review", ["name"] = "审查", ["post"] = "审核岗", ["limitDays"] = 5, ["next"] = new JsonArray("decide") },
                new JsonObject { ["id"] = "decide", ["name"] = "决定", ["post"] = "分管领导", ["limitDays"] = 2, ["next"] = new JsonArray("deliver") },
                new JsonObject { ["id"] = "deliver", ["name"] = "送达", ["post"] = "窗口", ["limitDays"] = 2, ["next"] = new JsonArray() }),
        },
        ["supervisionChannels"] = new JsonArray(new JsonObject { ["name"] = "派驻纪检监察组", ["contact"] = "12388" }),
        ["complaintChannels"] = new JsonArray(new JsonObject { ["name"] = "12345政务服务便民热线", ["contact"] = "12345" }),
        ["counterpartRights"] = new JsonArray("陈述、申辩权", "行政复议、行政诉讼"),
    };
}
