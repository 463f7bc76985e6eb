using System.Text.Json;
using System.Xml.Linq;

namespace PowerFunctions.App.Tests.Complaints;

/// <summary>
/// The example responses of the published Open311 GeoReport v2 specification (open311.github.io,
/// <c>GeoReport/v2/index.md</c>, and <c>Service_Discovery.md</c>), copied as they are (the JSON examples write
/// <c>service_code</c> and ids as numbers with leading zeros, which JSON does not allow: they are quoted here, the
/// only change). Our answers are compared with them element by element: names, order, nesting and value types.
/// </summary>
public static class Open311SpecExamples
{
    public const string ServiceListXml = """
        <?xml version="1.0" encoding="utf-8"?>
        <services>
            <service>
                <service_code>001</service_code>
                <service_name>Cans left out 24x7</service_name>
                <description>Garbage or recycling cans that have been left out for more than 24 hours after collection. Violators will be cited.</description>
                <metadata>true</metadata>
                <type>realtime</type>
                <keywords>lorem, ipsum, dolor</keywords>
                <group>sanitation</group>
            </service>
        </services>
        """;

    public const string ServiceListJson = """
        [
          {
            "service_code":"001",
            "service_name":"Cans left out 24x7",
            "description":"Garbage or recycling cans that have been left out for more than 24 hours after collection. Violators will be cited.",
            "metadata":true,
            "type":"realtime",
            "keywords":"lorem, ipsum, dolor",
            "group":"sanitation"
          }
        ]
        """;

    /// <summary>The service definition, its attributes aside (ours has none: every service's metadata is false).</summary>
    public const string ServiceDefinitionXml = """
        <?xml version="1.0" encoding="utf-8"?>
        <service_definition>
            <service_code>DMV66</service_code>
            <attributes>
            </attributes>
        </service_definition>
        """;

    public const string ServiceDefinitionJson = """
        {
          "service_code":"DMV66",
          "attributes":[]
        }
        """;

    public const string PostResponseXml = """
        <?xml version="1.0" encoding="utf-8"?>
        <service_requests>
            <request>
                <service_request_id>293944</service_request_id>
                <service_notice>
                    The City will inspect and require the responsible party to correct within 24 hours and/or issue a Correction Notice or Notice of Violation of the Public Works Code
                </service_notice>
                <account_id/>
            </request>
        </service_requests>
        """;

    public const string PostResponseJson = """
        [
          {
            "service_request_id":293944,
            "service_notice":"The City will inspect and require the responsible party to correct within 24 hours and/or issue a Correction Notice or Notice of Violation of the Public Works Code",
            "account_id":null
          }
        ]
        """;

    public const string RequestsXml = """
        <?xml version="1.0" encoding="utf-8"?>
        <service_requests>
            <request>
                <service_request_id>638344</service_request_id>
                <status>closed</status>
                <status_notes>Duplicate request.</status_notes>
                <service_name>Sidewalk and Curb Issues</service_name>
                <service_code>006</service_code>
                <description></description>
                <agency_responsible></agency_responsible>
                <service_notice></service_notice>
                <requested_datetime>2010-04-14T06:37:38-08:00</requested_datetime>
                <updated_datetime>2010-04-14T06:37:38-08:00</updated_datetime>
                <expected_datetime>2010-04-15T06:37:38-08:00</expected_datetime>
                <address>8TH AVE and JUDAH ST</address>
                <address_id>545483</address_id>
                <zipcode>94122</zipcode>
                <lat>37.762221815</lat>
                <long>-122.4651145</long>
                <media_url>http://city.gov.s3.amazonaws.com/requests/media/638344.jpg </media_url>
            </request>
        </service_requests>
        """;

    public const string RequestsJson = """
        [
          {
            "service_request_id":638344,
            "status":"closed",
            "status_notes":"Duplicate request.",
            "service_name":"Sidewalk and Curb Issues",
            "service_code":"006",
            "description":null,
            "agency_responsible":null,
            "service_notice":null,
            "requested_datetime":"2010-04-14T06:37:38-08:00",
            "updated_datetime":"2010-04-14T06:37:38-08:00",
            "expected_datetime":"2010-04-15T06:37:38-08:00",
            "address":"8TH AVE and JUDAH ST",
            "address_id":545483,
            "zipcode":94122,
            "lat":37.762221815,
            "long":-122.4651145,
            "media_url":"http://city.gov.s3.amazonaws.com/requests/media/638344.jpg"
          }
        ]
        """;

    public const string ErrorsXml = """
        <?xml version="1.0" encoding="utf-8"?>
        <errors>
            <error>
                <code>403</code>
                <description>Invalid api_key received -- can't proceed with create_request.</description>
            </error>
        </errors>
        """;

    public const string ErrorsJson = """
        [
          {
            "code":403,
            "description":"Invalid api_key received -- can't proceed with create_request."
          }
        ]
        """;

    public const string DiscoveryJson = """
        {
          "changeset":"2011-02-03 14:18",
          "contact":"You can email or call for assistance api@mycity.org +1 (555) 555-5555",
          "key_service":"You can request a key here: http://api.mycity.gov/api_key/request",
          "endpoints":[
            {
              "specification":"http://wiki.open311.org/GeoReport_v2",
              "url":"http://open311.mycity.gov/v2",
              "changeset":"2010-11-23 09:01",
              "type":"production",
              "formats":[
                "text/xml"
              ]
            }
          ]
        }
        """;

    public const string DiscoveryXml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <discovery>
            <changeset>2011-02-03 14:18</changeset>
            <contact>You can email or call for assistance api@mycity.org +1 (555) 555-5555</contact>
            <key_service>You can request a key here: http://api.mycity.gov/api_key/request</key_service>
            <endpoints>
                <endpoint>
                    <specification>http://wiki.open311.org/GeoReport_v2</specification>
                    <url>http://open311.mycity.gov/v2</url>
                    <changeset>2010-11-23 09:01</changeset>
                    <type>production</type>
                    <formats>
                        <format>text/xml</format>
                    </formats>
                </endpoint>
            </endpoints>
        </discovery>
        """;

    /// <summary>The element names of <paramref name="element"/>'s children, in order.</summary>
    public static IReadOnlyList<string> ChildNames(XElement element) => [.. element.Elements().Select(e => e.Name.LocalName)];

    /// <summary>The property names of a JSON object, in order.</summary>
    public static IReadOnlyList<string> PropertyNames(JsonElement element) => [.. element.EnumerateObject().Select(p => p.Name)];

    /// <summary>The first object of a JSON array answer.</summary>
    public static JsonElement First(string json) => JsonDocument.Parse(json.Trim()).RootElement.Clone()[0];

    public static XElement Root(string xml) => XDocument.Parse(xml.Trim()).Root!;
}
