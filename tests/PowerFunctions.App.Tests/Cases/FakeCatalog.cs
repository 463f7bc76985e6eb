using System.Collections.Concurrent;
using PowerFunctions.App.Features.Catalog;
using PowerFunctions.Domain.Catalog;

namespace PowerFunctions.App.Tests.Cases;

/// <summary>Catalog terms the case tests control: a substantive item with everything (expert review, collective decision), a plain one, a confidential formal one and a draft.</summary>
public sealed class FakeCatalog : ICatalogLookup
{
    public const string Full = "XK-FULL";
    public const string Plain = "XK-PLAIN";
    public const string Confidential = "XK-CONF";
    public const string Draft = "XK-DRAFT";

    private readonly ConcurrentDictionary<string, CatalogLookup> _items = new(StringComparer.Ordinal)
    {
        [Full] = new(true, Terms(Full, "建设工程规划许可", substantive: true, expert: true, collective: true)),
        [Plain] = new(true, Terms(Plain, "食品经营许可", substantive: true, expert: false, collective: false)),
        [Confidential] = new(true, Terms(Confidential, "涉密资质认定", substantive: false, expert: false, collective: false, publicised: false) with { Confidential = true }),
        [Draft] = new(true, null),
    };

    public int Lookups;

    public Task<CatalogLookup> LookupAsync(string itemCode, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref Lookups);
        return Task.FromResult(_items.TryGetValue(itemCode, out var item) ? item : new CatalogLookup(false, null));
    }

    public static ItemTerms Terms(string code, string name, bool substantive, bool expert, bool collective, bool publicised = true) => new()
    {
        ItemCode = code,
        ItemVersion = 1,
        ItemName = name,
        DepartmentCode = "D01",
        DepartmentName = "市自然资源和规划局",
        Kind = "licensing",
        Immediate = false,
        PromisedWorkingDays = 10,
        LegalWorkingDays = 20,
        Substantive = substantive,
        Publicised = publicised,
        ExpertReview = expert,
        CollectiveDecision = collective,
        SeparateAcceptance = true,
        Materials = [new MaterialTerm("M1", "申请书", true), new MaterialTerm("M2", "身份证明", true), new MaterialTerm("M3", "其他材料", false)],
    };
}
