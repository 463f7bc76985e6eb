namespace PowerFunctions.App.Features.SignIn;

/// <summary>The sign-in feature's tables.</summary>
public static class SignInTables
{
    /// <summary>Citizen subjects (row <c>profile</c>) and the platform ids linked to them.</summary>
    public const string Citizens = "citizens";

    /// <summary>One partition per session: row <c>session</c> (the refresh token's hash and the last spent ones), row <c>nonce</c>.</summary>
    public const string Sessions = "authsessions";

    /// <summary>Every sign-in, refresh, sign-out and proof of identity: partition = China date, newest first.</summary>
    public const string Audit = "signinaudit";
}
