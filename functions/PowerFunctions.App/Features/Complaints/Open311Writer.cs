using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Xml;
using PowerFunctions.App.Http;
using PowerFunctions.Domain.Complaints;

namespace PowerFunctions.App.Features.Complaints;

/// <summary>
/// The GeoReport v2 wire formats, both from one description of each answer: XML (<c>text/xml; charset=utf-8</c>,
/// the declaration first, no namespace, the spec's element names; an absent value is an empty element, as
/// <c>&lt;account_id/&gt;</c> in the spec) and JSON (<c>application/json; charset=utf-8</c>, the Spark convention
/// mapping of that XML: a list is an array, an absent value <c>null</c>). Source: Open311 GeoReport v2
/// ("Format Support", "XML Support", "JSON Support", each method's example response).
/// </summary>
public static class Open311Writer
{
    public const string Json = "json";
    public const string Xml = "xml";

    private const string XmlContentType = "text/xml; charset=utf-8";
    private const string JsonContentType = "application/json; charset=utf-8";

    /// <summary>True for the two formats served.</summary>
    public static bool IsFormat(string? format) => format is Json or Xml;

    /// <summary><c>GET services</c>: <c>services/service</c>.</summary>
    public static HttpResult Services(string format, IEnumerable<Open311Service> services) =>
        Write(200, format, "services", "service", services.Select(s => Fields(
            ("service_code", s.ServiceCode),
            ("service_name", s.ServiceName),
            ("description", s.Description),
            ("metadata", s.Metadata),
            ("type", s.Type),
            ("keywords", s.Keywords),
            ("group", s.Group))));

    /// <summary><c>GET services/{service_code}</c>: <c>service_definition</c> with its code and no attributes (metadata is false for every service).</summary>
    public static HttpResult ServiceDefinition(string format, string serviceCode) =>
        Write(200, format, "service_definition", Fields(("service_code", serviceCode), ("attributes", new Node.List("attribute", []))));

    /// <summary><c>POST requests</c>: <c>service_requests/request</c> with the id, the notice and no account id.</summary>
    public static HttpResult Created(string format, string serviceRequestId, string serviceNotice) =>
        Write(200, format, "service_requests", "request", [Fields(("service_request_id", serviceRequestId), ("service_notice", serviceNotice), ("account_id", null))]);

    /// <summary><c>GET requests</c> and <c>GET requests/{id}</c>: <c>service_requests/request</c>, every field of the spec.</summary>
    public static HttpResult Requests(string format, IEnumerable<Open311RequestView> requests) =>
        Write(200, format, "service_requests", "request", requests.Select(r => Fields(
            ("service_request_id", r.ServiceRequestId),
            ("status", r.Status),
            ("status_notes", r.StatusNotes),
            ("service_name", r.ServiceName),
            ("service_code", r.ServiceCode),
            ("description", r.Description),
            ("agency_responsible", r.AgencyResponsible),
            ("service_notice", r.ServiceNotice),
            ("requested_datetime", r.RequestedDatetime),
            ("updated_datetime", r.UpdatedDatetime),
            ("expected_datetime", r.ExpectedDatetime),
            ("address", r.Address),
            ("address_id", r.AddressId),
            ("zipcode", r.Zipcode),
            ("lat", r.Lat),
            ("long", r.Long),
            ("media_url", r.MediaUrl))));

    /// <summary>The error list: <c>errors/error</c> of <c>{code, description}</c>, with the HTTP status of the first (404, 403 or 400).</summary>
    public static HttpResult Errors(string format, int status, IEnumerable<Open311Error> errors) =>
        Write(status, IsFormat(format) ? format : Json, "errors", "error", errors.Select(e => Fields(("code", e.Code), ("description", e.Description))));

    /// <summary>The service discovery document (<c>discovery.{format}</c>). Source: Open311 Service Discovery.</summary>
    public static HttpResult Discovery(string format, string changeset, string contact, string keyService, string url, string type) =>
        Write(200, format, "discovery", Fields(
            ("changeset", changeset),
            ("contact", contact),
            ("key_service", keyService),
            ("endpoints", new Node.List("endpoint", [Fields(
                ("specification", "http://wiki.open311.org/GeoReport_v2"),
                ("url", url),
                ("changeset", changeset),
                ("type", type),
                ("formats", new Node.List("format", [new Node.Value("text/xml"), new Node.Value("application/json")])))]))));

    private static Node.Object Fields(params (string Name, object? Value)[] fields) =>
        new([.. fields.Select(f => (f.Name, f.Value as Node ?? new Node.Value(f.Value)))]);

    private static HttpResult Write(int status, string format, string listName, string itemName, IEnumerable<Node> items) =>
        Write(status, format, listName, new Node.List(itemName, [.. items]));

    private static HttpResult Write(int status, string format, string rootName, Node root) => format == Xml
        ? new HttpResult(status, XmlBytes(rootName, root), XmlContentType, new Dictionary<string, string>())
        : new HttpResult(status, JsonBytes(root), JsonContentType, new Dictionary<string, string>());

    private static byte[] JsonBytes(Node root)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            WriteJson(json, root);
        }

        return buffer.ToArray();
    }

    private static void WriteJson(Utf8JsonWriter json, Node node)
    {
        switch (node)
        {
            case Node.List list:
                json.WriteStartArray();
                foreach (var item in list.Items)
                {
                    WriteJson(json, item);
                }

                json.WriteEndArray();
                break;
            case Node.Object obj:
                json.WriteStartObject();
                foreach (var (name, value) in obj.Fields)
                {
                    json.WritePropertyName(name);
                    WriteJson(json, value);
                }

                json.WriteEndObject();
                break;
            case Node.Value { Content: null }:
                json.WriteNullValue();
                break;
            case Node.Value { Content: string text }:
                json.WriteStringValue(text);
                break;
            case Node.Value { Content: bool flag }:
                json.WriteBooleanValue(flag);
                break;
            case Node.Value { Content: int number }:
                json.WriteNumberValue(number);
                break;
            case Node.Value { Content: double number }:
                json.WriteNumberValue(number);
                break;
            default:
                throw new InvalidOperationException($"no JSON for {node}");
        }
    }

    private static byte[] XmlBytes(string rootName, Node root)
    {
        using var buffer = new MemoryStream();
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, OmitXmlDeclaration = false };
        using (var xml = XmlWriter.Create(buffer, settings))
        {
            xml.WriteStartDocument();
            WriteXml(xml, rootName, root);
            xml.WriteEndDocument();
        }

        return buffer.ToArray();
    }

    private static void WriteXml(XmlWriter xml, string name, Node node)
    {
        xml.WriteStartElement(name);
        switch (node)
        {
            case Node.List list:
                foreach (var item in list.Items)
                {
                    WriteXml(xml, list.ItemName, item);
                }

                break;
            case Node.Object obj:
                foreach (var (field, value) in obj.Fields)
                {
                    WriteXml(xml, field, value);
                }

                break;
            case Node.Value { Content: null }:
                break;
            case Node.Value { Content: bool flag }:
                xml.WriteString(flag ? "true" : "false");
                break;
            case Node.Value { Content: IFormattable number }:
                xml.WriteString(number.ToString(null, CultureInfo.InvariantCulture));
                break;
            case Node.Value { Content: string text }:
                xml.WriteString(text);
                break;
            default:
                throw new InvalidOperationException($"no XML for {node}");
        }

        xml.WriteEndElement();
    }

    /// <summary>One answer as a tree: an object of named fields, a list of items (XML: one element per item), or a value.</summary>
    private abstract record Node
    {
        public sealed record Object(IReadOnlyList<(string Name, Node Value)> Fields) : Node;

        public sealed record List(string ItemName, IReadOnlyList<Node> Items) : Node;

        public sealed record Value(object? Content) : Node;
    }
}
