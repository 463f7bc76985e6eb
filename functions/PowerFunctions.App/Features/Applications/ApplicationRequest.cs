using System.Text.Json;

namespace PowerFunctions.App.Features.Applications;

/// <summary>
/// <c>POST /api/applications</c> body (API.md): <c>{itemCode, applicant:{name, idType, idNumber, phone},
/// materials:[{code, name}], form:{…}}</c>. The queue message adds <c>idempotencyKey</c> (and may name
/// the applicant's account in <c>applicantSubject</c>).
/// </summary>
public sealed record ApplicationRequest(
    string? ItemCode,
    ApplicantBody? Applicant,
    IReadOnlyList<MaterialBody?>? Materials,
    JsonElement? Form,
    string? IdempotencyKey = null,
    string? ApplicantSubject = null);

public sealed record ApplicantBody(string? Name, string? IdType, string? IdNumber, string? Phone);

public sealed record MaterialBody(string? Code, string? Name);
