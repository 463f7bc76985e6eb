namespace PowerFunctions.App.Features.Documents;

/// <summary>One labelled fact of a document (受理日期, 许可证编号…), printed in its fields box.</summary>
public sealed record DocumentField(string Label, string Value);
