namespace PowerFunctions.Domain.Cases;

/// <summary>A dissenting opinion recorded at a collective decision (seed 000 §5(二)6, (三)1).</summary>
public sealed record DissentingOpinion(string Name, string Opinion);
