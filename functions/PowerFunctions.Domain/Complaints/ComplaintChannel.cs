namespace PowerFunctions.Domain.Complaints;

/// <summary>Where a complaint (投诉举报) came in.</summary>
public enum ComplaintChannel
{
    /// <summary>The complaint hotline (热线), as a ticket on the queue.</summary>
    Hotline,

    /// <summary>The citizen mini-program (小程序).</summary>
    MiniProgram,

    /// <summary>E-mail (电子邮件).</summary>
    Email,

    /// <summary>The government portal (门户网站).</summary>
    Portal,
}
