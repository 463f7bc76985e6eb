using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using PowerFunctions.App.Auth;
using PowerFunctions.App.Tests.Hosting;
using PowerFunctions.App.Tests.Support;

namespace PowerFunctions.App.Tests.Security;

/// <summary>
/// Every HTTP route of <c>functions.metadata</c> (what the Functions host indexes, the parity test's source)
/// against every role of <see cref="Roles.All"/> and no token, over real HTTP: the expected table says who
/// passes the authorisation layer. Allowed means neither 401 nor 403 (the sample ids do not exist, so an
/// allowed caller gets 404, 400 or 200: the department and owner checks after a lookup are the features'
/// own tests); refused means 401 without a token, 403 with one. A route missing from the table fails, and
/// so does a table row with no route: adding a route means deciding who may call it.
/// </summary>
public sealed partial class RoleRouteMatrixTests
{
    private const string Anonymous = "(anonymous)";

    private static readonly Rule Anyone = new(true, []);
    private static readonly Rule SignedIn = new(false, [.. Roles.All]);

    /// <summary>Public, and the credential is the body's (a refresh token): a 401 about it is no role check, a 403 never comes.</summary>
    private static readonly Rule BodyCredential = new(true, [], BodyAuthenticates: true);

    /// <summary>
    /// A citizen in a session of the mini-program (the token's <c>sid</c>): the matrix's development tokens
    /// carry none, so each is refused (403) — the SignIn tests sign in for real and pass.
    /// </summary>
    private static readonly Rule MiniProgramSession = new(false, []);
    private static readonly string[] CaseStaff = [Roles.Acceptor, Roles.Reviewer, Roles.Decider, Roles.Deliverer];

    /// <summary>The staff who answer their department's alerts and rectifications (<c>SupervisionActors.StaffRoles</c>).</summary>
    private static readonly string[] SupervisionStaff = [.. PowerFunctions.App.Features.Supervision.SupervisionActors.StaffRoles];

    /// <summary>Who may call each function (by its name in functions.metadata).</summary>
    private static readonly Dictionary<string, Rule> Expected = new(StringComparer.Ordinal)
    {
        // Public: the portal, the catalog, verification, Open311 (its own api_key), sign-in.
        ["Health"] = Anyone,
        ["CalendarAdd"] = Anyone,
        ["CalendarYearGet"] = Anyone,
        ["CatalogList"] = Anyone,
        ["CatalogItemGet"] = Anyone,
        ["CatalogItemVersions"] = Anyone,
        ["CatalogItemVersionGet"] = Anyone,
        ["CatalogItemFlowchart"] = Anyone,
        ["CatalogItemFlowchartSvg"] = Anyone,
        ["PublicityList"] = Anyone,
        ["ResultsList"] = Anyone,
        ["CaseProgress"] = Anyone,          // opens with the query code
        ["CaseObjection"] = Anyone,         // 异议 during publicity
        ["DocumentsVerify"] = Anyone,       // validity, type, sealer, date
        ["DocumentsVerifyFile"] = Anyone,
        ["PenaltyDecisionsPublic"] = Anyone,
        ["EnforcementCertificateLookup"] = Anyone,
        ["Open311Discovery"] = Anyone,
        ["Open311Services"] = Anyone,
        ["Open311ServiceDefinition"] = Anyone,
        ["Open311RequestCreate"] = Anyone,
        ["Open311RequestList"] = Anyone,
        ["Open311RequestGet"] = Anyone,
        ["AuthMiniProgram"] = Anyone,
        ["AuthRefresh"] = Anyone,
        ["AuthSignOut"] = BodyCredential,
        ["AuthJwks"] = Anyone,
        ["AuthDiscovery"] = Anyone,

        // A token (or, where said, a query code): the function then checks owner or department.
        ["DocumentsGet"] = SignedIn,        // or ?queryCode=; then applicant, department staff, supervisor
        ["ComplaintGet"] = SignedIn,        // or ?queryCode=; then filer, owning handlers, hotline, supervisor
        ["EvaluationsGet"] = SignedIn,      // then applicant, department staff, supervisor

        // Citizens.
        ["ApplicationSubmit"] = Only(Roles.Citizen),
        ["ComplaintSubmit"] = Only(Roles.Citizen),
        ["EvaluationsRate"] = Only(Roles.Citizen),
        ["AuthRealNameNonce"] = MiniProgramSession,
        ["AuthRealName"] = MiniProgramSession,

        // Cases: the department's staff and supervisors read; each action has its role (sample: accept).
        ["CaseGet"] = Only([.. CaseStaff, Roles.Supervisor]),
        ["CaseAuditVerify"] = Only([.. CaseStaff, Roles.Supervisor]),
        ["CaseExpertDrawVerify"] = Only([.. CaseStaff, Roles.Supervisor]),
        ["CaseFile"] = Only([.. CaseStaff, Roles.Supervisor]), // 行权案卷: the case view's readers
        ["CaseWorkList"] = Only([.. CaseStaff, Roles.Supervisor]),
        ["CaseCommand"] = Only(Roles.Acceptor),
        ["EvaluationsList"] = Only([.. CaseStaff, Roles.Supervisor]),
        ["EvaluationsRectify"] = Only(CaseStaff),

        // Complaints (sample action: accept, the owning handler's).
        ["ComplaintsList"] = Only(Roles.Handler, Roles.Supervisor),
        ["ComplaintCommand"] = Only(Roles.Handler),
        ["ComplaintSummary"] = Only(Roles.Supervisor),

        // Enforcement (sample action: investigate, the officers').
        ["PenaltyOpen"] = Only(Roles.Enforcer),
        ["PenaltyGet"] = Only(Roles.Enforcer, Roles.LegalReviewer, Roles.Decider, Roles.Supervisor),
        ["PenaltyAuditVerify"] = Only(Roles.Enforcer, Roles.LegalReviewer, Roles.Decider, Roles.Supervisor),
        ["PenaltyCommand"] = Only(Roles.Enforcer),
        ["GuidanceRegister"] = Only(Roles.Enforcer, Roles.Decider),
        ["GuidanceFollowUp"] = Only(Roles.Enforcer, Roles.Decider),
        ["GuidanceList"] = Only(Roles.Enforcer, Roles.Decider, Roles.Supervisor),
        ["GuidanceGet"] = Only(Roles.Enforcer, Roles.Decider, Roles.Supervisor),
        ["GuidanceQuarterReport"] = Only(Roles.Enforcer, Roles.Decider, Roles.Supervisor),

        // Supervision.
        ["SupervisionAlerts"] = Only([.. SupervisionStaff, Roles.Supervisor]), // staff: their department's alerts
        ["SupervisionAlertGet"] = Only([.. SupervisionStaff, Roles.Supervisor]),
        ["SupervisionAlertAcknowledge"] = Only(SupervisionStaff), // the department answers (预警纠错); the supervisor closes or escalates
        ["SupervisionAlertClose"] = Only(Roles.Supervisor),
        ["SupervisionAlertEscalate"] = Only(Roles.Supervisor),
        ["SupervisionRectificationIssue"] = Only(Roles.Supervisor),
        ["SupervisionRectificationList"] = Only([.. SupervisionStaff, Roles.Supervisor]),
        ["SupervisionRectificationGet"] = Only([.. SupervisionStaff, Roles.Supervisor]),
        ["SupervisionRectificationReport"] = Only(SupervisionStaff), // the department reports its measures
        ["SupervisionRectificationAccept"] = Only(Roles.Supervisor),
        ["SupervisionRectificationReject"] = Only(Roles.Supervisor),
        ["SupervisionAccountabilityRecord"] = Only(Roles.Supervisor),
        ["SupervisionAccountabilityList"] = Only([.. SupervisionStaff, Roles.Supervisor]),
        ["SupervisionSpotCheckDraw"] = Only(Roles.Supervisor),
        ["SupervisionSpotCheckGet"] = Only(Roles.Supervisor),
        ["SupervisionSpotCheckResult"] = Only(Roles.Supervisor),
        ["SupervisionReport"] = Only(Roles.Supervisor),
        ["SupervisionCaseFileArchiveGet"] = Only(Roles.Supervisor),
        ["SupervisionCaseFiles"] = Only(Roles.Supervisor),
        ["PublicReport"] = Anyone,
        ["AuditAnchorList"] = Only(Roles.Supervisor),
        ["AuditAnchorVerify"] = Only(Roles.Supervisor),
        ["SupervisionDue"] = Only(Roles.Supervisor),
        ["SupervisionDiscretion"] = Only(Roles.Supervisor),

        // Operators: they run the system and keep its registers, and read no case file.
        ["AdminClock"] = Only(Roles.Admin),
        ["AdminTimersSweep"] = Only(Roles.Admin),
        ["AdminPersonalDataRewrap"] = Only(Roles.Admin),
        ["CalendarYearPut"] = Only(Roles.Admin),
        ["ExpertPut"] = Only(Roles.Admin),
        ["ExpertAvailability"] = Only(Roles.Admin),
        ["ExpertGet"] = Only(Roles.Admin, Roles.Supervisor),
        ["ExpertList"] = Only(Roles.Admin, Roles.Supervisor),
        ["EnforcementOfficerPut"] = Only(Roles.Admin),
        ["EnforcementOfficerList"] = Only(Roles.Admin, Roles.Supervisor),
        ["CatalogItemCreate"] = Only(Roles.CatalogAdmin),
        ["CatalogItemUpdate"] = Only(Roles.CatalogAdmin),
        ["CatalogItemPublish"] = Only(Roles.CatalogAdmin),
        ["CatalogItemAbolish"] = Only(Roles.CatalogAdmin),
        ["CatalogItemBasisChange"] = Only(Roles.CatalogAdmin),
        ["CatalogRevisions"] = Only(Roles.CatalogAdmin, Roles.Supervisor, Roles.Admin),
    };

    /// <summary>The value of each route parameter: ids that do not exist, so nothing is read or changed.</summary>
    private static readonly Dictionary<string, string> Samples = new(StringComparer.Ordinal)
    {
        ["caseNo"] = "D01-2026-999999",
        ["ticketNo"] = "TS-2026-999999",
        ["id"] = "none-1",
        ["code"] = "XK-D01-9999",
        ["version"] = "1",
        ["year"] = "2026",
        ["quarter"] = "2026-Q3",
        ["department"] = "D01",
        ["format"] = "json",
        ["serviceCode"] = "none",
        ["sub"] = "officer-none",
        ["certificateNo"] = "none",
        ["area"] = "admin",
        ["period"] = "2026-11",
        ["date"] = "2026-11-30",
    };

    /// <summary>The body sent to a route whose department is in the body (else <c>{}</c>): the callers' department.</summary>
    private static readonly Dictionary<string, string> Bodies = new(StringComparer.Ordinal)
    {
        ["CatalogItemCreate"] = """{"department":{"code":"D01","name":"市市场监督管理局"}}""",
    };

    /// <summary>The sample action of each action route.</summary>
    private static readonly Dictionary<string, string> Actions = new(StringComparer.Ordinal)
    {
        ["CaseCommand"] = "accept",
        ["ComplaintCommand"] = "accept",
        ["PenaltyCommand"] = "investigate",
    };

    [Fact]
    public void Table_EveryRouteOfTheMetadata_AndNoOther()
    {
        var routes = HttpRoutes().Select(r => r.Name).ToHashSet(StringComparer.Ordinal);

        var missing = routes.Where(n => !Expected.ContainsKey(n)).Order(StringComparer.Ordinal).ToList();
        var stale = Expected.Keys.Where(n => !routes.Contains(n)).Order(StringComparer.Ordinal).ToList();

        Assert.True(missing.Count == 0, "routes with no row in the role × route table (decide who may call them): " + string.Join(", ", missing));
        Assert.True(stale.Count == 0, "rows of the role × route table with no route: " + string.Join(", ", stale));
    }

    [Fact]
    public async Task EveryRoute_EveryRoleAndAnonymous_AsTheTableSays()
    {
        await using var app = await TestApp.StartAsync();
        var callers = new List<(string Name, string? Token)> { (Anonymous, null) };
        callers.AddRange(Roles.All.Order(StringComparer.Ordinal).Select(r => (r, (string?)app.Token(r, "D01", "matrix-" + r, "矩阵" + r))));
        using var client = new HttpClient { BaseAddress = app.BaseAddress };
        var wrong = new List<string>();
        var count = 0;

        foreach (var (name, route, methods) in HttpRoutes().Where(r => Expected.ContainsKey(r.Name)))
        {
            var rule = Expected[name];
            var path = "/api/" + Placeholder().Replace(route, m => Value(name, m.Groups[1].Value));
            foreach (var method in methods)
            {
                foreach (var (caller, token) in callers)
                {
                    using var request = new HttpRequestMessage(new HttpMethod(method), path);
                    if (token is not null)
                    {
                        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                    }

                    if (method is "POST" or "PUT" or "PATCH")
                    {
                        request.Content = new StringContent(Bodies.GetValueOrDefault(name, "{}"), Encoding.UTF8, "application/json");
                        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
                    }

                    using var response = await client.SendAsync(request);
                    count++;
                    var status = (int)response.StatusCode;
                    var allowed = rule.Public || (token is not null && rule.Roles.Contains(caller));
                    var ok = allowed ? status != 403 && (status != 401 || rule.BodyAuthenticates) : status == (token is null ? 401 : 403);
                    if (!ok)
                    {
                        wrong.Add($"{method} {path} as {caller}: {status}, expected {(allowed ? "allowed" : token is null ? "401" : "403")} ({name})");
                    }
                }
            }
        }

        Assert.True(wrong.Count == 0, $"{wrong.Count} of {count} answers break the table:\n" + string.Join("\n", wrong));
        Assert.True(count >= Expected.Count * callers.Count, $"{count} requests");
    }

    private static Rule Only(params string[] roles) => new(false, roles);

    private static string Value(string function, string parameter) =>
        parameter == "action" ? Actions[function] : Samples.TryGetValue(parameter, out var value) ? value : throw new InvalidOperationException($"no sample value for the route parameter '{parameter}' of {function}: add one");

    /// <summary>Each HTTP function of functions.metadata: its name, route and methods (upper case).</summary>
    private static List<(string Name, string Route, string[] Methods)> HttpRoutes()
    {
        var path = Path.Combine(AppBuildOutput.Path, "functions.metadata");
        Assert.True(File.Exists(path), $"no {path}: build functions/PowerFunctions.App first");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.EnumerateArray()
            .Select(f => (Name: f.GetProperty("name").GetString()!, Trigger: f.GetProperty("bindings").EnumerateArray().Single(b => b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal))))
            .Where(f => f.Trigger.GetProperty("type").GetString() == "httpTrigger")
            .Select(f => (f.Name, f.Trigger.GetProperty("route").GetString()!, f.Trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()!.ToUpperInvariant()).ToArray()))
            .ToList();
    }

    /// <summary>A route parameter, <c>{name}</c> or <c>{name:constraint}</c>.</summary>
    [GeneratedRegex(@"\{([A-Za-z]+)(?::[^}]*)?\}")]
    private static partial Regex Placeholder();

    /// <summary>
    /// Who passes: everyone (<see cref="Public"/>), or a token with one of <see cref="Roles"/>;
    /// <see cref="BodyAuthenticates"/> when the route checks a credential of its body (401 then says that one is bad).
    /// </summary>
    private sealed record Rule(bool Public, IReadOnlyCollection<string> Roles, bool BodyAuthenticates = false);
}
