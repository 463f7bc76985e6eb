using Azure;
using PowerFunctions.Domain.Evaluations;

namespace PowerFunctions.App.Features.Evaluations;

/// <summary>A rating as stored, with its rectification notice and the ETag of the row.</summary>
public sealed record StoredEvaluation(Evaluation Evaluation, string? DocumentId, ETag ETag);
