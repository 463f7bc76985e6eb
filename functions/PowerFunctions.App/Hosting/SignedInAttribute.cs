namespace PowerFunctions.App.Hosting;

/// <summary>Any caller with a valid token may call this HTTP function (the function checks roles or ownership itself).</summary>
public sealed class SignedInAttribute : AccessAttribute
{
    public override Access Access => Access.SignedIn;
}
