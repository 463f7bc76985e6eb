namespace PowerFunctions.App.Auth;

/// <summary>Whether a citizen's session (the <c>sid</c> of its access tokens) is still open: signed out or revoked ones are not.</summary>
public interface ICitizenSessions
{
    Task<bool> IsActiveAsync(string sessionId, CancellationToken cancellationToken);
}
