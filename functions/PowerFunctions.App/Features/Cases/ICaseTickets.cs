namespace PowerFunctions.App.Features.Cases;

/// <summary>
/// The complaint tickets (工单) that name a case, for the case view's <c>tickets</c> field. Implemented by the
/// complaints feature (its index of tickets by case); the case feature only reads it.
/// </summary>
public interface ICaseTickets
{
    /// <summary>The tickets naming <paramref name="caseNo"/>, oldest first.</summary>
    Task<IReadOnlyList<CaseTicket>> ListAsync(string caseNo, CancellationToken cancellationToken);
}
