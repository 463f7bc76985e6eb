namespace PowerFunctions.Domain.Complaints;

/// <summary>Where a ticket's first department came from (<see cref="ComplaintRouting"/>).</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<RouteSource>))]
public enum RouteSource
{
    /// <summary>No department could be derived: the hotline or a supervisor assigns it.</summary>
    None,

    /// <summary>The filer (or the hotline) chose the department.</summary>
    Explicit,

    /// <summary>The department handling the case the ticket names.</summary>
    Case,

    /// <summary>The department that exercises the power item the ticket names (实施主体).</summary>
    Item,
}
