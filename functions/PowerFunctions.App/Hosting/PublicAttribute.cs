namespace PowerFunctions.App.Hosting;

/// <summary>Anyone may call this HTTP function, without a token.</summary>
public sealed class PublicAttribute : AccessAttribute
{
    public override Access Access => Access.Public;
}
