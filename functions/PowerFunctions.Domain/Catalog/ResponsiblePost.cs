namespace PowerFunctions.Domain.Catalog;

/// <summary>A post (岗位) that carries part of the power, and what it answers for (责任).</summary>
public sealed record ResponsiblePost(string Post, string Duty);
