using System.ComponentModel;

namespace PowerFunctions.Domain.Cases;

/// <summary>How a decision is delivered. API <c>electronic</c>, <c>post</c>, <c>in-person</c>.</summary>
public enum DeliveryMethod
{
    [Description("电子送达")]
    Electronic,

    [Description("邮寄送达")]
    Post,

    [Description("直接送达")]
    InPerson,
}
