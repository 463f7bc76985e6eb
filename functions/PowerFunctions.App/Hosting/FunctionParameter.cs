namespace PowerFunctions.App.Hosting;

/// <summary>One parameter of a function method and where its value comes from.</summary>
public sealed record FunctionParameter(string Name, FunctionParameterKind Kind);
