namespace PowerFunctions.Domain.Complaints;

/// <summary>The commands of a ticket (API <c>POST /api/complaints/{ticketNo}/{action}</c>).</summary>
public enum ComplaintAction
{
    Assign,
    Transfer,
    Accept,
    Explain,
    Answer,
    FollowUp,
    Reopen,
    Close,
}
