namespace PowerFunctions.Domain.Complaints;

/// <summary>The API spelling (kebab case) of categories, channels, states and actions, in one place.</summary>
public static class ComplaintNames
{
    private static readonly Dictionary<ComplaintCategory, string> Categories = new()
    {
        [ComplaintCategory.Consultation] = "consultation",
        [ComplaintCategory.Help] = "help",
        [ComplaintCategory.Complaint] = "complaint",
        [ComplaintCategory.Report] = "report",
        [ComplaintCategory.Suggestion] = "suggestion",
    };

    private static readonly Dictionary<ComplaintCategory, string> CategoryLabels = new()
    {
        [ComplaintCategory.Consultation] = "咨询",
        [ComplaintCategory.Help] = "求助",
        [ComplaintCategory.Complaint] = "投诉",
        [ComplaintCategory.Report] = "举报",
        [ComplaintCategory.Suggestion] = "建议",
    };

    private static readonly Dictionary<ComplaintChannel, string> Channels = new()
    {
        [ComplaintChannel.Hotline] = "hotline",
        [ComplaintChannel.MiniProgram] = "mini-program",
        [ComplaintChannel.Email] = "email",
        [ComplaintChannel.Portal] = "portal",
        [ComplaintChannel.Open311] = "open311",
    };

    private static readonly Dictionary<ComplaintState, string> States = new()
    {
        [ComplaintState.Received] = "received",
        [ComplaintState.Assigned] = "assigned",
        [ComplaintState.InProgress] = "in-progress",
        [ComplaintState.Answered] = "answered",
        [ComplaintState.Closed] = "closed",
        [ComplaintState.Reopened] = "reopened",
    };

    private static readonly Dictionary<ComplaintState, string> StateLabels = new()
    {
        [ComplaintState.Received] = "已登记，待派单",
        [ComplaintState.Assigned] = "已派至承办部门，待签收",
        [ComplaintState.InProgress] = "办理中",
        [ComplaintState.Answered] = "已答复",
        [ComplaintState.Closed] = "已办结",
        [ComplaintState.Reopened] = "回访不满意，重新办理中",
    };

    private static readonly Dictionary<ComplaintAction, string> Actions = new()
    {
        [ComplaintAction.Assign] = "assign",
        [ComplaintAction.Transfer] = "transfer",
        [ComplaintAction.Accept] = "accept",
        [ComplaintAction.Explain] = "explain",
        [ComplaintAction.Answer] = "answer",
        [ComplaintAction.FollowUp] = "follow-up",
        [ComplaintAction.Reopen] = "reopen",
        [ComplaintAction.Close] = "close",
    };

    public static string Of(ComplaintCategory category) => Categories[category];

    public static string Of(ComplaintChannel channel) => Channels[channel];

    public static string Of(ComplaintState state) => States[state];

    public static string Of(ComplaintAction action) => Actions[action];

    /// <summary>The Chinese name of a category (投诉, 举报, …).</summary>
    public static string LabelOf(ComplaintCategory category) => CategoryLabels[category];

    /// <summary>The Chinese description of a state, as told to the filer.</summary>
    public static string LabelOf(ComplaintState state) => StateLabels[state];

    public static ComplaintCategory? ParseCategory(string? name) => Find(Categories, name);

    public static ComplaintChannel? ParseChannel(string? name) => Find(Channels, name);

    public static ComplaintState? ParseState(string? name) => Find(States, name);

    public static ComplaintAction? ParseAction(string? name) => Find(Actions, name);

    private static T? Find<T>(Dictionary<T, string> names, string? name)
        where T : struct, Enum
    {
        foreach (var (value, api) in names)
        {
            if (string.Equals(api, name, StringComparison.Ordinal))
            {
                return value;
            }
        }

        return null;
    }
}
