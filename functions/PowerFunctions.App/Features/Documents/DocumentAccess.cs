using PowerFunctions.App.Auth;
using PowerFunctions.App.Features.Cases;
using PowerFunctions.App.Features.Documents.Storage;
using PowerFunctions.App.Http;

namespace PowerFunctions.App.Features.Documents;

/// <summary>
/// Who may download a sealed document (<c>GET /api/documents/{id}</c>): supervisors; staff of the issuing
/// department (<see cref="DepartmentStaff"/>); the hotline for a complaint's 答复意见书; and the citizen it is
/// for — the token whose subject filed the case or ticket, or anyone holding its query code
/// (<c>?queryCode=</c>). A document addressed to the department (整改通知书) has no citizen owner.
/// Admins and catalog admins are operators: they do not read files. Anyone may still verify a document
/// (the verify routes answer validity, type, sealer and date, never its content).
/// </summary>
public sealed class DocumentAccess(IEnumerable<IDocumentOwners> owners)
{
    /// <summary>The roles whose holder reads the documents of their own department.</summary>
    public static IReadOnlySet<string> DepartmentStaff { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        Roles.Acceptor, Roles.Reviewer, Roles.Decider, Roles.Deliverer, Roles.Handler, Roles.Enforcer, Roles.LegalReviewer,
    };

    /// <summary>
    /// Returns when <paramref name="caller"/> (or the holder of <paramref name="queryCode"/>) may read
    /// <paramref name="record"/>; otherwise 403 for a signed-in caller and, for an anonymous one, the same
    /// 404 as an unknown id (a wrong code says nothing more).
    /// </summary>
    public async Task RequireAsync(DocumentRecord record, Caller? caller, string? queryCode, CancellationToken cancellationToken)
    {
        if (caller is not null && IsStaffReader(record, caller))
        {
            return;
        }

        if (owners.FirstOrDefault(o => o.Holds(record.Type)) is { } registry
            && await registry.FindAsync(record.CaseNo, cancellationToken).ConfigureAwait(false) is { } owner)
        {
            var isOwner = caller is not null && caller.IsInRole(Roles.Citizen) && owner.Subject is { Length: > 0 } subject
                && string.Equals(subject, caller.Subject, StringComparison.Ordinal);
            var hasCode = queryCode is not null && owner.QueryCode.Length > 0 && QueryCodes.Matches(owner.QueryCode, queryCode);
            if (isOwner || hasCode)
            {
                return;
            }
        }

        throw caller is null
            ? DocumentProblems.NotFound(record.Id)
            : Problems.Forbidden("this document is for its applicant, the issuing department's staff and supervisors");
    }

    private static bool IsStaffReader(DocumentRecord record, Caller caller) =>
        caller.IsInRole(Roles.Supervisor)
        || (record.Type == DocumentType.AnswerOpinion && caller.IsInRole(Roles.Hotline))
        || (string.Equals(caller.Department, record.DepartmentCode, StringComparison.Ordinal) && caller.Roles.Overlaps(DepartmentStaff));
}
