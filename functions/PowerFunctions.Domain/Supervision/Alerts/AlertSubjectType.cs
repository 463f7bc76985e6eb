namespace PowerFunctions.Domain.Supervision.Alerts;

/// <summary>What an alert watches (API codes <c>case</c>, <c>ticket</c>, <c>item</c>, <c>rectification</c>).</summary>
public enum AlertSubjectType
{
    /// <summary>A case (办件), licensing or enforcement: its case number.</summary>
    Case,

    /// <summary>A hotline ticket (工单): its ticket number.</summary>
    Ticket,

    /// <summary>A catalog item (权力事项): its item code.</summary>
    Item,

    /// <summary>A rectification notice (整改通知书): its id.</summary>
    Rectification,
}
