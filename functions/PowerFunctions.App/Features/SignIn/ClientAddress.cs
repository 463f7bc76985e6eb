using System.Net;

namespace PowerFunctions.App.Features.SignIn;

/// <summary>
/// The client's address for rate limits: the last entry of the configured forwarding header (the one the
/// trusted proxy in front of us appended; earlier entries are the client's to write), port removed; else the
/// connection's address. With no header configured a client cannot choose its own address.
/// </summary>
public static class ClientAddress
{
    public static string Of(HttpContext context, string? forwardedHeader)
    {
        if (!string.IsNullOrWhiteSpace(forwardedHeader)
            && context.Request.Headers.TryGetValue(forwardedHeader, out var values)
            && values.Count > 0)
        {
            var last = values[^1]?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
            if (last is not null && TryParse(last, out var forwarded))
            {
                return forwarded;
            }
        }

        return context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
    }

    /// <summary>An address as <c>1.2.3.4</c>, <c>1.2.3.4:5678</c>, <c>::1</c> or <c>[::1]:5678</c>, written without the port.</summary>
    private static bool TryParse(string value, out string address)
    {
        address = string.Empty;
        if (IPEndPoint.TryParse(value, out var endPoint))
        {
            address = endPoint.Address.ToString();
            return true;
        }

        return false;
    }
}
