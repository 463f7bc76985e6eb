using System.Text;

namespace PowerFunctions.Domain.Complaints;

/// <summary>
/// How to reach the filer: name, phone and (Open311) e-mail. Shown whole only where
/// <see cref="ComplaintPrivacy"/> allows; <see cref="ToString"/> is masked so a log line never carries it.
/// </summary>
public sealed record ComplaintContact(string? Name, string? Phone, string? Email = null)
{
    /// <summary>The same contact, masked (<see cref="ContactMask"/>).</summary>
    public ComplaintContact Masked() => new(
        Name is null ? null : ContactMask.Name(Name),
        Phone is null ? null : ContactMask.Phone(Phone),
        Email is null ? null : ContactMask.Email(Email));

    private bool PrintMembers(StringBuilder builder)
    {
        var masked = Masked();
        builder.Append("Name = ").Append(masked.Name).Append(", Phone = ").Append(masked.Phone).Append(", Email = ").Append(masked.Email);
        return true;
    }
}
