namespace PowerFunctions.Domain.Supervision.Rectifications;

/// <summary>The API spelling of rectification states.</summary>
public static class RectificationNames
{
    public static string Of(RectificationState state) => state switch
    {
        RectificationState.Issued => "issued",
        RectificationState.Reported => "reported",
        RectificationState.Accepted => "accepted",
        RectificationState.SentBack => "sent-back",
        _ => throw new ArgumentOutOfRangeException(nameof(state)),
    };

    public static RectificationState? ParseState(string? code) => code switch
    {
        "issued" => RectificationState.Issued,
        "reported" => RectificationState.Reported,
        "accepted" => RectificationState.Accepted,
        "sent-back" => RectificationState.SentBack,
        _ => null,
    };
}
