using System.Security.Cryptography;
using System.Text;

namespace PowerFunctions.App.Features.Cases;

/// <summary>The random code that opens a case's public progress page: 10 characters of an unambiguous alphabet (≈ 50 bits), compared in constant time.</summary>
public static class QueryCodes
{
    private const string Alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

    public static string New() => RandomNumberGenerator.GetString(Alphabet, 10);

    public static bool Matches(string expected, string given) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(given.Trim().ToUpperInvariant()));
}
