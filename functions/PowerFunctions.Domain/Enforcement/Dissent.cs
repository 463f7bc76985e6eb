namespace PowerFunctions.Domain.Enforcement;

/// <summary>A dissenting opinion recorded at a collective decision: who, and what they said (行政处罚法 第五十七条第二款; seed 000 §5(三)1).</summary>
public sealed record Dissent(string Name, string Opinion);
