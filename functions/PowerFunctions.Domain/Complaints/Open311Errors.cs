using PowerFunctions.Domain.Common;

namespace PowerFunctions.Domain.Complaints;

/// <summary>
/// Errors the Open311 GeoReport v2 way: HTTP 404 for what does not exist (an unknown service code or
/// request), 403 for a wrong or missing api_key, 400 for anything else; the body is a list of
/// <c>{code, description}</c>, one per problem, <c>code</c> being the HTTP status, and field names those of
/// the form. Source: Open311 GeoReport v2 ("Errors", "Possible Errors" of each method).
/// </summary>
public static class Open311Errors
{
    public const string ApiKeyCode = "open311.api_key";
    public const string ServiceCodeMissingCode = "open311.service_code_missing";
    public const string ServiceNotFoundCode = "open311.service_not_found";
    public const string RequestNotFoundCode = "open311.request_not_found";
    public const string LocationMissingCode = "open311.location_missing";

    private static readonly Dictionary<string, string> FieldNames = new(StringComparer.Ordinal)
    {
        ["contact.name"] = "first_name/last_name",
        ["contact.phone"] = "phone",
        ["contact.email"] = "email",
        ["location"] = "lat/long",
        ["location.address"] = "address_string",
        ["category"] = "service_code",
    };

    /// <summary>403: a missing or wrong api_key (the spec's own example text). Source: Open311 GeoReport v2 "Errors".</summary>
    public static DomainError ApiKey() =>
        DomainError.Forbidden(ApiKeyCode, "api_key 缺失或无效", "Invalid api_key received -- can't proceed with create_request.");

    /// <summary>400: service_code was not provided. Source: Open311 GeoReport v2 "POST Service Request".</summary>
    public static DomainError ServiceCodeMissing() =>
        DomainError.Validation(ServiceCodeMissingCode, "缺少 service_code", "service_code was not provided", new Dictionary<string, string[]> { ["service_code"] = ["service_code was not provided"] });

    /// <summary>404: the service code names no category × department. Source: Open311 GeoReport v2 "GET Service Definition", "POST Service Request".</summary>
    public static DomainError ServiceNotFound(string code) =>
        DomainError.NotFound(ServiceNotFoundCode, "service_code 不存在", $"service_code '{code}' was not found");

    /// <summary>404: no request with that id. Source: Open311 GeoReport v2 "GET Service Request".</summary>
    public static DomainError RequestNotFound(string id) =>
        DomainError.NotFound(RequestNotFoundCode, "service_request_id 不存在", $"service_request_id '{id}' was not found");

    /// <summary>The HTTP status of <paramref name="error"/>: 404 not found, 403 api_key, 400 otherwise. Source: Open311 GeoReport v2 "Errors".</summary>
    public static int StatusOf(DomainError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (error.Kind == ErrorKind.NotFound)
        {
            return 404;
        }

        return error.Code == ApiKeyCode ? 403 : 400;
    }

    /// <summary>The error list for <paramref name="error"/>: one entry per field problem (form field names), else one for the error.</summary>
    public static IReadOnlyList<Open311Error> From(DomainError error)
    {
        var status = StatusOf(error);
        if (error.Errors is { Count: > 0 } fields)
        {
            return [.. fields.SelectMany(f => f.Value.Select(message => new Open311Error(status, $"{FieldNames.GetValueOrDefault(f.Key, f.Key)}: {message}")))];
        }

        return [new Open311Error(status, error.Detail ?? error.Title)];
    }
}
