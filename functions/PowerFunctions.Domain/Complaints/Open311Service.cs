namespace PowerFunctions.Domain.Complaints;

/// <summary>
/// One service of the Open311 GeoReport v2 service list (<c>GET services</c>), field for field:
/// <c>service_code</c>, <c>service_name</c>, <c>description</c>, <c>metadata</c> (false: no service
/// definition needed), <c>type</c> (realtime: the id comes back at once), <c>keywords</c>, <c>group</c>.
/// </summary>
public sealed record Open311Service(string ServiceCode, string ServiceName, string Description, bool Metadata, string Type, string Keywords, string Group);
