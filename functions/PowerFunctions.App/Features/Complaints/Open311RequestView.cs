using System.Text.Json.Serialization;

namespace PowerFunctions.App.Features.Complaints;

/// <summary>
/// One service request as GeoReport v2 <c>GET requests</c> and <c>GET requests/{id}</c> answer it: every field of
/// the spec's response, in the spec's order, with its spec name; null where we have nothing (<c>address_id</c>,
/// <c>zipcode</c>, <c>media_url</c>, and a report's <c>description</c> and <c>status_notes</c>). Kept on the Open311
/// list row when the ticket changes, so the list answers without loading tickets.
/// </summary>
public sealed record Open311RequestView(
    [property: JsonPropertyName("service_request_id"), JsonPropertyOrder(1)] string ServiceRequestId,
    [property: JsonPropertyName("status"), JsonPropertyOrder(2)] string Status,
    [property: JsonPropertyName("status_notes"), JsonPropertyOrder(3)] string? StatusNotes,
    [property: JsonPropertyName("service_name"), JsonPropertyOrder(4)] string? ServiceName,
    [property: JsonPropertyName("service_code"), JsonPropertyOrder(5)] string? ServiceCode,
    [property: JsonPropertyName("description"), JsonPropertyOrder(6)] string? Description,
    [property: JsonPropertyName("agency_responsible"), JsonPropertyOrder(7)] string? AgencyResponsible,
    [property: JsonPropertyName("service_notice"), JsonPropertyOrder(8)] string? ServiceNotice,
    [property: JsonPropertyName("requested_datetime"), JsonPropertyOrder(9)] string RequestedDatetime,
    [property: JsonPropertyName("updated_datetime"), JsonPropertyOrder(10)] string UpdatedDatetime,
    [property: JsonPropertyName("expected_datetime"), JsonPropertyOrder(11)] string? ExpectedDatetime,
    [property: JsonPropertyName("address"), JsonPropertyOrder(12)] string? Address,
    [property: JsonPropertyName("address_id"), JsonPropertyOrder(13)] string? AddressId,
    [property: JsonPropertyName("zipcode"), JsonPropertyOrder(14)] string? Zipcode,
    [property: JsonPropertyName("lat"), JsonPropertyOrder(15)] double? Lat,
    [property: JsonPropertyName("long"), JsonPropertyOrder(16)] double? Long,
    [property: JsonPropertyName("media_url"), JsonPropertyOrder(17)] string? MediaUrl);
