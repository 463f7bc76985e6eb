namespace PowerFunctions.Domain.Complaints;

/// <summary>Where the matter is (Open311 <c>address_string</c> / <c>lat</c> / <c>long</c>, WGS84); every part optional.</summary>
public sealed record ComplaintLocation(string? Address, double? Lat, double? Long);
