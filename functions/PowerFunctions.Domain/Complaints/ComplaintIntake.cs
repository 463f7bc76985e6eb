namespace PowerFunctions.Domain.Complaints;

/// <summary>
/// A ticket as a channel hands it over, before validation (<see cref="Complaint.Receive"/> lists every problem
/// at once). The app sets <see cref="Channel"/> from the route or queue it came by; the rest is what the filer,
/// the hotline or the Open311 client sent.
/// </summary>
public sealed record ComplaintIntake
{
    public required ComplaintChannel Channel { get; init; }

    /// <summary>API name: consultation, help, complaint, report or suggestion.</summary>
    public string? Category { get; init; }

    public string? Subject { get; init; }

    public string? Description { get; init; }

    /// <summary>The department chosen explicitly (also the basis of <see cref="ComplaintRouting"/>).</summary>
    public string? Department { get; init; }

    public string? ItemCode { get; init; }

    public string? CaseNo { get; init; }

    public string? ContactName { get; init; }

    public string? ContactPhone { get; init; }

    public string? ContactEmail { get; init; }

    /// <summary>The filer asked not to be named: name and contact become optional and no department sees them.</summary>
    public bool Anonymous { get; init; }

    /// <summary>The hotline's own id of the ticket (required for, and only for, the hotline channel).</summary>
    public string? HotlineTicketId { get; init; }

    public ComplaintLocation? Location { get; init; }

    /// <summary>The token subject of a mini-program filer (so the filer can follow the ticket while signed in).</summary>
    public string? FilerSubject { get; init; }
}
