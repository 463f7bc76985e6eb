using System.Globalization;
using System.Text.Json;

namespace PowerFunctions.Storage.AzureStorage;

/// <summary>Writes a double so that the Table service never mistakes a whole number for an Int32.</summary>
internal static class Utf8JsonWriterExtensions
{
    public static void WriteNumberValueWithName(this Utf8JsonWriter writer, string name, double value)
    {
        writer.WritePropertyName(name);
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        if (text.AsSpan().IndexOfAny(".eE") < 0)
        {
            text += ".0";
        }

        writer.WriteRawValue(text, skipInputValidation: true);
    }
}
