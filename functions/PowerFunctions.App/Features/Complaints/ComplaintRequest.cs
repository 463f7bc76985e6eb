namespace PowerFunctions.App.Features.Complaints;

/// <summary>
/// <c>POST /api/complaints</c> body (API.md): <c>{category, subject, description, department?, itemCode?, caseNo?,
/// contact:{name, phone}, anonymous?}</c>, plus <c>contact.email</c> and <c>location:{address, lat, long}</c>.
/// </summary>
public sealed record ComplaintRequest(
    string? Category,
    string? Subject,
    string? Description,
    string? Department,
    string? ItemCode,
    string? CaseNo,
    ContactBody? Contact,
    bool? Anonymous,
    LocationBody? Location);

/// <summary>How to reach the filer.</summary>
public sealed record ContactBody(string? Name, string? Phone, string? Email = null);

/// <summary>Where the matter is: an address, or WGS84 coordinates.</summary>
public sealed record LocationBody(string? Address, double? Lat, double? Long);
