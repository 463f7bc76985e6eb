namespace PowerFunctions.App.Hosting;

/// <summary>A caller holding any one of these roles may call this HTTP function (<see cref="Auth.Roles"/>).</summary>
public sealed class AnyRoleAttribute(params string[] roles) : AccessAttribute
{
    public IReadOnlyList<string> Roles { get; } = roles;

    public override Access Access => Access.AnyRole([.. Roles]);
}
