namespace PowerFunctions.App.Hosting;

/// <summary>
/// Declares who may call an HTTP function. Every HTTP function carries exactly one (secure by default: a
/// function without one stops the start on both hosts).
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false, AllowMultiple = false)]
public abstract class AccessAttribute : Attribute
{
    public abstract Access Access { get; }
}
