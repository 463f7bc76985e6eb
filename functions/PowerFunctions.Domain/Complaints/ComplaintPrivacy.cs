namespace PowerFunctions.Domain.Complaints;

/// <summary>
/// Who sees a ticket and its filer. The filer's name and contact (and, on the event list, the filer as the
/// actor of their own events) are shown:
/// <list type="bullet">
/// <item>to the filer, and to supervisors, always;</item>
/// <item>for a report (举报): to nobody else. The reporter is never revealed to department staff, since the
/// department handling it may be the one reported on (信访工作条例 (2022): 检举、揭发材料 are not passed to
/// those reported on; GLOSSARY; API.md);</item>
/// <item>for an anonymous ticket: also to the hotline (which took it and follows it up), never to departments;</item>
/// <item>otherwise: also to the hotline and to the handlers of the owning department (who answer and follow up).</item>
/// </list>
/// Every list masks what it shows (张*三, 138****0000: <see cref="ContactMask"/>); a single ticket shows it
/// whole to those allowed. Source: 信访工作条例 (2022); seed 002 (监督检查办法 第十三条: no personal privacy).
/// </summary>
public static class ComplaintPrivacy
{
    /// <summary>What an event list shows as the actor of a filer's own event when the filer is hidden.</summary>
    public const string HiddenFiler = "filer";

    /// <summary>
    /// True when <paramref name="viewer"/> may read the ticket at all: supervisors, the hotline, the filer,
    /// and the handlers of the owning department or of a pending transfer's target (to decide on it).
    /// </summary>
    public static bool CanView(Complaint complaint, ComplaintViewer viewer)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        ArgumentNullException.ThrowIfNull(viewer);
        return viewer.Role switch
        {
            ComplaintRoles.Supervisor or ComplaintRoles.Hotline => true,
            ComplaintRoles.Handler => viewer.Department is { } d
                && (string.Equals(d, complaint.Owner, StringComparison.Ordinal) || string.Equals(d, complaint.PendingTransfer?.To, StringComparison.Ordinal)),
            _ => IsFiler(complaint, viewer),
        };
    }

    /// <summary>True for the filer: the query code, or the mini-program subject that filed it.</summary>
    public static bool IsFiler(Complaint complaint, ComplaintViewer viewer)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        ArgumentNullException.ThrowIfNull(viewer);
        return viewer.HoldsQueryCode
            || (viewer.Role == ComplaintRoles.Citizen && viewer.Subject is not null && string.Equals(viewer.Subject, complaint.FilerSubject, StringComparison.Ordinal));
    }

    /// <summary>True when <paramref name="viewer"/> may know who filed the ticket (the rules above). Source: 信访工作条例 (2022).</summary>
    public static bool CanSeeFiler(Complaint complaint, ComplaintViewer viewer)
    {
        if (IsFiler(complaint, viewer) || viewer.Role == ComplaintRoles.Supervisor)
        {
            return true;
        }

        if (complaint.Category == ComplaintCategory.Report)
        {
            return false;
        }

        if (viewer.Role == ComplaintRoles.Hotline)
        {
            return true;
        }

        return !complaint.Anonymous
            && viewer.Role == ComplaintRoles.Handler
            && viewer.Department is not null
            && string.Equals(viewer.Department, complaint.Owner, StringComparison.Ordinal);
    }

    /// <summary>
    /// The contact <paramref name="viewer"/> is shown: null when hidden (or none), masked in a list
    /// (<paramref name="listing"/>), whole on the ticket itself. Source: 信访工作条例 (2022).
    /// </summary>
    public static ComplaintContact? ContactFor(Complaint complaint, ComplaintViewer viewer, bool listing)
    {
        if (complaint.Contact is null || !CanSeeFiler(complaint, viewer))
        {
            return null;
        }

        return listing ? complaint.Contact.Masked() : complaint.Contact;
    }

    /// <summary>
    /// The actor (subject, name) an event list shows for <paramref name="e"/>: the filer's own events
    /// (role citizen) read <see cref="HiddenFiler"/> / 诉求人 to whoever may not see the filer.
    /// </summary>
    public static (string Actor, string ActorName) ActorFor(ComplaintEvent e, Complaint complaint, ComplaintViewer viewer)
    {
        ArgumentNullException.ThrowIfNull(e);
        return e.Role == ComplaintRoles.Citizen && !CanSeeFiler(complaint, viewer)
            ? (HiddenFiler, "诉求人")
            : (e.Actor, e.ActorName);
    }
}
