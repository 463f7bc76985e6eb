using System.Reflection;

namespace PowerFunctions.App.Hosting;

/// <summary>
/// An HTTP-triggered function. <see cref="Route"/> is its <c>HttpTrigger</c> route, without the <c>api/</c>
/// prefix (the Functions default route prefix, kept by both hosts), e.g. <c>cases/{caseNo}/progress</c>;
/// <see cref="Methods"/> are upper-case.
/// </summary>
public sealed record HttpFunction(string Name, Type ClassType, MethodInfo Method, IReadOnlyList<FunctionParameter> Parameters, string Route, IReadOnlyList<string> Methods, Access Access)
    : FunctionDescriptor(Name, ClassType, Method, Parameters);
