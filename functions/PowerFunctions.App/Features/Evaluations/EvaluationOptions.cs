namespace PowerFunctions.App.Features.Evaluations;

/// <summary><c>Evaluations:*</c> settings.</summary>
public sealed class EvaluationOptions
{
    /// <summary>Working days a department has to rectify after a bad review; local rules allow 5–15.</summary>
    public int RectificationWorkingDays { get; set; } = 10;
}
