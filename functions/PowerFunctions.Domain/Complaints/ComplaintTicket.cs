using System.Text.RegularExpressions;
using PowerFunctions.Domain.Common;

namespace PowerFunctions.Domain.Complaints;

/// <summary>
/// A complaint ticket as it arrives (from the hotline queue): valid by construction through
/// <see cref="Create"/>, which lists every problem at once.
/// </summary>
public sealed partial record ComplaintTicket
{
    public const int MaxSubjectLength = 200;
    public const int MaxContentLength = 5000;

    private ComplaintTicket(string ticketId, ComplaintChannel channel, ComplaintCaller caller, string subject, string content, string? caseNo, string? department, DateTimeOffset receivedAt)
    {
        TicketId = ticketId;
        Channel = channel;
        Caller = caller;
        Subject = subject;
        Content = content;
        CaseNo = caseNo;
        Department = department;
        ReceivedAt = receivedAt;
    }

    /// <summary>The hotline's id of the ticket; a redelivered ticket has the same one.</summary>
    public string TicketId { get; }

    public ComplaintChannel Channel { get; }

    public ComplaintCaller Caller { get; }

    public string Subject { get; }

    public string Content { get; }

    /// <summary>The case complained about, when there is one.</summary>
    public string? CaseNo { get; }

    /// <summary>The department complained about, when known.</summary>
    public string? Department { get; }

    public DateTimeOffset ReceivedAt { get; }

    /// <summary>A ticket from its raw parts, or a validation error naming every bad field.</summary>
    public static Result<ComplaintTicket> Create(
        string? ticketId,
        string? channel,
        string? callerName,
        string? callerPhone,
        string? subject,
        string? content,
        string? caseNo,
        string? department,
        DateTimeOffset? receivedAt)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(ticketId) || !TicketIdPattern().IsMatch(ticketId))
        {
            errors["ticketId"] = ["需要 1–64 位字母、数字、- 或 _ (required: 1-64 letters, digits, '-' or '_')"];
        }

        var parsedChannel = ParseChannel(channel);
        if (parsedChannel is null)
        {
            errors["channel"] = ["渠道须为 hotline、mini-program、email 或 portal"];
        }

        if (string.IsNullOrWhiteSpace(callerName) || callerName.Trim().Length > 50)
        {
            errors["caller.name"] = ["需要来电人姓名 (1–50 字)"];
        }

        if (string.IsNullOrWhiteSpace(callerPhone) || !PhonePattern().IsMatch(callerPhone.Trim()))
        {
            errors["caller.phone"] = ["需要有效的联系电话"];
        }

        if (string.IsNullOrWhiteSpace(subject) || subject.Trim().Length > MaxSubjectLength)
        {
            errors["subject"] = [$"需要主题 (1–{MaxSubjectLength} 字)"];
        }

        if (string.IsNullOrWhiteSpace(content) || content.Trim().Length > MaxContentLength)
        {
            errors["content"] = [$"需要投诉内容 (1–{MaxContentLength} 字)"];
        }

        if (caseNo is not null && (caseNo.Length is 0 or > 64 || !TicketIdPattern().IsMatch(caseNo)))
        {
            errors["caseNo"] = ["办件编号格式无效"];
        }

        if (department is not null && (department.Length is 0 or > 32 || !TicketIdPattern().IsMatch(department)))
        {
            errors["department"] = ["部门编码格式无效"];
        }

        if (receivedAt is null)
        {
            errors["receivedAt"] = ["需要受理时间 (ISO-8601, 含时区)"];
        }

        if (errors.Count > 0)
        {
            return DomainError.Validation("complaint.invalid", "投诉工单内容无效", string.Join("; ", errors.Keys), errors);
        }

        return new ComplaintTicket(ticketId!, parsedChannel!.Value, new ComplaintCaller(callerName!.Trim(), callerPhone!.Trim()), subject!.Trim(), content!.Trim(), caseNo, department, receivedAt!.Value);
    }

    /// <summary>The channel from its wire name (<c>hotline</c>, <c>mini-program</c>, <c>email</c>, <c>portal</c>).</summary>
    public static ComplaintChannel? ParseChannel(string? channel) => channel switch
    {
        "hotline" => ComplaintChannel.Hotline,
        "mini-program" => ComplaintChannel.MiniProgram,
        "email" => ComplaintChannel.Email,
        "portal" => ComplaintChannel.Portal,
        _ => null,
    };

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex TicketIdPattern();

    [GeneratedRegex(@"^\+?[0-9][0-9 -]{4,19}$")]
    private static partial Regex PhonePattern();
}
