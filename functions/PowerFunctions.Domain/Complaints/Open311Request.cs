namespace PowerFunctions.Domain.Complaints;

/// <summary>
/// The form fields of an Open311 GeoReport v2 <c>POST requests</c> (application/x-www-form-urlencoded) that
/// a ticket uses, as sent (strings, unparsed). <c>api_key</c> and <c>jurisdiction_id</c> are the app's.
/// </summary>
public sealed record Open311Request
{
    public string? ServiceCode { get; init; }

    public string? Description { get; init; }

    public string? AddressString { get; init; }

    public string? AddressId { get; init; }

    public string? Lat { get; init; }

    public string? Long { get; init; }

    public string? FirstName { get; init; }

    public string? LastName { get; init; }

    public string? Phone { get; init; }

    public string? Email { get; init; }
}
