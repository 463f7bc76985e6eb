namespace PowerFunctions.App.Auth;

/// <summary>The roles a token may carry (API.md, Auth).</summary>
public static class Roles
{
    public const string Citizen = "citizen";
    public const string Acceptor = "acceptor";
    public const string Reviewer = "reviewer";
    public const string Decider = "decider";
    public const string Deliverer = "deliverer";
    public const string Supervisor = "supervisor";
    public const string CatalogAdmin = "catalog-admin";
    public const string Admin = "admin";
    public const string Hotline = "hotline";

    /// <summary>Complaint handling staff of a department (API.md, Auth).</summary>
    public const string Handler = "handler";

    /// <summary>An enforcement officer (执法人员): acts on penalty cases when certified (执法证件).</summary>
    public const string Enforcer = "enforcer";

    /// <summary>A legal reviewer (法制审核人员): reviews major penalty decisions (行政处罚法 第五十八条).</summary>
    public const string LegalReviewer = "legal-reviewer";

    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        Citizen, Acceptor, Reviewer, Decider, Deliverer, Supervisor, CatalogAdmin, Admin, Hotline, Handler, Enforcer, LegalReviewer,
    };
}
