namespace PowerFunctions.Domain.Complaints;

/// <summary>Where a ticket came in (API names in <see cref="ComplaintNames"/>).</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<ComplaintChannel>))]
public enum ComplaintChannel
{
    /// <summary>The 12345 hotline (热线), as a ticket on the queue carrying its <c>hotlineTicketId</c>.</summary>
    Hotline,

    /// <summary>The citizen mini-program (小程序).</summary>
    MiniProgram,

    /// <summary>E-mail (电子邮件); read only by the legacy queue intake.</summary>
    Email,

    /// <summary>The government portal (门户网站); read only by the legacy queue intake.</summary>
    Portal,

    /// <summary>An Open311 GeoReport v2 client (<c>POST requests</c>).</summary>
    Open311,
}
